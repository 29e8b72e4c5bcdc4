import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Logger } from '../../logger.ts';
import { cypher } from '../../neo4j/cypher.ts';
import type { Database } from '../../neo4j/database.ts';
import { CODEBOOK_PATH, loadCodebook } from './codebook.ts';
import { seed } from './seed.ts';

const STATE = cypher('ingest/reference-state');
const RECORD_VERSION = cypher('ingest/codebook-version');
const CODEBOOK_ID = 'cameo';

/** The codebook file's version: a hash of its bytes, so any edit to the file is a new version. */
export function codebookVersion(path: URL = CODEBOOK_PATH): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
}

export interface ReferenceOutcome {
  codebook: 'loaded' | 'current';
  seed: 'loaded' | 'skipped';
}

/**
 * What `npm start` loads: the codebook when the graph holds another version (or none), and the
 * seed article only into a database with no article at all. A database that is up to date
 * gets one read and no write, so the API can run with a read-only account on a production graph.
 */
export async function ensureReferenceData(db: Database, logger?: Logger): Promise<ReferenceOutcome> {
  const version = codebookVersion();
  const [state] = await db.run<{ articles: number; codebookVersion: string | null }>(
    STATE,
    { codebookId: CODEBOOK_ID },
    'READ',
  );
  const outcome: ReferenceOutcome = { codebook: 'current', seed: 'skipped' };
  if (state?.codebookVersion !== version) {
    await loadCodebook(db);
    await db.run(RECORD_VERSION, { codebookId: CODEBOOK_ID, version }, 'WRITE');
    outcome.codebook = 'loaded';
  }
  if (!state?.articles) {
    await seed(db, logger);
    outcome.seed = 'loaded';
  }
  logger?.info({ ...outcome, codebookVersion: version }, 'reference data checked');
  return outcome;
}
