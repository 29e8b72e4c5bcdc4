MERGE (s:RollupState {id: 'rollups'})
SET s.version = $version, s.builtAt = datetime()
