UNWIND $documentIds AS documentId
MATCH (:Document {id: documentId})-[r:AUTHORED_BY|ADDRESSED_TO]->(a:Actor)
RETURN documentId, type(r) AS type, a {.id, .name, .kind, .aliases, .wikidataId, .countryCode} AS actor
ORDER BY documentId, type, a.id
