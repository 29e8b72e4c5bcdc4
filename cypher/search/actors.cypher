// Full-text over names and aliases (standard-folding analyzer: accents and case ignored).
// $query is built by search.repository.ts from escaped terms, never from raw input.
CALL db.index.fulltext.queryNodes('actor_names', $query, {limit: $fetch}) YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
RETURN node {.id, .name, .kind, .aliases, .wikidataId, .countryCode} AS actor, score
ORDER BY score DESC, actor.id
LIMIT $limit
