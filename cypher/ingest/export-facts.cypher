// Structural facts a bundle of this article carried, with this article's quotes for them.
MATCH (s:Actor)-[r:MEMBER_OF|PART_OF|HOLDS_POSITION]->(o:Actor)
WHERE $articleId IN r.articleIds
CALL (r) {
  OPTIONAL MATCH (m:Mention {factId: r.id})-[:IN]->(:Article {id: $articleId})
  RETURN collect(m {.quote, .start, .end, .confidence}) AS mentions
}
RETURN {
  type: type(r), subjectId: s.id, objectId: o.id, title: r.title, since: r.since, until: r.until,
  sources: r.sources, mentions: mentions
} AS fact
