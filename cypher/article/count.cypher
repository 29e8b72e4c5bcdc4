MATCH (a:Article)
WHERE ($publisher IS NULL OR a.publisher = $publisher)
  AND ($language IS NULL OR a.language = $language)
RETURN count(a) AS count
