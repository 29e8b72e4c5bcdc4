// Rollups version 3 (src/modules/analytics/rollups.ts): one row per actor with its totals and
// year counters, one row per pair of actors. The totals are indexed so that the ranking without
// a window reads the top rows in index order. The version change rebuilds the rows (the clear
// removes version 2's RollupActorYear and RollupPairYear rows); their constraints and indexes go.
CREATE CONSTRAINT rollup_actor_total_key IF NOT EXISTS FOR (n:RollupActorTotal) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT rollup_pair_key IF NOT EXISTS FOR (n:RollupPair) REQUIRE n.key IS UNIQUE;
CREATE INDEX rollup_actor_total_count IF NOT EXISTS FOR (n:RollupActorTotal) ON (n.count);
CREATE INDEX rollup_actor_total_partners IF NOT EXISTS FOR (n:RollupActorTotal) ON (n.partners);
CREATE INDEX rollup_pair_actor_id IF NOT EXISTS FOR (n:RollupPair) ON (n.actorId);
CREATE INDEX rollup_pair_partner_id IF NOT EXISTS FOR (n:RollupPair) ON (n.partnerId);
DROP CONSTRAINT rollup_actor_year_key IF EXISTS;
DROP CONSTRAINT rollup_pair_year_key IF EXISTS;
DROP INDEX rollup_actor_year_year IF EXISTS;
DROP INDEX rollup_pair_year_actor_year IF EXISTS;
DROP INDEX rollup_pair_year_partner_year IF EXISTS;
