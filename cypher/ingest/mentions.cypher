// A mention is one quote of one article supporting one event or one structural fact.
UNWIND $mentions AS m
MATCH (art:Article {id: m.articleId})
MERGE (n:Mention {id: m.id})
SET n.quote = m.quote,
    n.start = m.start,
    n.end = m.end,
    n.confidence = m.confidence,
    n.factId = m.factId
MERGE (n)-[:IN]->(art)
WITH n, m
CALL (n, m) {
  WITH n, m WHERE m.eventId IS NOT NULL
  MATCH (e:Event {id: m.eventId})
  MERGE (n)-[:SUPPORTS]->(e)
}
