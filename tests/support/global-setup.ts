import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { Database } from '../../src/neo4j/database.ts';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/neo4j/embedded.ts';
import { migrate } from '../../src/neo4j/migrations.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    neo4jDatabase: string;
  }
}

/**
 * One real Neo4j for the whole run: NEO4J_URI when given, otherwise an embedded Neo4j on a
 * free port and a throw-away data folder.
 */
export default async function setup(project: TestProject) {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const logger = createLogger(config);
  let embedded: EmbeddedNeo4j | undefined;
  let home: string | undefined;
  let uri = config.neo4j.uri;
  if (!uri) {
    home = mkdtempSync(path.join(os.tmpdir(), 'parley-test-neo4j-'));
    const started = Date.now();
    embedded = await startEmbeddedNeo4j({ ...config.embedded, home, port: 0, logger });
    uri = embedded.uri;
    process.stdout.write(`[global-setup] embedded Neo4j at ${uri} in ${Date.now() - started} ms\n`);
  }
  const database = new Database({ ...config.neo4j, uri, logger });
  await migrate(database, logger);
  await database.close();

  project.provide('neo4jUri', uri);
  project.provide('neo4jUser', config.neo4j.user);
  project.provide('neo4jPassword', config.neo4j.password);
  project.provide('neo4jDatabase', config.neo4j.database);

  return async () => {
    await embedded?.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  };
}
