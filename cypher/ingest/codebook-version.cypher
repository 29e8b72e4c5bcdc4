// Records which codebook file the graph's EventType nodes were loaded from.
MERGE (c:Codebook {id: $codebookId})
SET c.version = $version, c.loadedAt = datetime()
