UNWIND $documents AS x
MERGE (d:Document {id: x.id})
SET d.kind = x.kind, d.title = x.title
WITH d, x
CALL (d, x) {
  UNWIND x.authoredBy AS actorId
  MATCH (a:Actor {id: actorId})
  MERGE (d)-[:AUTHORED_BY]->(a)
}
CALL (d, x) {
  UNWIND x.addressedTo AS actorId
  MATCH (a:Actor {id: actorId})
  MERGE (d)-[:ADDRESSED_TO]->(a)
}
