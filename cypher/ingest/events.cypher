// An event's date is an interval with its precision; its type is a link to the codebook.
// An editor's correction (curated) of the date or type wins over a re-ingested bundle.
UNWIND $events AS x
MERGE (e:Event {id: x.id})
WITH e, x, coalesce(e.curated, false) AS curated
SET e.summary = x.summary,
    e.status = x.status,
    e.cameoCode = CASE WHEN curated THEN e.cameoCode ELSE x.cameoCode END,
    e.earliest = CASE WHEN curated THEN e.earliest ELSE date(x.date.earliest) END,
    e.latest = CASE WHEN curated THEN e.latest ELSE date(x.date.latest) END,
    e.precision = CASE WHEN curated THEN e.precision ELSE x.date.precision END,
    e.qualifier = CASE WHEN curated THEN e.qualifier ELSE x.date.qualifier END,
    e.dateText = CASE WHEN curated THEN e.dateText ELSE x.date.text END
WITH e, x
CALL (e) {
  OPTIONAL MATCH (e)-[old:OF_TYPE]->(t:EventType)
  WHERE t.code <> e.cameoCode
  DELETE old
}
CALL (e) {
  MATCH (t:EventType {code: e.cameoCode})
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
