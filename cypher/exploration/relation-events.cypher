// A page of the events two actors share, newest first, keyset on (earliest, id).
MATCH (a:Actor {id: $a})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor {id: $b})
WHERE ($from IS NULL OR e.latest >= date($from))
  AND ($to IS NULL OR e.earliest <= date($to))
WITH DISTINCT e
WHERE $afterDate IS NULL OR e.earliest < date($afterDate) OR (e.earliest = date($afterDate) AND e.id < $afterId)
RETURN e {.id, .summary, .cameoCode, .status, .earliest, .latest, .precision, .qualifier, .dateText} AS event
ORDER BY e.earliest DESC, e.id DESC
LIMIT $limit
