MATCH (a:Actor {id: $a})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor {id: $b})
WHERE ($from IS NULL OR e.latest >= date($from))
  AND ($to IS NULL OR e.earliest <= date($to))
WITH DISTINCT e
MATCH (e)-[:OF_TYPE]->(t:EventType)
RETURN toString(e.earliest) AS earliest, toString(e.latest) AS latest, t.goldstein AS goldstein, count(*) AS count
