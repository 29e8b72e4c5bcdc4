// Events in date order with keyset pagination on (earliest, id). A role without an actor
// means "has some participant in that role". {{DIR}} and {{CMP}} are spliced per direction by
// event.repository.ts, so Neo4j reads the Event(earliest, id) index in order from the cursor
// ($walkLow…$walkHigh: the cursor and the window's end) and stops when the page is full.
MATCH (e:Event)
WHERE e.earliest >= date($walkLow) AND e.earliest <= date($walkHigh) AND e.id IS NOT NULL
  AND ($from IS NULL OR e.latest >= date($from))
  AND ($to IS NULL OR e.earliest <= date($to))
  AND ($status IS NULL OR e.status = $status)
  AND ($type IS NULL OR e.cameoCode = $type)
  AND ($typePrefix IS NULL OR e.cameoCode STARTS WITH $typePrefix)
  AND ($role IS NULL OR EXISTS { (:Actor)-[:PARTICIPATED_IN {role: $role}]->(e) })
  AND ($afterDate IS NULL OR e.earliest {{CMP}} date($afterDate) OR e.id {{CMP}} $afterId)
WITH e
ORDER BY e.earliest {{DIR}}, e.id {{DIR}}
LIMIT $limit
RETURN e {.id, .summary, .cameoCode, .status, .earliest, .latest, .precision, .qualifier, .dateText} AS event
