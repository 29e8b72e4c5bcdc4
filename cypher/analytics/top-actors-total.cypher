// Actors ranked over all time (no window), from the totals of RollupActorTotal: by EVENTS and by
// PARTNERS the rows are read in the order of their index (rollup_actor_total_count,
// rollup_actor_total_partners) and the read stops after the $first kept, so the home page's
// ranking costs the same at any number of actors; by GOLDSTEIN every row is read (an average
// has no index). The same ranking as analytics/top-actors with an open window: ties by id, an
// actor without a typed event last by GOLDSTEIN.
CALL () {
  WITH $by AS by
  WHERE by = 'EVENTS'
  MATCH (r:RollupActorTotal)
  WHERE r.count >= $minEvents
  MATCH (a:Actor {id: r.actorId})
  WHERE $kinds IS NULL OR a.kind IN $kinds
  WITH a, r
  ORDER BY r.count DESC, r.actorId
  LIMIT $first
  RETURN a, r
  UNION ALL
  WITH $by AS by
  WHERE by = 'PARTNERS'
  MATCH (r:RollupActorTotal)
  WHERE r.partners >= 0 AND r.count >= $minEvents
  MATCH (a:Actor {id: r.actorId})
  WHERE $kinds IS NULL OR a.kind IN $kinds
  WITH a, r
  ORDER BY r.partners DESC, r.actorId
  LIMIT $first
  RETURN a, r
  UNION ALL
  WITH $by AS by
  WHERE by = 'GOLDSTEIN'
  MATCH (r:RollupActorTotal)
  WHERE r.count >= $minEvents
  MATCH (a:Actor {id: r.actorId})
  WHERE $kinds IS NULL OR a.kind IN $kinds
  WITH a, r, CASE WHEN r.typed > 0 THEN toFloat(r.goldstein10) / (10 * r.typed) END AS average
  ORDER BY CASE WHEN average IS NULL THEN 1 ELSE 0 END, average DESC, r.actorId
  LIMIT $first
  RETURN a, r
}
WITH a, r, CASE WHEN r.typed > 0 THEN toFloat(r.goldstein10) / (10 * r.typed) END AS goldsteinAverage
RETURN a {.id, .name, .kind, .aliases, .wikidataId, .countryCode} AS actor,
       r.count AS events, r.partners AS partners, goldsteinAverage
ORDER BY
  CASE $by WHEN 'EVENTS' THEN events WHEN 'PARTNERS' THEN partners END DESC,
  CASE WHEN $by = 'GOLDSTEIN' AND goldsteinAverage IS NULL THEN 1 ELSE 0 END,
  CASE WHEN $by = 'GOLDSTEIN' THEN goldsteinAverage END DESC,
  actor.id
