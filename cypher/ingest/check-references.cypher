// Which of the ids a bundle references without defining are missing from the graph.
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
RETURN missingCodes, missingActors, missingDocuments, missingEvents
