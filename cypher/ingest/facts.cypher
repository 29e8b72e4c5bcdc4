// Structural facts are relationships keyed by a deterministic id; `sources` holds the article
// ids and registers that state the fact, `articleIds` the bundles that carried it.
UNWIND $facts AS f
MATCH (s:Actor {id: f.subjectId}), (o:Actor {id: f.objectId})
MERGE (s)-[r:$(f.type) {id: f.id}]->(o)
SET r.title = f.title,
    r.since = date(f.since),
    r.until = date(f.until),
    r.sources = CASE WHEN f.source IN coalesce(r.sources, []) THEN r.sources ELSE coalesce(r.sources, []) + f.source END,
    r.articleIds = CASE WHEN f.articleId IN coalesce(r.articleIds, []) THEN r.articleIds ELSE coalesce(r.articleIds, []) + f.articleId END
