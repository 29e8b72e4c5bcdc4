// Events per QuadClass of their type (what analytics/counts-by-quad-class-scan computes from
// the events), read from the rollups as analytics/counts-by-type reads them.
CALL () {
  WITH $from IS NULL AND $to IS NULL AS timeless
  WHERE timeless
  MATCH (r:RollupCode)
  WHERE ($status IS NULL OR r.status = $status)
    AND ($type IS NULL OR r.code = $type)
    AND ($typePrefix IS NULL OR r.code STARTS WITH $typePrefix)
  RETURN r.code AS code, r.count AS n
  UNION ALL
  WITH $from IS NULL AND $to IS NULL AS timeless
  WHERE NOT timeless
  MATCH (r:RollupInterval)
  WHERE ($from IS NULL OR r.latest >= date($from)) AND ($to IS NULL OR r.earliest <= date($to))
  UNWIND [k IN keys(r) WHERE k STARTS WITH 'x'] AS k
  WITH r[k] AS n, split(substring(k, 1), '_') AS codeStatus
  WHERE ($status IS NULL OR codeStatus[1] = $status)
    AND ($type IS NULL OR codeStatus[0] = $type)
    AND ($typePrefix IS NULL OR codeStatus[0] STARTS WITH $typePrefix)
  RETURN codeStatus[0] AS code, n
}
WITH code, sum(n) AS n
MATCH (t:EventType {code: code})
RETURN t.quadClass AS quadClass, sum(n) AS count
ORDER BY quadClass
