// Every rollup row and the version mark, before a rebuild (with the labels of earlier versions:
// RollupActorYear and RollupPairYear, version 2; RollupType and RollupPair, version 3). A total's
// pair relationships go with it. Batched: an auto-commit statement.
MATCH (r:RollupInterval|RollupType|RollupCode|RollupActor|RollupActorTotal|RollupPair|RollupActorYear|RollupPairYear|RollupPairSpan|RollupState)
CALL (r) { DETACH DELETE r } IN TRANSACTIONS OF 10000 ROWS
