// Keyset pagination on id.
MATCH (a:Actor)
WHERE ($kinds IS NULL OR a.kind IN $kinds)
  AND ($countryCode IS NULL OR a.countryCode = $countryCode)
  AND ($afterId IS NULL OR a.id > $afterId)
RETURN a {.id, .name, .kind, .aliases, .wikidataId, .countryCode} AS actor
ORDER BY a.id
LIMIT $limit
