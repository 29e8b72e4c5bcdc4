// Rollups version 5 (src/modules/analytics/rollups.ts): a pair relationship carries its key
// (lower id / higher id), unique, so that the apply finds an existing pair by an index seek
// rather than by walking a hub's pairs (decisions.md, "Rollups version 5").
CREATE CONSTRAINT rollup_pair_rel_key IF NOT EXISTS FOR ()-[p:ROLLUP_PAIR]-() REQUIRE p.key IS UNIQUE;
