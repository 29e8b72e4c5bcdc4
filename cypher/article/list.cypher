// Newest first, ties by id. The bound on publishedAt (the cursor's date, or none) lets the
// planner walk the article_published_at index from the newest and stop after $limit.
MATCH (a:Article)
WHERE a.publishedAt <= CASE WHEN $afterDate IS NULL THEN date('+999999999-12-31') ELSE date($afterDate) END
  AND ($publisher IS NULL OR a.publisher = $publisher)
  AND ($language IS NULL OR a.language = $language)
  AND ($afterDate IS NULL OR a.publishedAt < date($afterDate) OR (a.publishedAt = date($afterDate) AND a.id > $afterId))
RETURN a {.id, .url, .title, .publisher, .publishedAt, .language, .text} AS article
ORDER BY a.publishedAt DESC, a.id
LIMIT $limit
