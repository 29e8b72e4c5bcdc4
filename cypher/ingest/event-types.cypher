// The CAMEO codebook as reference data: one node per code, CHILD_OF the code one digit shorter.
UNWIND $types AS t
MERGE (et:EventType {code: t.code})
SET et.name = t.name,
    et.goldstein = t.goldstein,
    et.quadClass = t.quadClass,
    et.rootCode = t.rootCode,
    et.level = t.level,
    et.description = t.description
WITH et, t
CALL (et, t) {
  WITH et, t WHERE t.parentCode IS NOT NULL
  MERGE (p:EventType {code: t.parentCode})
  MERGE (et)-[:CHILD_OF]->(p)
}
