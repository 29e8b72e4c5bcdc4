// Which version of the rollups the graph holds (none before they were first built).
OPTIONAL MATCH (s:RollupState {id: 'rollups'})
RETURN s.version AS version
