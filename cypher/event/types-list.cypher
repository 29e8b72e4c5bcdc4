MATCH (t:EventType)
WHERE ($level IS NULL OR t.level = $level)
  AND ($rootCode IS NULL OR t.rootCode = $rootCode)
OPTIONAL MATCH (t)-[:CHILD_OF]->(p:EventType)
RETURN t {.code, .name, .goldstein, .quadClass, .rootCode, .level, .description, parentCode: p.code} AS type
ORDER BY t.code
