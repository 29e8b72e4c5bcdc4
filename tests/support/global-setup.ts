import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { Database } from '../../src/neo4j/database.ts';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/neo4j/embedded.ts';
import { migrate } from '../../src/neo4j/migrations.ts';
import { leftovers, removeOwned } from './cleanup.ts';
import { GENERATED_PREFIX } from './generated.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    neo4jDatabase: string;
    /** Starts every TestHelper prefix of this run (after a "t"). */
    testRunId: string;
  }
}

/**
 * One real Neo4j for the whole run: NEO4J_URI when given, otherwise an embedded Neo4j on a
 * free port and a throw-away data folder. At the end the run removes what it wrote: the
 * generated graph, and anything a TestHelper of this run left behind, which fails the run
 * (each test removes what it creates). The codebook and the seed article stay
 * (docs/decisions.md, "Tests leave the reference data").
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
  const runId = Date.now().toString(36);
  project.provide('testRunId', runId);

  return async () => {
    const db = new Database({ ...config.neo4j, uri, logger });
    let left: string[] = [];
    try {
      // Through the configured database, like every test query; batched (20 000 events).
      const started = Date.now();
      await removeOwned(db, GENERATED_PREFIX);
      process.stdout.write(`[global-setup] generated graph removed in ${Date.now() - started} ms\n`);
      left = await leftovers(db, `t${runId}`);
      if (left.length) await removeOwned(db, `t${runId}`);
    } finally {
      await db.close();
      await embedded?.stop();
      if (home) rmSync(home, { recursive: true, force: true });
    }
    if (left.length) {
      // Vitest reports a teardown error but keeps the exit code of the tests; this fails the run.
      process.exitCode = 1;
      throw new Error(
        `tests left data behind (now removed); each test must clean up what it creates:\n${left.join('\n')}`,
      );
    }
  };
}
