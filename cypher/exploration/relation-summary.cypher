// What two actors share in a window: how many events, when, how cooperative, of which types.
MATCH (a:Actor {id: $a})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor {id: $b})
WHERE ($from IS NULL OR e.latest >= date($from))
  AND ($to IS NULL OR e.earliest <= date($to))
WITH DISTINCT e
MATCH (e)-[:OF_TYPE]->(t:EventType)
WITH e, t
ORDER BY t.code
WITH count(e) AS shared, min(e.earliest) AS first, max(e.latest) AS last, avg(t.goldstein) AS goldsteinAverage,
     collect(t.code) AS codes
RETURN shared, first, last, goldsteinAverage, codes
