UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a {.id, .url, .title, .publisher, .publishedAt, .language, .text} AS article
