// The structural facts of the actor being merged away, both directions, so that their ids
// can be recomputed for the surviving actor.
MATCH (gone:Actor {id: $mergeId})-[r:MEMBER_OF|PART_OF|HOLDS_POSITION]-(o:Actor)
RETURN type(r) AS type, startNode(r) = gone AS outgoing, o.id AS otherId, r.id AS id, r.title AS title
