MATCH (a:Article)
WHERE ($publisher IS NULL OR a.publisher = $publisher)
  AND ($language IS NULL OR a.language = $language)
  AND ($afterDate IS NULL OR a.publishedAt < date($afterDate) OR (a.publishedAt = date($afterDate) AND a.id > $afterId))
RETURN a {.id, .url, .title, .publisher, .publishedAt, .language, .text} AS article
ORDER BY a.publishedAt DESC, a.id
LIMIT $limit
