import { readFileSync } from 'node:fs';
import type { Logger } from '../../logger.ts';
import type { Db } from '../../neo4j/database.ts';
import { loadCodebook } from './codebook.ts';
import { type IngestResult, ingestBundle } from './ingest.ts';

/** The first article in the graph, as a hand-written bundle (docs/bundle-format.md). */
export const SEED_BUNDLES = [new URL('../../../data/seed/bbabo-2022-02-09.bundle.json', import.meta.url)];

export function readSeedBundles(): unknown[] {
  return SEED_BUNDLES.map((url) => JSON.parse(readFileSync(url, 'utf8')));
}

/**
 * Loads the CAMEO codebook and the seed article. Both are idempotent: on a database that has
 * them already, nothing changes.
 */
export async function seed(db: Db, logger?: Logger): Promise<IngestResult[]> {
  const types = await loadCodebook(db);
  const results: IngestResult[] = [];
  for (const bundle of readSeedBundles()) results.push(await ingestBundle(db, bundle));
  logger?.info(
    { eventTypes: types, articles: results.map((r) => `${r.articleId}: ${r.outcome}`) },
    'codebook and seed article loaded',
  );
  return results;
}
