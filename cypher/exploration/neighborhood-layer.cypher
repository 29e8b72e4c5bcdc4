// One ring of a neighbourhood: the actors sharing events with the frontier, weighted by how
// many events they share with it. Each frontier actor contributes at most $eventsPerActor of
// its most recent events in the window, so hubs cost a bounded amount: an actor with many
// events walks the Event(earliest, id) index down from the window's end instead of sorting
// all of them (the same two plans, and the same rule, as cypher/actor/events-page.cypher).
UNWIND $frontier AS frontierId
MATCH (f:Actor {id: frontierId})
WITH f, $walkable AND COUNT { (f)-[:PARTICIPATED_IN]->() } ^ 2
     > $walkFactor * $eventsPerActor * COUNT { (:Event) } AS walk
CALL (f, walk) {
  CALL (f, walk) {
    // The walk, tried for hubs (see cypher/actor/events-page.cypher): down the date index from
    // the window's end, at most $walkBudget entries; the CASE keeps the seek empty otherwise.
    MATCH (e:Event)
    WHERE e.earliest >= date($walkLow) AND e.earliest <= CASE WHEN walk THEN date($walkHigh) END
      AND e.id IS NOT NULL
    WITH e
    ORDER BY e.earliest DESC, e.id DESC
    LIMIT $walkBudget
    WITH e WHERE EXISTS { (f)-[:PARTICIPATED_IN]->(e) }
    WITH e
    ORDER BY e.earliest DESC, e.id DESC
    LIMIT $eventsPerActor
    RETURN collect(e) AS walked
  }
  WITH f, walked, size(walked) = $eventsPerActor AS full
  CALL (f, full) {
    // The expansion answers whenever the walk did not fill the actor's share.
    WITH f WHERE NOT full
    MATCH (f)-[p:PARTICIPATED_IN]->(e:Event)
    WHERE ($from IS NULL OR e.latest >= date($from))
      AND ($to IS NULL OR e.earliest <= date($to))
      AND ($roles IS NULL OR p.role IN $roles)
    WITH DISTINCT e
    ORDER BY e.earliest DESC, e.id DESC
    LIMIT $eventsPerActor
    RETURN collect(e) AS expanded
  }
  UNWIND CASE WHEN full THEN walked ELSE expanded END AS e
  MATCH (e)<-[q:PARTICIPATED_IN]-(b:Actor)
  WHERE NOT b.id IN $seen AND ($roles IS NULL OR q.role IN $roles)
  RETURN b, count(DISTINCT e) AS shared
}
WITH b, sum(shared) AS weight
ORDER BY weight DESC, b.id
LIMIT $limit
RETURN b {.id, .name, .kind, .aliases, .wikidataId, .countryCode} AS actor, weight
