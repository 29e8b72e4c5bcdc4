// The events that tie the kept actors together: those with at least two kept participants,
// the most connecting first, then the most recent, among each kept actor's $eventsPerActor
// most recent events (read as in neighborhood-layer.cypher: walking the index for hubs).
UNWIND $actorIds AS actorId
MATCH (a:Actor {id: actorId})
WITH a, $walkable AND COUNT { (a)-[:PARTICIPATED_IN]->() } ^ 2
     > $walkFactor * $eventsPerActor * COUNT { (:Event) } AS walk
CALL (a, walk) {
  // The walk, tried for hubs (see cypher/actor/events-page.cypher): down the date index from
  // the window's end, at most $walkBudget entries; the CASE keeps the seek empty otherwise.
  MATCH (e:Event)
  WHERE e.earliest >= date($walkLow) AND e.earliest <= CASE WHEN walk THEN date($walkHigh) END
    AND e.id IS NOT NULL
  WITH e
  ORDER BY e.earliest DESC, e.id DESC
  LIMIT $walkBudget
  WITH e WHERE EXISTS { (a)-[:PARTICIPATED_IN]->(e) }
  WITH e
  ORDER BY e.earliest DESC, e.id DESC
  LIMIT $eventsPerActor
  RETURN collect(e) AS walked
}
WITH a, walked, size(walked) = $eventsPerActor AS full
CALL (a, full) {
  // The expansion answers whenever the walk did not fill the actor's share.
  WITH a WHERE NOT full
  MATCH (a)-[p:PARTICIPATED_IN]->(e:Event)
  WHERE ($from IS NULL OR e.latest >= date($from))
    AND ($to IS NULL OR e.earliest <= date($to))
    AND ($roles IS NULL OR p.role IN $roles)
  WITH DISTINCT e
  ORDER BY e.earliest DESC, e.id DESC
  LIMIT $eventsPerActor
  RETURN collect(e) AS expanded
}
UNWIND CASE WHEN full THEN walked ELSE expanded END AS e
WITH DISTINCT e
MATCH (e)<-[p:PARTICIPATED_IN]-(x:Actor)
WHERE x.id IN $actorIds AND ($roles IS NULL OR p.role IN $roles)
WITH e, collect({actorId: x.id, role: p.role}) AS participations, count(DISTINCT x) AS kept
WHERE kept >= 2
RETURN e {.id, .summary, .cameoCode, .status, .earliest, .latest, .precision, .qualifier, .dateText} AS event,
       participations, kept
ORDER BY kept DESC, e.earliest DESC, e.id
LIMIT $limit
