MATCH (a:Actor {id: $actorId})
SET a.aliases = CASE WHEN $alias IN coalesce(a.aliases, []) THEN a.aliases ELSE coalesce(a.aliases, []) + $alias END
RETURN a {.id, .name, .kind, .aliases, .wikidataId, .countryCode} AS actor
