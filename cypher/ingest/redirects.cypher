UNWIND $ids AS id
MATCH (:ActorRedirect {id: id})-[:TO]->(a:Actor)
RETURN id, a.id AS target
