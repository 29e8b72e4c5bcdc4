UNWIND $factIds AS factId
MATCH (m:Mention {factId: factId})-[:IN]->(art:Article)
RETURN factId, m {.id, .quote, .start, .end, .confidence, .factId, articleId: art.id, eventId: null} AS mention
ORDER BY factId, art.publishedAt, m.start
