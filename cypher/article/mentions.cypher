UNWIND $articleIds AS articleId
MATCH (m:Mention)-[:IN]->(:Article {id: articleId})
OPTIONAL MATCH (m)-[:SUPPORTS]->(e:Event)
RETURN articleId, m {.id, .quote, .start, .end, .confidence, .factId, articleId: articleId, eventId: e.id} AS mention
ORDER BY articleId, m.start, m.id
