UNWIND $eventIds AS eventId
MATCH (m:Mention)-[:SUPPORTS]->(:Event {id: eventId})
MATCH (m)-[:IN]->(art:Article)
RETURN eventId, m {.id, .quote, .start, .end, .confidence, articleId: art.id, eventId: eventId} AS mention
ORDER BY eventId, art.publishedAt, m.start
