import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Db } from '../../neo4j/database.ts';
import { BatchRefusedError, type IngestOptions, type IngestOutcome, writeBundles } from './ingest.ts';
import { BundleValidationError, type ValidBundle, validateBundle } from './validate.ts';

export interface BundleItem {
  /** Where the bundle came from, for messages: `file.jsonl:12`, `file.json[3]`. */
  where: string;
  /** The parsed JSON, or the parse error. */
  value: unknown;
  parseError?: string;
}

const isLines = (file: string) => file.endsWith('.jsonl') || file.endsWith('.ndjson');

/** Streams the bundles of .jsonl files line by line (any size); .json files hold one bundle or an array. */
export async function* readBundleItems(files: string[]): AsyncGenerator<BundleItem> {
  for (const file of files) {
    if (isLines(file)) {
      let n = 0;
      for await (const line of createInterface({
        input: createReadStream(file, 'utf8'),
        crlfDelay: Infinity,
      })) {
        n += 1;
        if (!line.trim()) continue;
        try {
          yield { where: `${file}:${n}`, value: JSON.parse(line) };
        } catch (err) {
          yield { where: `${file}:${n}`, value: null, parseError: (err as Error).message };
        }
      }
    } else {
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        yield { where: file, value: null, parseError: (err as Error).message };
        continue;
      }
      const docs = Array.isArray(doc) ? doc : [doc];
      for (const [i, d] of docs.entries())
        yield { where: docs.length > 1 ? `${file}[${i}]` : file, value: d };
    }
  }
}

/** How many bundles the files hold, counted without parsing them (for a progress bar). */
export async function countBundleItems(files: string[]): Promise<number> {
  let total = 0;
  for (const file of files) {
    if (!isLines(file)) {
      total += 1;
      continue;
    }
    for await (const line of createInterface({
      input: createReadStream(file, 'utf8'),
      crlfDelay: Infinity,
    })) {
      if (line.trim()) total += 1;
    }
  }
  return total;
}

export interface BulkSummary {
  counts: Record<IngestOutcome | 'failed', number>;
  events: number;
  failures: string[];
}

/**
 * Ingests a stream of bundles `batch` at a time, each batch in one transaction. When a batch
 * is refused, its bundles are retried one by one, so a bad bundle costs only itself and is
 * reported by its place and field path.
 */
export async function ingestItems(
  db: Db,
  items: AsyncIterable<BundleItem> | Iterable<BundleItem>,
  options: IngestOptions & { batch?: number; onProgress?: (summary: BulkSummary, done: number) => void } = {},
): Promise<BulkSummary> {
  const size = Math.max(1, options.batch ?? 25);
  const summary: BulkSummary = {
    counts: { created: 0, updated: 0, unchanged: 0, failed: 0 },
    events: 0,
    failures: [],
  };
  let done = 0;
  let pending: { item: BundleItem; valid: ValidBundle }[] = [];

  const refuse = (item: BundleItem, err: unknown) => {
    summary.counts.failed += 1;
    if (err instanceof BundleValidationError) {
      for (const issue of err.issues)
        summary.failures.push(`${item.where}: ${issue.path || '(root)'}: ${issue.message}`);
    } else {
      throw err;
    }
  };
  const record = (outcome: IngestOutcome, valid: ValidBundle) => {
    summary.counts[outcome] += 1;
    if (outcome !== 'unchanged') summary.events += valid.bundle.events.length;
  };
  const flush = async () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    try {
      const results = await writeBundles(
        db,
        batch.map((b) => b.valid),
        options,
      );
      for (const [i, r] of results.entries()) record(r.outcome, batch[i]!.valid);
    } catch (err) {
      if (!(err instanceof BatchRefusedError)) throw err;
      for (const b of batch) {
        try {
          const [r] = await writeBundles(db, [b.valid], options);
          record(r!.outcome, b.valid);
        } catch (single) {
          refuse(b.item, single);
        }
      }
    }
    done += batch.length;
    options.onProgress?.(summary, done);
  };

  for await (const item of items) {
    if (item.parseError) {
      summary.counts.failed += 1;
      summary.failures.push(`${item.where}: not valid JSON: ${item.parseError}`);
      done += 1;
      continue;
    }
    try {
      pending.push({ item, valid: validateBundle(item.value) });
    } catch (err) {
      refuse(item, err);
      done += 1;
      continue;
    }
    if (pending.length >= size) await flush();
  }
  await flush();
  return summary;
}
