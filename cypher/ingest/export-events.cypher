// Every event this article's mentions support, with only this article's quotes.
MATCH (art:Article {id: $articleId})<-[:IN]-(:Mention)-[:SUPPORTS]->(e:Event)
WITH DISTINCT art, e
CALL (art, e) {
  MATCH (art)<-[:IN]-(m:Mention)-[:SUPPORTS]->(e)
  RETURN collect(m {.quote, .start, .end, .confidence}) AS mentions
}
CALL (e) {
  MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e)
  RETURN collect({actorId: a.id, role: p.role}) AS participants
}
CALL (e) {
  OPTIONAL MATCH (e)-[:CONCERNS]->(d:Document)
  RETURN collect(d.id) AS documents
}
RETURN e {
  .id, .summary, .cameoCode, .status,
  date: {earliest: e.earliest, latest: e.latest, precision: e.precision, qualifier: e.qualifier, text: e.dateText},
  participants: participants,
  documents: documents,
  mentions: mentions
} AS event
