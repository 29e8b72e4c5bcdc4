// A copy of cypher/analytics/top-actors.cypher as Parley ran it before rollups (issue 15): the
// peer's @cypher variant (bench/systems/peer-cypher.ts). Parley's own statement may since read
// aggregates that only Parley's write path maintains.
// Actors ranked over the events in a window by one of three measures, all computed here:
// distinct events, distinct co-participants, and the average Goldstein score of those events.
// Each actor's events are counted and averaged as they are matched, never collected: a
// ranking over a million events keeps one row per actor. Co-participants are counted for
// every actor only when they are the ranking ($by = PARTNERS); otherwise only for the $first
// actors kept. Ties go by id; an actor without a typed event ranks last by GOLDSTEIN.
MATCH (e:Event)
WHERE ($from IS NULL OR e.latest >= date($from))
  AND ($to IS NULL OR e.earliest <= date($to))
MATCH (a:Actor)-[:PARTICIPATED_IN]->(e)
WHERE $kinds IS NULL OR a.kind IN $kinds
WITH DISTINCT a, e
OPTIONAL MATCH (e)-[:OF_TYPE]->(t:EventType)
WITH a, count(e) AS events, avg(t.goldstein) AS goldsteinAverage
WHERE events >= $minEvents
CALL (a) {
  WITH a WHERE $by = 'PARTNERS'
  MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)
  WHERE b <> a
    AND ($from IS NULL OR e.latest >= date($from))
    AND ($to IS NULL OR e.earliest <= date($to))
  RETURN count(DISTINCT b) AS rankingPartners
}
WITH a, events, goldsteinAverage, rankingPartners
ORDER BY
  CASE $by WHEN 'EVENTS' THEN events WHEN 'PARTNERS' THEN rankingPartners END DESC,
  CASE WHEN $by = 'GOLDSTEIN' AND goldsteinAverage IS NULL THEN 1 ELSE 0 END,
  CASE WHEN $by = 'GOLDSTEIN' THEN goldsteinAverage END DESC,
  a.id
LIMIT $first
CALL (a) {
  MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)
  WHERE b <> a
    AND ($from IS NULL OR e.latest >= date($from))
    AND ($to IS NULL OR e.earliest <= date($to))
  RETURN count(DISTINCT b) AS partners
}
RETURN a {.id, .name, .kind, .aliases, .wikidataId, .countryCode} AS actor,
       events, partners, goldsteinAverage
