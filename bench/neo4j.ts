import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../src/logger.ts';
import { loadCodebook } from '../src/modules/ingest/codebook.ts';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded.ts';
import { migrate } from '../src/neo4j/migrations.ts';
import { CapturingDatabase } from './systems/parley.ts';

export interface BenchNeo4jOptions {
  heapMiB: number;
  pageCacheMiB: number;
  logger: Logger;
  /** Keep the data folder after stop (for debugging); default: delete it. */
  keep?: boolean;
}

export interface BenchNeo4j {
  home: string;
  uri: string;
  pid: number;
  database: CapturingDatabase;
  startMs: number;
  stop(): Promise<void>;
}

/**
 * A fresh embedded Neo4j for one measurement: its own data folder under os.tmpdir(), any free
 * port, Parley's migrations and the CAMEO codebook applied. stop() closes the driver, stops the
 * database and deletes the folder.
 */
export async function startBenchNeo4j(label: string, options: BenchNeo4jOptions): Promise<BenchNeo4j> {
  const home = mkdtempSync(path.join(os.tmpdir(), `parley-bench-${label}-`));
  const started = performance.now();
  const neo4j = await startEmbeddedNeo4j({
    home,
    port: 0,
    heapMiB: options.heapMiB,
    pageCacheMiB: options.pageCacheMiB,
    startTimeoutMs: 300_000,
    logger: options.logger,
  });
  const database = new CapturingDatabase({
    uri: neo4j.uri,
    user: 'neo4j',
    password: '',
    database: 'neo4j',
    logger: options.logger,
  });
  try {
    await database.driver.verifyConnectivity({ database: 'neo4j' });
    await migrate(database, options.logger);
    await loadCodebook(database);
  } catch (err) {
    await database.close().catch(() => undefined);
    await neo4j.stop();
    throw err;
  }
  const startMs = performance.now() - started;
  let stopped = false;
  return {
    home,
    uri: neo4j.uri,
    pid: neo4j.pid,
    database,
    startMs,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await database.close().catch(() => undefined);
      await neo4j.stop();
      if (!options.keep) rmSync(home, { recursive: true, force: true });
    },
  };
}
