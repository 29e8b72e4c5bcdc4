// An event's date is an interval with its precision; its type is a link to the codebook.
UNWIND $events AS x
MERGE (e:Event {id: x.id})
SET e.summary = x.summary,
    e.cameoCode = x.cameoCode,
    e.status = x.status,
    e.earliest = date(x.date.earliest),
    e.latest = date(x.date.latest),
    e.precision = x.date.precision,
    e.qualifier = x.date.qualifier,
    e.dateText = x.date.text
WITH e, x
CALL (e, x) {
  OPTIONAL MATCH (e)-[old:OF_TYPE]->(t:EventType)
  WHERE t.code <> x.cameoCode
  DELETE old
}
CALL (e, x) {
  MATCH (t:EventType {code: x.cameoCode})
  MERGE (e)-[:OF_TYPE]->(t)
}
CALL (e, x) {
  UNWIND x.participants AS p
  MATCH (a:Actor {id: p.actorId})
  MERGE (a)-[:PARTICIPATED_IN {role: p.role}]->(e)
}
CALL (e, x) {
  UNWIND x.documents AS documentId
  MATCH (d:Document {id: documentId})
  MERGE (e)-[:CONCERNS]->(d)
}
