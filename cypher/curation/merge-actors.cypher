// Moves everything of `gone` onto `keep`: participations, structural facts (with their new
// ids, and the mentions that cite them), document links, names; leaves a redirect.
MATCH (keep:Actor {id: $keepId}), (gone:Actor {id: $mergeId})
CALL (keep, gone) {
  MATCH (gone)-[r:PARTICIPATED_IN]->(e:Event)
  MERGE (keep)-[:PARTICIPATED_IN {role: r.role}]->(e)
  DELETE r
  RETURN count(*) AS participations
}
CALL (keep, gone) {
  UNWIND $facts AS f
  MATCH (gone)-[r {id: f.oldId}]-(o:Actor {id: f.otherId})
  WITH keep, r, f, o, properties(r) AS props
  CALL (keep, r, f, o, props) {
    WITH * WHERE f.outgoing AND o <> keep
    MERGE (keep)-[n:$(f.type) {id: f.newId}]->(o)
    SET n += props, n.id = f.newId
  }
  CALL (keep, r, f, o, props) {
    WITH * WHERE NOT f.outgoing AND o <> keep
    MERGE (o)-[n:$(f.type) {id: f.newId}]->(keep)
    SET n += props, n.id = f.newId
  }
  DELETE r
  WITH f
  OPTIONAL MATCH (m:Mention {factId: f.oldId})
  SET m.factId = f.newId
  RETURN count(DISTINCT f.oldId) AS facts
}
CALL (keep, gone) {
  MATCH (d:Document)-[r:AUTHORED_BY|ADDRESSED_TO]->(gone)
  MERGE (d)-[:$(type(r))]->(keep)
  DELETE r
  RETURN count(*) AS documentLinks
}
CALL (keep, gone) {
  OPTIONAL MATCH (redirect:ActorRedirect)-[t:TO]->(gone)
  DELETE t
  WITH keep, redirect WHERE redirect IS NOT NULL
  MERGE (redirect)-[:TO]->(keep)
}
WITH keep, gone, participations, facts, documentLinks,
     [s IN [gone.name] + coalesce(gone.aliases, []) WHERE NOT s IN coalesce(keep.aliases, [])] AS newNames
SET keep.aliases = coalesce(keep.aliases, []) + reduce(acc = [], s IN newNames | CASE WHEN s IN acc THEN acc ELSE acc + s END),
    keep.wikidataId = coalesce(keep.wikidataId, gone.wikidataId),
    keep.countryCode = coalesce(keep.countryCode, gone.countryCode)
MERGE (r:ActorRedirect {id: gone.id})
MERGE (r)-[:TO]->(keep)
DETACH DELETE gone
RETURN keep {.id, .name, .kind, .aliases, .wikidataId, .countryCode} AS actor, participations, facts, documentLinks
