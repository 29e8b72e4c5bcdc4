UNWIND $eventIds AS eventId
MATCH (a:Actor)-[p:PARTICIPATED_IN]->(:Event {id: eventId})
RETURN eventId, p.role AS role, a {.id, .name, .kind, .aliases, .wikidataId, .countryCode} AS actor
ORDER BY eventId, role, a.id
