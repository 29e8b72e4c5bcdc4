import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { exportBundle } from '../modules/ingest/export.ts';
import { type IngestOutcome, ingestBundle } from '../modules/ingest/ingest.ts';
import { seed } from '../modules/ingest/seed.ts';
import { BundleValidationError } from '../modules/ingest/validate.ts';
import { Database } from '../neo4j/database.ts';
import { EmbeddedNeo4jError, startEmbeddedNeo4j } from '../neo4j/embedded.ts';
import { migrate } from '../neo4j/migrations.ts';
import { Progress } from './progress.ts';

const USAGE = `Usage: parley <command>

  ingest [--force] FILE...   ingest article bundles (.json: one bundle or an array; .jsonl: one per line)
  export ARTICLE_ID          print an article's bundle as stored in the graph
  seed                       load the CAMEO codebook and the seed article

Uses NEO4J_URI when set; otherwise the embedded Neo4j in PARLEY_DATA_DIR (stop \`npm start\` first,
or point NEO4J_URI at it: bolt://127.0.0.1:7687).`;

interface Item {
  where: string;
  parse: () => unknown;
}

/** Every bundle in the files, each with where it came from for error messages. */
export function readBundleItems(files: string[]): Item[] {
  const items: Item[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.jsonl') || file.endsWith('.ndjson')) {
      text.split('\n').forEach((line, i) => {
        if (line.trim()) items.push({ where: `${file}:${i + 1}`, parse: () => JSON.parse(line) });
      });
    } else {
      const doc = JSON.parse(text) as unknown;
      const docs = Array.isArray(doc) ? doc : [doc];
      docs.forEach((d, i) => {
        items.push({ where: docs.length > 1 ? `${file}[${i}]` : file, parse: () => d });
      });
    }
  }
  return items;
}

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const embedded = config.neo4j.uri ? undefined : await startEmbeddedNeo4j({ ...config.embedded, logger });
  const db = new Database({ ...config.neo4j, uri: config.neo4j.uri ?? embedded!.uri, logger });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
    await embedded?.stop();
  }
}

async function ingest(args: string[]): Promise<number> {
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  if (!files.length) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const items = readBundleItems(files.map((f) => path.resolve(f)));
  const counts: Record<IngestOutcome | 'failed', number> = {
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
  };
  const failures: string[] = [];
  await withDatabase(async (db) => {
    const progress = new Progress(items.length, process.stderr);
    for (const item of items) {
      try {
        const result = await ingestBundle(db, item.parse(), { force });
        counts[result.outcome] += 1;
      } catch (err) {
        counts.failed += 1;
        if (err instanceof BundleValidationError) {
          for (const issue of err.issues)
            failures.push(`${item.where}: ${issue.path || '(root)'}: ${issue.message}`);
        } else if (err instanceof SyntaxError) {
          failures.push(`${item.where}: not valid JSON: ${err.message}`);
        } else {
          throw err;
        }
      }
      progress.tick(
        `created ${counts.created} · updated ${counts.updated} · unchanged ${counts.unchanged} · failed ${counts.failed}`,
      );
    }
    progress.done();
  });
  for (const f of failures) process.stderr.write(`${f}\n`);
  process.stdout.write(
    `${items.length} bundle(s): ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed (nothing of a failed bundle was written)\n`,
  );
  return counts.failed ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'ingest':
      return ingest(args);
    case 'export': {
      if (!args[0]) break;
      const bundle = await withDatabase((db) => exportBundle(db, args[0]!));
      if (!bundle) {
        process.stderr.write(`No article with id "${args[0]}".\n`);
        return 1;
      }
      process.stdout.write(`${JSON.stringify(bundle, null, 2)}\n`);
      return 0;
    }
    case 'seed': {
      const results = await withDatabase((db) => seed(db));
      for (const r of results) process.stdout.write(`${r.articleId}: ${r.outcome}\n`);
      return 0;
    }
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof ConfigError || err instanceof EmbeddedNeo4jError) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
