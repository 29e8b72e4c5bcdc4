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
  UNWIND $actorTotal AS d
  MERGE (r:RollupActorTotal {key: d.key})
  ON CREATE SET r.actorId = d.actorId, r.count = 0, r.typed = 0, r.goldstein10 = 0, r.partners = 0
  SET r.count = r.count + toInteger(d.count), r.typed = r.typed + toInteger(d.typed),
      r.goldstein10 = r.goldstein10 + toInteger(d.goldstein10)
  WITH r, d
  // The year counters (c2023, t2023, g2023) the delta names; one that comes to 0 is removed.
  CALL (r, d) {
    UNWIND [k IN keys(d) WHERE k =~ '[ctg][0-9]+'] AS k
    WITH r, k, coalesce(r[k], 0) + toInteger(d[k]) AS v
    SET r[k] = CASE WHEN v = 0 THEN null ELSE v END
  }
  WITH r WHERE r.count = 0
  DELETE r
}
// A pair row created or deleted moves both actors' distinct partners (their rows exist and are
// locked: every changed pair's ends are in $actorTotal, written just above, in key order; a
// total deleted there needs no update).
CALL () {
  UNWIND $pair AS d
  MERGE (p:RollupPair {key: d.key})
  ON CREATE SET p.actorId = d.actorId, p.partnerId = d.partnerId, p.count = 0
  SET p.count = p.count + toInteger(d.count)
  // Read under the row's lock (the SET took it): what the count was before this delta.
  WITH p, d, p.count - toInteger(d.count) AS before
  CALL (p, d) {
    UNWIND [k IN keys(d) WHERE k =~ 'y[0-9]+'] AS k
    WITH p, k, coalesce(p[k], 0) + toInteger(d[k]) AS v
    SET p[k] = CASE WHEN v = 0 THEN null ELSE v END
  }
  WITH p, d, CASE WHEN before = 0 AND p.count > 0 THEN 1 WHEN before > 0 AND p.count = 0 THEN -1 ELSE 0 END AS change
  CALL (p) {
    WITH p WHERE p.count = 0
    DELETE p
  }
  UNWIND [d.actorId, d.partnerId] AS actorId
  WITH actorId, sum(change) AS change
  WHERE change <> 0
  MATCH (r:RollupActorTotal {key: actorId})
  SET r.partners = r.partners + change
}
CALL () {
  UNWIND $pairSpan AS d
  MERGE (r:RollupPairSpan {key: d.key})
  ON CREATE SET r.actorId = d.actorId, r.partnerId = d.partnerId, r.earliest = date(d.earliest), r.latest = date(d.latest), r.count = 0
  SET r.count = r.count + toInteger(d.count)
  WITH r WHERE r.count = 0
  DELETE r
}
