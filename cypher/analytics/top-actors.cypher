// Actors ranked over a window (what analytics/top-actors-scan computes from the events), read
// from the rollups. The window comes split (rollups.ts, yearWindow): the years it covers whole
// ($fromYear…$toYear) read the year counters of one row per actor (c<year>, t<year>, g<year>);
// the days it cuts from a year ($edges)
// are read from those days' events (as many as rows per actor and day would be); intervals
// that cross a new year (RollupActor, single = false) are read as they overlap the window. Each
// event has one interval, so the three parts never count it twice. Distinct partners come from
// the pair relationships between totals (either end may be the actor) the same way, and from
// the actor's own events in the cut years (only for the $first actors kept).
// Ties go by id; an actor without a typed event ranks last by GOLDSTEIN.
CALL () {
  WITH $fromYear <= $toYear AS wholeYears
  WHERE wholeYears
  MATCH (r:RollupActorTotal)
  WITH r, [k IN keys(r) WHERE k =~ 'c[0-9]+' AND $fromYear <= toInteger(substring(k, 1)) <= $toYear
           | substring(k, 1)] AS years
  WHERE size(years) > 0
  RETURN r.actorId AS actorId, reduce(s = 0, y IN years | s + r['c' + y]) AS n,
         reduce(s = 0, y IN years | s + coalesce(r['t' + y], 0)) AS typed,
         reduce(s = 0, y IN years | s + coalesce(r['g' + y], 0)) AS g
  UNION ALL
  UNWIND $edges AS edge
  MATCH (e:Event)
  WHERE e.earliest >= date(edge.start) AND e.earliest <= date(edge.end)
    AND e.latest >= date(edge.minLatest) AND e.latest.year = e.earliest.year
  OPTIONAL MATCH (e)-[:OF_TYPE]->(t:EventType)
  WITH e, t.goldstein AS score
  MATCH (a:Actor)-[:PARTICIPATED_IN]->(e)
  WITH DISTINCT a.id AS actorId, e, score
  RETURN actorId, 1 AS n, CASE WHEN score IS NULL THEN 0 ELSE 1 END AS typed,
         CASE WHEN score IS NULL THEN 0 ELSE toInteger(round(score * 10)) END AS g
  UNION ALL
  // The index keeps this to the few rows across a new year (not a scan of every actor row).
  MATCH (r:RollupActor)
  USING INDEX r:RollupActor(single, earliest)
  WHERE r.single = false AND r.earliest IS NOT NULL
    AND ($from IS NULL OR r.latest >= date($from)) AND ($to IS NULL OR r.earliest <= date($to))
  RETURN r.actorId AS actorId, r.count AS n, r.typed AS typed, r.goldstein10 AS g
}
WITH actorId, sum(n) AS events, sum(typed) AS typed, sum(g) AS g
WHERE events >= $minEvents
MATCH (a:Actor {id: actorId})
WHERE $kinds IS NULL OR a.kind IN $kinds
WITH a, events, CASE WHEN typed > 0 THEN toFloat(g) / (10 * typed) END AS goldsteinAverage
CALL (a) {
  WITH a WHERE $by = 'PARTNERS'
  CALL (a) {
    MATCH (:RollupActorTotal {key: a.id})-[p:ROLLUP_PAIR]-(o:RollupActorTotal)
    WHERE any(k IN keys(p) WHERE k =~ 'y[0-9]+' AND $fromYear <= toInteger(substring(k, 1)) <= $toYear)
    RETURN o.key AS partner
    UNION
    MATCH (p:RollupPairSpan)
    WHERE p.actorId = a.id
      AND ($from IS NULL OR p.latest >= date($from)) AND ($to IS NULL OR p.earliest <= date($to))
    RETURN p.partnerId AS partner
    UNION
    MATCH (p:RollupPairSpan)
    WHERE p.partnerId = a.id
      AND ($from IS NULL OR p.latest >= date($from)) AND ($to IS NULL OR p.earliest <= date($to))
    RETURN p.actorId AS partner
  }
  RETURN count(partner) AS rankingPartners
}
WITH a, events, goldsteinAverage, rankingPartners
ORDER BY
  CASE $by WHEN 'EVENTS' THEN events WHEN 'PARTNERS' THEN rankingPartners END DESC,
  CASE WHEN $by = 'GOLDSTEIN' AND goldsteinAverage IS NULL THEN 1 ELSE 0 END,
  CASE WHEN $by = 'GOLDSTEIN' THEN goldsteinAverage END DESC,
  a.id
LIMIT $first
CALL (a) {
  CALL (a) {
    MATCH (:RollupActorTotal {key: a.id})-[p:ROLLUP_PAIR]-(o:RollupActorTotal)
    WHERE any(k IN keys(p) WHERE k =~ 'y[0-9]+' AND $fromYear <= toInteger(substring(k, 1)) <= $toYear)
    RETURN o.key AS partner
    UNION
    MATCH (p:RollupPairSpan)
    WHERE p.actorId = a.id
      AND ($from IS NULL OR p.latest >= date($from)) AND ($to IS NULL OR p.earliest <= date($to))
    RETURN p.partnerId AS partner
    UNION
    MATCH (p:RollupPairSpan)
    WHERE p.partnerId = a.id
      AND ($from IS NULL OR p.latest >= date($from)) AND ($to IS NULL OR p.earliest <= date($to))
    RETURN p.actorId AS partner
    UNION
    UNWIND $edges AS edge
    MATCH (a)-[:PARTICIPATED_IN]->(e:Event)
    WHERE e.earliest >= date(edge.start) AND e.earliest <= date(edge.end)
      AND e.latest >= date(edge.minLatest) AND e.latest.year = e.earliest.year
    MATCH (e)<-[:PARTICIPATED_IN]-(b:Actor)
    WHERE b <> a
    RETURN b.id AS partner
  }
  RETURN count(partner) AS partners
}
RETURN a {.id, .name, .kind, .aliases, .wikidataId, .countryCode} AS actor,
       events, partners, goldsteinAverage
