MATCH (a:Article {id: $articleId})
RETURN a {.id, .url, .title, .publisher, .publishedAt, .language, .text} AS article
