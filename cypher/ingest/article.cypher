MERGE (a:Article {id: $article.id})
SET a.url = $article.url,
    a.title = $article.title,
    a.publisher = $article.publisher,
    a.publishedAt = date($article.publishedAt),
    a.language = $article.language,
    a.text = $article.text,
    a.bundleHash = $bundleHash
