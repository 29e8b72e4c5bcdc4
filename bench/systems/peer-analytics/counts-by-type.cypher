// A copy of cypher/analytics/counts-by-type.cypher as Parley ran it before rollups (issue 15): the
// peer's @cypher variant (bench/systems/peer-cypher.ts).
// Matching events (the filter of analytics/interval-rows) counted per CAMEO code cut to a
// level: the first $level + 1 digits ("0362" counts under "03" at level 1, "036" at level 2).
// An event coded less precisely than the level counts under its own code ("03" at level 3).
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
WITH left(t.code, $level + 1) AS code, count(e) AS count, sum(t.goldstein) AS goldsteinSum
RETURN code, count, goldsteinSum
ORDER BY count DESC, code
