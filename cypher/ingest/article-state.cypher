// Whether this article was ingested before, and from which bundle content.
OPTIONAL MATCH (a:Article {id: $articleId})
RETURN a IS NOT NULL AS exists, a.bundleHash AS bundleHash
