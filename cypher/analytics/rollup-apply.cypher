// Adds signed deltas to the rollup rows (src/modules/analytics/rollups.ts computes them from
// the events before and after a write). A row is created at its first event and deleted when
// its count comes back to 0, so the rollups hold exactly the rows a recomputation would.
// Each list is sorted by key, and the labels come in one order: concurrent writers lock alike.
// Numbers inside lists travel as floats: toInteger keeps the counts integers.
CALL () {
  UNWIND $interval AS d
  MERGE (r:RollupInterval {key: d.key})
  ON CREATE SET r.earliest = date(d.earliest), r.latest = date(d.latest), r.count = 0, r.goldstein10 = 0
  SET r.count = r.count + toInteger(d.count), r.goldstein10 = r.goldstein10 + toInteger(d.goldstein10)
  WITH r WHERE r.count = 0
  DELETE r
}
CALL () {
  UNWIND $type AS d
  MERGE (r:RollupType {key: d.key})
  ON CREATE SET r.earliest = date(d.earliest), r.latest = date(d.latest), r.code = d.code, r.status = d.status, r.count = 0
  SET r.count = r.count + toInteger(d.count)
  WITH r WHERE r.count = 0
  DELETE r
}
CALL () {
  UNWIND $code AS d
  MERGE (r:RollupCode {key: d.key})
  ON CREATE SET r.code = d.code, r.status = d.status, r.count = 0
  SET r.count = r.count + toInteger(d.count)
  WITH r WHERE r.count = 0
  DELETE r
}
CALL () {
  UNWIND $actor AS d
  MERGE (r:RollupActor {key: d.key})
  ON CREATE SET r.actorId = d.actorId, r.earliest = date(d.earliest), r.latest = date(d.latest), r.single = d.single,
                r.count = 0, r.typed = 0, r.goldstein10 = 0
  SET r.count = r.count + toInteger(d.count), r.typed = r.typed + toInteger(d.typed),
      r.goldstein10 = r.goldstein10 + toInteger(d.goldstein10)
  WITH r WHERE r.count = 0
  DELETE r
}
CALL () {
  UNWIND $actorYear AS d
  MERGE (r:RollupActorYear {key: d.key})
  ON CREATE SET r.actorId = d.actorId, r.year = toInteger(d.year), r.count = 0, r.typed = 0, r.goldstein10 = 0
  SET r.count = r.count + toInteger(d.count), r.typed = r.typed + toInteger(d.typed),
      r.goldstein10 = r.goldstein10 + toInteger(d.goldstein10)
  WITH r WHERE r.count = 0
  DELETE r
}
CALL () {
  UNWIND $pairYear AS d
  MERGE (r:RollupPairYear {key: d.key})
  ON CREATE SET r.actorId = d.actorId, r.partnerId = d.partnerId, r.year = toInteger(d.year), r.count = 0
  SET r.count = r.count + toInteger(d.count)
  WITH r WHERE r.count = 0
  DELETE r
}
CALL () {
  UNWIND $pairSpan AS d
  MERGE (r:RollupPairSpan {key: d.key})
  ON CREATE SET r.actorId = d.actorId, r.partnerId = d.partnerId, r.earliest = date(d.earliest), r.latest = date(d.latest), r.count = 0
  SET r.count = r.count + toInteger(d.count)
  WITH r WHERE r.count = 0
  DELETE r
}
