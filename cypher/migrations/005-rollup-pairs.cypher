// Rollups version 2 (src/modules/analytics/rollups.ts): a pair of actors is one row, its lower
// id as actorId, so topActors reads a pair from either end; the version change rebuilds the rows.
CREATE INDEX rollup_pair_span_partner_id IF NOT EXISTS FOR (n:RollupPairSpan) ON (n.partnerId);
