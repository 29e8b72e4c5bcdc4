// Every rollup row and the version mark, before a rebuild. Batched: an auto-commit statement.
MATCH (r:RollupInterval|RollupType|RollupCode|RollupActor|RollupActorYear|RollupPairYear|RollupPairSpan|RollupState)
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
