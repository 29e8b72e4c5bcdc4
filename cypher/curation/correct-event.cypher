// An editor's correction of an event's date or type. `curated` keeps a later re-ingest of the
// same bundle from undoing it.
MATCH (e:Event {id: $eventId})
SET e.earliest = CASE WHEN $date IS NULL THEN e.earliest ELSE date($date.earliest) END,
    e.latest = CASE WHEN $date IS NULL THEN e.latest ELSE date($date.latest) END,
    e.precision = CASE WHEN $date IS NULL THEN e.precision ELSE $date.precision END,
    e.qualifier = CASE WHEN $date IS NULL THEN e.qualifier ELSE $date.qualifier END,
    e.dateText = CASE WHEN $date IS NULL THEN e.dateText ELSE coalesce($date.text, e.dateText) END,
    e.cameoCode = coalesce($cameoCode, e.cameoCode),
    e.curated = true
WITH e
CALL (e) {
  WITH e WHERE $cameoCode IS NOT NULL
  MATCH (t:EventType {code: $cameoCode})
  OPTIONAL MATCH (e)-[old:OF_TYPE]->(:EventType)
  DELETE old
  MERGE (e)-[:OF_TYPE]->(t)
}
RETURN e {.id, .summary, .cameoCode, .status, .earliest, .latest, .precision, .qualifier, .dateText} AS event
