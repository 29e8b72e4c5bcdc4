CALL (*) {
  UNWIND $actorIds AS id
  MATCH (a:Actor {id: id})
  RETURN collect(a {.id, .kind, .name, .aliases, .wikidataId, .countryCode}) AS actors
}
CALL (*) {
  UNWIND $documentIds AS id
  MATCH (d:Document {id: id})
  CALL (d) { OPTIONAL MATCH (d)-[:AUTHORED_BY]->(a:Actor) RETURN collect(a.id) AS authoredBy }
  CALL (d) { OPTIONAL MATCH (d)-[:ADDRESSED_TO]->(a:Actor) RETURN collect(a.id) AS addressedTo }
  RETURN collect(d {.id, .kind, .title, authoredBy: authoredBy, addressedTo: addressedTo}) AS documents
}
RETURN actors, documents
