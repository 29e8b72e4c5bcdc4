// Structural facts between actors of one set.
MATCH (x:Actor)-[r:MEMBER_OF|PART_OF|HOLDS_POSITION]->(y:Actor)
WHERE x.id IN $actorIds AND y.id IN $actorIds
RETURN x.id AS source, y.id AS target, type(r) AS type, r.id AS factId, r.title AS title
ORDER BY source, target, type
