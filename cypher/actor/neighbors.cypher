// Co-participants ranked by how many events they share with the actor in the window.
UNWIND $actorIds AS actorId
MATCH (a:Actor {id: actorId})
CALL (a) {
  MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)
  WHERE b <> a
    AND ($from IS NULL OR e.latest >= date($from))
    AND ($to IS NULL OR e.earliest <= date($to))
  WITH b, count(DISTINCT e) AS shared, min(e.earliest) AS first, max(e.latest) AS last
  ORDER BY shared DESC, b.id
  LIMIT $limit
  RETURN collect({
    actor: b {.id, .name, .kind, .aliases, .wikidataId, .countryCode},
    sharedEvents: shared, first: first, last: last
  }) AS neighbors
}
RETURN actorId, neighbors
