// Links between events in both directions: respondsTo/responses, partOf/parts, followsUp/followedBy.
UNWIND $eventIds AS eventId
MATCH (e:Event {id: eventId})-[r:RESPONDS_TO|PART_OF|FOLLOWS_UP]-(o:Event)
RETURN eventId,
       type(r) AS type,
       startNode(r) = e AS outgoing,
       o {.id, .summary, .cameoCode, .status, .earliest, .latest, .precision, .qualifier, .dateText} AS other
ORDER BY eventId, o.earliest, o.id
