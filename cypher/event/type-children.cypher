UNWIND $codes AS code
MATCH (c:EventType)-[:CHILD_OF]->(:EventType {code: code})
RETURN code, c {.code, .name, .goldstein, .quadClass, .rootCode, .level, .description, parentCode: code} AS type
ORDER BY code, c.code
