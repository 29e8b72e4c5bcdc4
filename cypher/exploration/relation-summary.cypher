// What two actors share in a window: how many events, when, how cooperative, of which types.
// The events are grouped by type first, so what travels is one row per CAMEO code (a bounded
// codebook), never one per shared event. Goldstein belongs to the type, so the mean over the
// events is the per-type score weighted by its count (types without a score are left out,
// as avg() leaves them out).
MATCH (a:Actor {id: $a})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor {id: $b})
WHERE ($from IS NULL OR e.latest >= date($from))
  AND ($to IS NULL OR e.earliest <= date($to))
WITH DISTINCT e
MATCH (e)-[:OF_TYPE]->(t:EventType)
WITH t.code AS code, t.goldstein AS goldstein, count(e) AS count, min(e.earliest) AS first, max(e.latest) AS last
ORDER BY count DESC, code
WITH sum(count) AS shared, min(first) AS first, max(last) AS last,
     sum(goldstein * count) AS goldsteinSum,
     sum(CASE WHEN goldstein IS NULL THEN 0 ELSE count END) AS scored,
     collect({code: code, count: count}) AS countsByType
RETURN shared, first, last,
       CASE WHEN scored = 0 THEN null ELSE toFloat(goldsteinSum) / scored END AS goldsteinAverage,
       countsByType
