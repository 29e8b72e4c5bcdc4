// Every structural fact touching these actors, both directions, for memberships, members,
// positions, holders, parents and parts alike.
UNWIND $actorIds AS actorId
MATCH (a:Actor {id: actorId})-[r:MEMBER_OF|PART_OF|HOLDS_POSITION]-(o:Actor)
RETURN actorId,
       type(r) AS type,
       startNode(r) = a AS outgoing,
       r {.id, .title, .since, .until, .sources} AS fact,
       o {.id, .name, .kind, .aliases, .wikidataId, .countryCode} AS other
ORDER BY actorId, type, o.id
