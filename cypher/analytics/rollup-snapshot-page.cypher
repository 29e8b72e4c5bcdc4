// The events after $after in id order, as rollup-snapshot reads them: the rebuild walks the
// whole graph this way, one page per transaction.
MATCH (e:Event)
WHERE $after IS NULL OR e.id > $after
WITH e ORDER BY e.id LIMIT $limit
OPTIONAL MATCH (e)-[:OF_TYPE]->(t:EventType)
RETURN e.id AS id, toString(e.earliest) AS earliest, toString(e.latest) AS latest, e.status AS status,
       t.code AS code, t.goldstein AS goldstein,
       COLLECT { MATCH (a:Actor)-[:PARTICIPATED_IN]->(e) RETURN DISTINCT a.id } AS actorIds
ORDER BY id
