// Whether these articles were ingested before, and from which bundle content.
UNWIND $articleIds AS id
OPTIONAL MATCH (a:Article {id: id})
RETURN id, a IS NOT NULL AS exists, a.bundleHash AS bundleHash
