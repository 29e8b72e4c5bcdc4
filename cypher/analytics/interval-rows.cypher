// The histogram's interval rows (what analytics/interval-rows-scan computes from the events),
// read from the rollups: one row per date interval with its count and average Goldstein score,
// whatever the number of events. $source (chosen in analytics.repository.ts) names the one
// branch that reads: 'interval' without a filter but the window, 'type' with a type or status (the interval rows' per-code counters, x<code>_<STATUS>).
// One actor's histogram is read from its events (interval-rows-scan): rows per actor and
// interval would be as many as its events.
CALL () {
  WITH $source AS source
  WHERE source = 'interval'
  MATCH (r:RollupInterval)
  WHERE ($from IS NULL OR r.latest >= date($from)) AND ($to IS NULL OR r.earliest <= date($to))
  RETURN r.earliest AS earliest, r.latest AS latest, r.count AS count,
         toFloat(r.goldstein10) / (10 * r.count) AS goldstein
  UNION ALL
  WITH $source AS source
  WHERE source = 'type'
  MATCH (r:RollupInterval)
  WHERE ($from IS NULL OR r.latest >= date($from)) AND ($to IS NULL OR r.earliest <= date($to))
  UNWIND [k IN keys(r) WHERE k STARTS WITH 'x'] AS k
  WITH r, r[k] AS n, split(substring(k, 1), '_') AS codeStatus
  WHERE ($status IS NULL OR codeStatus[1] = $status)
    AND ($type IS NULL OR codeStatus[0] = $type)
    AND ($typePrefix IS NULL OR codeStatus[0] STARTS WITH $typePrefix)
  WITH r.earliest AS earliest, r.latest AS latest, codeStatus[0] AS code, sum(n) AS n
  MATCH (t:EventType {code: code})
  WITH earliest, latest, sum(n) AS count, sum(n * t.goldstein) AS goldsteinSum
  RETURN earliest, latest, count, goldsteinSum / count AS goldstein
}
RETURN toString(earliest) AS earliest, toString(latest) AS latest, goldstein, count
ORDER BY earliest, latest
