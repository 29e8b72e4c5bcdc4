UNWIND $codes AS code
MATCH (t:EventType {code: code})
OPTIONAL MATCH (t)-[:CHILD_OF]->(p:EventType)
RETURN t {.code, .name, .goldstein, .quadClass, .rootCode, .level, .description, parentCode: p.code} AS type
