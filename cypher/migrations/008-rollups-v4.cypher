// Rollups version 4 (src/modules/analytics/rollups.ts): the counts per code and status are
// properties of the interval rows, and a pair of actors is a relationship between their totals,
// so version 3's RollupType and RollupPair rows, their constraints and their indexes go (the
// version change rebuilds the rows; the clear removes the old ones).
DROP CONSTRAINT rollup_type_key IF EXISTS;
DROP INDEX rollup_type_earliest IF EXISTS;
DROP CONSTRAINT rollup_pair_key IF EXISTS;
DROP INDEX rollup_pair_actor_id IF EXISTS;
DROP INDEX rollup_pair_partner_id IF EXISTS;
