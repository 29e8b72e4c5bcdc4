// Rollups: per-period aggregates of the events, kept true by every write in its own
// transaction (src/modules/analytics/rollups.ts, docs/decisions.md "Rollups"). Each row is keyed
// by one string, unique per label, so that MERGE is an index seek that concurrent writers lock.
CREATE CONSTRAINT rollup_interval_key IF NOT EXISTS FOR (n:RollupInterval) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT rollup_type_key IF NOT EXISTS FOR (n:RollupType) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT rollup_code_key IF NOT EXISTS FOR (n:RollupCode) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT rollup_actor_key IF NOT EXISTS FOR (n:RollupActor) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT rollup_pair_span_key IF NOT EXISTS FOR (n:RollupPairSpan) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT rollup_state_id IF NOT EXISTS FOR (n:RollupState) REQUIRE n.id IS UNIQUE;
// The reads: windows by first day, an actor's rows, the years of a window.
CREATE INDEX rollup_interval_earliest IF NOT EXISTS FOR (n:RollupInterval) ON (n.earliest);
CREATE INDEX rollup_type_earliest IF NOT EXISTS FOR (n:RollupType) ON (n.earliest);
CREATE INDEX rollup_actor_single_earliest IF NOT EXISTS FOR (n:RollupActor) ON (n.single, n.earliest);
CREATE INDEX rollup_actor_actor_id IF NOT EXISTS FOR (n:RollupActor) ON (n.actorId);
CREATE INDEX rollup_pair_span_actor_id IF NOT EXISTS FOR (n:RollupPairSpan) ON (n.actorId);
