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
  RETURN count(DISTINCT e) AS count
}
RETURN actorId, count
