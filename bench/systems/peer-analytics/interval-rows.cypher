// A copy of cypher/analytics/interval-rows.cypher as Parley ran it before rollups (issue 15): the
// peer's @cypher variant (bench/systems/peer-cypher.ts). Parley's own statement may since read
// aggregates that only Parley's write path maintains.
// The events matching an event filter (the semantics of event/list), one row per date
// interval: how many events have it and their average Goldstein score. Bucketing is linear in
// the score, so count × average carries the same Goldstein sum as one row per (interval,
// score), in a fraction of the rows: a million events travel as a few thousand rows.
// With $actorId, only the events that actor took part in ($role: in that role); without, $role
// means "has some participant in that role". Exactly one branch of the union reads anything:
// the WITH … WHERE keeps the second from scanning every event when an actor is given.
// Dates travel as ISO strings (which sort as the dates do): the driver then builds no Date
// objects for a few thousand rows, and nothing converts them back.
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
RETURN toString(e.earliest) AS earliest, toString(e.latest) AS latest, avg(t.goldstein) AS goldstein, count(e) AS count
ORDER BY earliest, latest
