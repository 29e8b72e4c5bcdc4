// Every actor, as the gazetteer reads them: names and aliases in every language, and the state
// it acts for: a body's through PART_OF, a person's through the body of a position they hold.
MATCH (a:Actor)
OPTIONAL CALL (a) {
  MATCH (a)-[:PART_OF]->(c:Country)
  RETURN c.id AS state
  UNION
  MATCH (a)-[:HOLDS_POSITION]->(:Actor)-[:PART_OF]->(c:Country)
  RETURN c.id AS state
}
WITH a, min(state) AS actsFor
RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases,
       a.countryCode AS countryCode, actsFor
ORDER BY id
