// One page of events for each of many actors, in one round trip, in (earliest, id) order.
// {{DIR}} (ASC or DESC) and {{CMP}} (> or <) are spliced by event.repository.ts byDirection()
// from a fixed pair, so each direction gets a plain ORDER BY that Neo4j can answer from an index.
// Two plans, chosen per actor at run time:
// - walk: for a hub, read the Event(earliest, id) index in order from the cursor and keep the
//   events the actor took part in until the page is full. Its cost grows with
//   limit × events ÷ degree, so it is tried when degree² > $walkFactor × limit × events (the
//   degree and the event count come from Neo4j's count stores). It reads between $walkLow and
//   $walkHigh (the cursor and the window's end, in the walk's direction) and at most
//   $walkBudget index entries. Filters the index cannot bound (role, type, status, the window's
//   start) would make it read far, so with them it is not tried ($walkable is false).
// - expand: read all the actor's events, keep those after the cursor, sort, take a page. Its
//   cost grows with the actor's degree. It answers for every actor the walk did not fill a page
//   for: actors it was not tried for, a last page, events bunched far from the cursor.
UNWIND $actorIds AS actorId
MATCH (a:Actor {id: actorId})
WITH a, actorId, COUNT { (a)-[:PARTICIPATED_IN]->() } AS degree
WITH a, actorId,
     $walkable AND degree * degree > $walkFactor * $limit * COUNT { (:Event) } AS walk
CALL (a, walk) {
  // The CASE keeps the seek empty when the walk is not tried (a WHERE on `walk` alone is
  // planned after the seek, which would then read the whole index).
  MATCH (e:Event)
  WHERE e.earliest >= date($walkLow) AND e.earliest <= CASE WHEN walk THEN date($walkHigh) END
    AND e.id IS NOT NULL
    AND ($afterDate IS NULL OR e.earliest {{CMP}} date($afterDate) OR e.id {{CMP}} $afterId)
  WITH e
  ORDER BY e.earliest {{DIR}}, e.id {{DIR}}
  LIMIT $walkBudget
  WITH e WHERE EXISTS { (a)-[p:PARTICIPATED_IN]->(e) WHERE $role IS NULL OR p.role = $role }
  WITH e
  ORDER BY e.earliest {{DIR}}, e.id {{DIR}}
  LIMIT $limit
  RETURN collect(e) AS walked
}
WITH a, actorId, walked, size(walked) = $limit AS full
CALL (a, full) {
  WITH a WHERE NOT full
  MATCH (a)-[p:PARTICIPATED_IN]->(e:Event)
  WHERE ($role IS NULL OR p.role = $role)
    AND ($from IS NULL OR e.latest >= date($from))
    AND ($to IS NULL OR e.earliest <= date($to))
    AND ($status IS NULL OR e.status = $status)
    AND ($type IS NULL OR e.cameoCode = $type)
    AND ($typePrefix IS NULL OR e.cameoCode STARTS WITH $typePrefix)
    AND ($afterDate IS NULL OR e.earliest {{CMP}} date($afterDate)
         OR (e.earliest = date($afterDate) AND e.id {{CMP}} $afterId))
  WITH DISTINCT e
  ORDER BY e.earliest {{DIR}}, e.id {{DIR}}
  LIMIT $limit
  RETURN collect(e) AS expanded
}
// The actor's row rides along, so that `actor(id) { events }` needs no by-ids statement first.
RETURN actorId,
       a {.id, .name, .kind, .aliases, .wikidataId, .countryCode} AS actor,
       [e IN CASE WHEN full THEN walked ELSE expanded END |
        e {.id, .summary, .cameoCode, .status, .earliest, .latest, .precision, .qualifier, .dateText}] AS events
