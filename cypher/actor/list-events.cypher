// A page of actors (as actor/list.cypher) with each shown actor's page of events (as
// actor/events-page.cypher) and, when $withParticipants, the participants of the events shown
// (as event/participants.cypher): `actors { nodes { events { nodes { participants } } } }` in
// one round trip instead of three. The three parts must answer what their own statements do;
// tests/integration/list-prefetch.test.ts compares them. {{DIR}} and {{CMP}} are spliced by
// byDirection() as for events-page.
// Events and participants' actors travel as lists of values in the order of $eventKeys and
// $actorKeys: only the keys the selection reads (src/modules/common/projection.ts); dates as
// their ISO strings. A participant is [eventId, role, actor values].
// The list reads $actorLimit actors (one more than shown, for hasNextPage); only the first
// $shownActors get event pages, and only the first $shownEvents events of a page (its last row
// is also one more than shown) get participants.
MATCH (a:Actor)
WHERE ($kinds IS NULL OR a.kind IN $kinds)
  AND ($countryCode IS NULL OR a.countryCode = $countryCode)
  AND ($afterActorId IS NULL OR a.id > $afterActorId)
WITH a
ORDER BY a.id
LIMIT $actorLimit
WITH collect(a) AS listed
UNWIND range(0, size(listed) - 1) AS position
WITH listed[position] AS a, position, position < $shownActors AS wanted
// From here to the RETURN, as events-page.cypher, with `wanted` gating both plans.
WITH a, position, wanted, COUNT { (a)-[:PARTICIPATED_IN]->() } AS degree
WITH a, position, wanted,
     wanted AND $walkable AND degree * degree > $walkFactor * $limit * COUNT { (:Event) } AS walk
CALL (a, walk) {
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
WITH a, position, wanted, walked, size(walked) = $limit AS full
CALL (a, wanted, full) {
  WITH a WHERE wanted AND NOT full
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
WITH a, position, wanted, CASE WHEN full THEN walked ELSE expanded END AS page
// As participants.cypher: per event, by role, then actor id.
CALL (page) {
  WITH page WHERE $withParticipants
  UNWIND page[0..$shownEvents] AS e
  MATCH (x:Actor)-[p:PARTICIPATED_IN]->(e)
  WITH e, p, x
  ORDER BY e.id, p.role, x.id
  RETURN collect([e.id, p.role, [k IN $actorKeys | x[k]]]) AS participants
}
RETURN a {.id, .name, .kind, .aliases, .wikidataId, .countryCode} AS actor,
       wanted,
       [e IN page |
        [k IN $eventKeys |
         CASE k WHEN 'earliest' THEN toString(e.earliest) WHEN 'latest' THEN toString(e.latest) ELSE e[k] END]] AS events,
       [e IN page[0..$shownEvents] | e.id] AS shownEventIds,
       participants
ORDER BY position
