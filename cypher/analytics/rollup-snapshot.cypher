// What the rollups count of each given event (src/modules/analytics/rollups.ts): its date
// interval, status, type and Goldstein score, and the distinct actors that took part in it (an
// actor in two roles is one participant). Read before and after a write, in its transaction.
UNWIND $ids AS id
MATCH (e:Event {id: id})
OPTIONAL MATCH (e)-[:OF_TYPE]->(t:EventType)
RETURN e.id AS id, toString(e.earliest) AS earliest, toString(e.latest) AS latest, e.status AS status,
       t.code AS code, t.goldstein AS goldstein,
       COLLECT { MATCH (a:Actor)-[:PARTICIPATED_IN]->(e) RETURN DISTINCT a.id } AS actorIds
