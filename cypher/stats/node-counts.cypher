// One count-store lookup per label of the model: constant time on any graph size. Each label
// is a literal because Neo4j 5.26 plans a dynamic one (`MATCH (n:$(label))`) as a scan of
// every node, once per label; with a literal the planner answers NodeCountFromCountStore.
// The count comes before the label's name is attached (WITH, then RETURN): an aggregation
// grouped by a key, even a constant, is computed by scanning the label instead.
// Every label the model writes is listed, with 0 when it has no node yet, so a dashboard
// always sees the same rows; a label Parley does not write is not reported.
CALL () {
  MATCH (n:Actor) WITH count(n) AS count RETURN 'Actor' AS label, count
  UNION ALL
  MATCH (n:ActorRedirect) WITH count(n) AS count RETURN 'ActorRedirect' AS label, count
  UNION ALL
  MATCH (n:Article) WITH count(n) AS count RETURN 'Article' AS label, count
  UNION ALL
  MATCH (n:Country) WITH count(n) AS count RETURN 'Country' AS label, count
  UNION ALL
  MATCH (n:Document) WITH count(n) AS count RETURN 'Document' AS label, count
  UNION ALL
  MATCH (n:Event) WITH count(n) AS count RETURN 'Event' AS label, count
  UNION ALL
  MATCH (n:EventType) WITH count(n) AS count RETURN 'EventType' AS label, count
  UNION ALL
  MATCH (n:Mention) WITH count(n) AS count RETURN 'Mention' AS label, count
  UNION ALL
  MATCH (n:Organization) WITH count(n) AS count RETURN 'Organization' AS label, count
  UNION ALL
  MATCH (n:Person) WITH count(n) AS count RETURN 'Person' AS label, count
}
RETURN label, count
ORDER BY label
