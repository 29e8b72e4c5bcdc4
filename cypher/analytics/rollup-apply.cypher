// Adds signed deltas to the rollup rows (src/modules/analytics/rollups.ts computes them from
// the events before and after a write). A row is created at its first event and deleted when
// its count comes back to 0, so the rollups hold exactly the rows a recomputation would.
// Each list is sorted by key, and the labels come in one order: concurrent writers lock alike.
// Numbers inside lists travel as floats: toInteger keeps the counts integers. `d.ks` / `d.vs`
// (parallel lists, absent when empty) are the counters a row keeps as properties named by what
// they count (per code and status on an interval, c2023 / y2023 per year on a total or a pair):
// one that comes to 0 is removed. A row's key stands for what it repeats: an interval's key is
// its dates (earliest/latest), a total's is its actor's id.
CALL () {
  UNWIND $interval AS d
  MERGE (r:RollupInterval {key: d.key})
  ON CREATE SET r.earliest = date(split(d.key, '/')[0]), r.latest = date(split(d.key, '/')[1]), r.count = 0, r.goldstein10 = 0
  SET r.count = r.count + toInteger(d.count), r.goldstein10 = r.goldstein10 + toInteger(d.goldstein10)
  FOREACH (i IN range(0, size(coalesce(d.ks, [])) - 1) |
    SET r[d.ks[i]] = nullIf(coalesce(r[d.ks[i]], 0) + toInteger(d.vs[i]), 0))
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
// The totals are created or moved here, and deleted at the end: a pair is a relationship
// between its ends' totals, so an end stays until its pairs are gone.
CALL () {
  UNWIND $actorTotal AS d
  MERGE (r:RollupActorTotal {key: d.key})
  ON CREATE SET r.actorId = d.key, r.count = 0, r.typed = 0, r.goldstein10 = 0, r.partners = 0
  SET r.count = r.count + toInteger(d.count), r.typed = r.typed + toInteger(d.typed),
      r.goldstein10 = r.goldstein10 + toInteger(d.goldstein10)
  FOREACH (i IN range(0, size(coalesce(d.ks, [])) - 1) |
    SET r[d.ks[i]] = nullIf(coalesce(r[d.ks[i]], 0) + toInteger(d.vs[i]), 0))
}
// A pair (lower id first) created or deleted moves both actors' distinct partners. Its ends'
// totals exist and are locked: every changed pair's ends are in $actorTotal, just above.
CALL () {
  UNWIND $pair AS d
  MATCH (a:RollupActorTotal {key: d.actorId}), (b:RollupActorTotal {key: d.partnerId})
  MERGE (a)-[p:ROLLUP_PAIR]->(b)
  ON CREATE SET p.count = 0
  SET p.count = p.count + toInteger(d.count)
  // Read under the relationship's lock (the SET took it): what the count was before this delta.
  WITH a, b, p, d, p.count - toInteger(d.count) AS before
  FOREACH (i IN range(0, size(coalesce(d.ks, [])) - 1) |
    SET p[d.ks[i]] = nullIf(coalesce(p[d.ks[i]], 0) + toInteger(d.vs[i]), 0))
  WITH a, b, p, CASE WHEN before = 0 AND p.count > 0 THEN 1 WHEN before > 0 AND p.count = 0 THEN -1 ELSE 0 END AS change
  CALL (p) {
    WITH p WHERE p.count = 0
    DELETE p
  }
  UNWIND [a, b] AS r
  WITH r, sum(change) AS change
  WHERE change <> 0
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
// The totals that fell ($actorTotalGone, keys in order) and came to 0.
CALL () {
  UNWIND $actorTotalGone AS key
  MATCH (r:RollupActorTotal {key: key})
  WHERE r.count = 0
  DELETE r
}
