// The events the given actors take part in: what merging or deleting those actors changes.
UNWIND $actorIds AS actorId
MATCH (:Actor {id: actorId})-[:PARTICIPATED_IN]->(e:Event)
RETURN DISTINCT e.id AS id
ORDER BY id
