UNWIND $articles AS x
MERGE (a:Article {id: x.id})
SET a.url = x.url,
    a.title = x.title,
    a.publisher = x.publisher,
    a.publishedAt = date(x.publishedAt),
    a.language = x.language,
    a.text = x.text,
    a.bundleHash = x.bundleHash
