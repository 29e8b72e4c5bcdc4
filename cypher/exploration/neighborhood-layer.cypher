// One ring of a neighbourhood: the actors sharing events with the frontier, weighted by how
// many events they share with it. Each frontier actor contributes at most $eventsPerActor of
// its most recent events in the window, so hubs cost a bounded amount.
UNWIND $frontier AS frontierId
MATCH (f:Actor {id: frontierId})
CALL (f) {
  MATCH (f)-[p:PARTICIPATED_IN]->(e:Event)
  WHERE ($from IS NULL OR e.latest >= date($from))
    AND ($to IS NULL OR e.earliest <= date($to))
    AND ($roles IS NULL OR p.role IN $roles)
  WITH DISTINCT e
  ORDER BY e.earliest DESC, e.id DESC
  LIMIT $eventsPerActor
  MATCH (e)<-[q:PARTICIPATED_IN]-(b:Actor)
  WHERE NOT b.id IN $seen AND ($roles IS NULL OR q.role IN $roles)
  RETURN b, count(DISTINCT e) AS shared
}
WITH b, sum(shared) AS weight
ORDER BY weight DESC, b.id
LIMIT $limit
RETURN b {.id, .name, .kind, .aliases, .wikidataId, .countryCode} AS actor, weight
