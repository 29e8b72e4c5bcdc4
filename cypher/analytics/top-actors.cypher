// Actors ranked over the events in a window by one of three measures, all computed here:
// distinct events, distinct co-participants, and the average Goldstein score of those events.
// Co-participants are counted for every actor only when they are the ranking ($by = PARTNERS);
// otherwise only for the $first actors kept. Ties go by id; an actor without a typed event
// ranks last by GOLDSTEIN.
MATCH (e:Event)
WHERE ($from IS NULL OR e.latest >= date($from))
  AND ($to IS NULL OR e.earliest <= date($to))
MATCH (a:Actor)-[:PARTICIPATED_IN]->(e)
WHERE $kinds IS NULL OR a.kind IN $kinds
WITH DISTINCT a, e
OPTIONAL MATCH (e)-[:OF_TYPE]->(t:EventType)
WITH a, count(e) AS events, avg(t.goldstein) AS goldsteinAverage, collect(e) AS es
WHERE events >= $minEvents
CALL (a, es) {
  UNWIND CASE WHEN $by = 'PARTNERS' THEN es ELSE [] END AS e
  MATCH (e)<-[:PARTICIPATED_IN]-(b:Actor)
  WHERE b <> a
  RETURN count(DISTINCT b) AS rankingPartners
}
WITH a, events, goldsteinAverage, es, rankingPartners
ORDER BY
  CASE $by WHEN 'EVENTS' THEN events WHEN 'PARTNERS' THEN rankingPartners END DESC,
  CASE WHEN $by = 'GOLDSTEIN' AND goldsteinAverage IS NULL THEN 1 ELSE 0 END,
  CASE WHEN $by = 'GOLDSTEIN' THEN goldsteinAverage END DESC,
  a.id
LIMIT $first
CALL (a, es) {
  UNWIND es AS e
  MATCH (e)<-[:PARTICIPATED_IN]-(b:Actor)
  WHERE b <> a
  RETURN count(DISTINCT b) AS partners
}
RETURN a {.id, .name, .kind, .aliases, .wikidataId, .countryCode} AS actor,
       events, partners, goldsteinAverage
