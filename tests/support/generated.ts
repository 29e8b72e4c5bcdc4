import { type GeneratorOptions, generateBundles } from '../../src/generator/generate.ts';
import { type BulkSummary, ingestItems } from '../../src/modules/ingest/bulk.ts';
import { loadCodebook } from '../../src/modules/ingest/codebook.ts';
import type { Database } from '../../src/neo4j/database.ts';

/**
 * The generated graph the batching and exploration tests share: 1 000 actors and 20 000
 * events through the real ingest path, dated 1990–1995 so nothing mixes with the seed. A
 * second caller finds every bundle unchanged and pays only the hash checks.
 */
export const GENERATED: GeneratorOptions = {
  seed: 20_000,
  actors: 1_000,
  events: 20_000,
  idPrefix: 'qg',
  startYear: 1990,
};

/** What every id of the generated graph starts with; the run's teardown removes it by this. */
export const GENERATED_PREFIX = `${GENERATED.idPrefix}-`;

export async function ensureGeneratedGraph(db: Database): Promise<BulkSummary> {
  await loadCodebook(db);
  const items = (function* () {
    let i = 0;
    for (const bundle of generateBundles(GENERATED)) yield { where: `generated[${i++}]`, value: bundle };
  })();
  const summary = await ingestItems(db, items, { batch: 50 });
  if (summary.counts.failed)
    throw new Error(`generated graph refused:\n${summary.failures.slice(0, 5).join('\n')}`);
  return summary;
}
