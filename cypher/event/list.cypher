// Events in date order with keyset pagination on (earliest, id). A role without an actor
// means "has some participant in that role".
MATCH (e:Event)
WHERE ($from IS NULL OR e.latest >= date($from))
  AND ($to IS NULL OR e.earliest <= date($to))
  AND ($status IS NULL OR e.status = $status)
  AND ($type IS NULL OR e.cameoCode = $type)
  AND ($typePrefix IS NULL OR e.cameoCode STARTS WITH $typePrefix)
  AND ($role IS NULL OR EXISTS { (:Actor)-[:PARTICIPATED_IN {role: $role}]->(e) })
  AND ($afterDate IS NULL
     OR ($desc AND (e.earliest < date($afterDate) OR (e.earliest = date($afterDate) AND e.id < $afterId)))
     OR (NOT $desc AND (e.earliest > date($afterDate) OR (e.earliest = date($afterDate) AND e.id > $afterId))))
WITH e
ORDER BY CASE WHEN $desc THEN e.earliest END DESC, CASE WHEN $desc THEN e.id END DESC, e.earliest, e.id
LIMIT $limit
RETURN e {.id, .summary, .cameoCode, .status, .earliest, .latest, .precision, .qualifier, .dateText} AS event
