// The event scan behind analytics/counts-by-quad-class, for the filters the rollups cannot
// answer (an actor or a role); also the reference the rollup tests compare with.
// Matching events (the filter of analytics/interval-rows) counted per QuadClass of their type.
CALL () {
  MATCH (:Actor {id: $actorId})-[p:PARTICIPATED_IN]->(e:Event)
  WHERE ($role IS NULL OR p.role = $role)
  RETURN DISTINCT e
  UNION ALL
  WITH $actorId AS actorId
  WHERE actorId IS NULL
  MATCH (e:Event)
  WHERE $role IS NULL OR EXISTS { (:Actor)-[:PARTICIPATED_IN {role: $role}]->(e) }
  RETURN e
}
WITH e
WHERE ($from IS NULL OR e.latest >= date($from))
  AND ($to IS NULL OR e.earliest <= date($to))
  AND ($status IS NULL OR e.status = $status)
  AND ($type IS NULL OR e.cameoCode = $type)
  AND ($typePrefix IS NULL OR e.cameoCode STARTS WITH $typePrefix)
MATCH (e)-[:OF_TYPE]->(t:EventType)
RETURN t.quadClass AS quadClass, count(e) AS count
ORDER BY quadClass
