// One page of events for each of many actors, in one round trip. Keyset on (earliest, id):
// a hub actor's later pages never re-read the earlier ones into the result.
UNWIND $actorIds AS actorId
MATCH (a:Actor {id: actorId})
CALL (a) {
  MATCH (a)-[p:PARTICIPATED_IN]->(e:Event)
  WHERE ($role IS NULL OR p.role = $role)
    AND ($from IS NULL OR e.latest >= date($from))
    AND ($to IS NULL OR e.earliest <= date($to))
    AND ($status IS NULL OR e.status = $status)
    AND ($type IS NULL OR e.cameoCode = $type)
    AND ($typePrefix IS NULL OR e.cameoCode STARTS WITH $typePrefix)
  WITH DISTINCT e
  WHERE $afterDate IS NULL
     OR ($desc AND (e.earliest < date($afterDate) OR (e.earliest = date($afterDate) AND e.id < $afterId)))
     OR (NOT $desc AND (e.earliest > date($afterDate) OR (e.earliest = date($afterDate) AND e.id > $afterId)))
  WITH e
  ORDER BY CASE WHEN $desc THEN e.earliest END DESC, CASE WHEN $desc THEN e.id END DESC, e.earliest, e.id
  LIMIT $limit
  RETURN collect(e {.id, .summary, .cameoCode, .status, .earliest, .latest, .precision, .qualifier, .dateText}) AS events
}
RETURN actorId, events
