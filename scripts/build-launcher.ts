// Builds the embedded Neo4j launcher (downloads Neo4j from Maven Central on first run).
import { createLogger } from '../src/logger.ts';
import { EmbeddedNeo4jError, ensureLauncherBuilt } from '../src/neo4j/embedded.ts';

try {
  await ensureLauncherBuilt(createLogger({ logLevel: 'info' }));
} catch (err) {
  if (err instanceof EmbeddedNeo4jError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
