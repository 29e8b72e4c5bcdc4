// Every rollup row and the version mark, before a rebuild (with the labels of earlier versions:
// RollupActorYear and RollupPairYear, version 2). Batched: an auto-commit statement.
MATCH (r:RollupInterval|RollupType|RollupCode|RollupActor|RollupActorTotal|RollupPair|RollupActorYear|RollupPairYear|RollupPairSpan|RollupState)
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
