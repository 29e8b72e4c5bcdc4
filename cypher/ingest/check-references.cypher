// Which of the ids a bundle references without defining are missing from the graph; and the
// Goldstein score of each code there is (what the rollups count of a new event).
CALL (*) {
  UNWIND $codes AS code
  OPTIONAL MATCH (t:EventType {code: code})
  WITH code WHERE t IS NULL
  RETURN collect(code) AS missingCodes
}
CALL (*) {
  UNWIND $actorIds AS id
  OPTIONAL MATCH (n:Actor {id: id})
  WITH id WHERE n IS NULL
  RETURN collect(id) AS missingActors
}
CALL (*) {
  UNWIND $documentIds AS id
  OPTIONAL MATCH (n:Document {id: id})
  WITH id WHERE n IS NULL
  RETURN collect(id) AS missingDocuments
}
CALL (*) {
  UNWIND $eventIds AS id
  OPTIONAL MATCH (n:Event {id: id})
  WITH id WHERE n IS NULL
  RETURN collect(id) AS missingEvents
}
CALL (*) {
  UNWIND $codes AS code
  MATCH (t:EventType {code: code})
  RETURN collect([code, t.goldstein]) AS goldsteinOf
}
RETURN missingCodes, missingActors, missingDocuments, missingEvents, goldsteinOf
