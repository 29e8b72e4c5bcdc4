UNWIND $eventIds AS eventId
MATCH (:Event {id: eventId})-[:CONCERNS]->(d:Document)
RETURN eventId, d {.id, .kind, .title} AS document
ORDER BY eventId, d.id
