MATCH (a:Event)-[r:RESPONDS_TO|PART_OF|FOLLOWS_UP]->(b:Event)
WHERE a.id IN $eventIds OR b.id IN $eventIds
RETURN {type: type(r), from: a.id, to: b.id} AS link
