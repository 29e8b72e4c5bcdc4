import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { hashKey, ROLES } from '../auth.ts';
import { ConfigError, loadConfig } from '../config.ts';
import {
  countBundles,
  type GeneratorOptions,
  generateBundles,
  type SizeName,
  sizes,
} from '../generator/generate.ts';
import { createLogger } from '../logger.ts';
import {
  checkExtractionInput,
  ExtractionInputError,
  latestToday,
  MAX_TEXT_LENGTH,
  type RawExtractionInput,
} from '../modules/extraction/input.ts';
import type { Draft, Evidence } from '../modules/extraction/types.ts';
import { countBundleItems, ingestItems, readBundleItems } from '../modules/ingest/bulk.ts';
import { loadCodebook } from '../modules/ingest/codebook.ts';
import { exportBundle } from '../modules/ingest/export.ts';
import { ingestBundle } from '../modules/ingest/ingest.ts';
import { seed } from '../modules/ingest/seed.ts';
import { BundleValidationError } from '../modules/ingest/validate.ts';
import { Database } from '../neo4j/database.ts';
import { EmbeddedNeo4jError, startEmbeddedNeo4j } from '../neo4j/embedded.ts';
import { migrate } from '../neo4j/migrations.ts';
import { Progress } from './progress.ts';

const USAGE = `Usage: parley <command>

  ingest [--force] [--batch N] FILE...
                             ingest article bundles (.json: one bundle or an array; .jsonl: one per line),
                             N bundles per transaction (default 25)
  export ARTICLE_ID          print an article's bundle as stored in the graph
  seed                       load the CAMEO codebook and the seed article
  key [--role reader|editor|admin]
                             make an API key and print its PARLEY_API_KEYS entry (default role: editor)
  generate [--size small|medium|large] [--actors N] [--events N] [--seed N] [--out FILE.jsonl]
                             write a synthetic graph as bundles, one per line (to stdout without --out)
  extract FILE.txt --published YYYY-MM-DD [--lang fr|en|ru|de|pl|auto] [--url U] [--title T]
          [--publisher P] [--explain] [--ingest]
                             extract a draft bundle from an article's text (FILE - reads stdin) and print
                             it as JSON; writes nothing. --explain prints one line per item instead;
                             --ingest ingests the draft and prints the outcome. Bad input: exit 2

Uses NEO4J_URI when set; otherwise the embedded Neo4j in PARLEY_DATA_DIR (stop \`npm start\` first,
or point NEO4J_URI at it: bolt://127.0.0.1:7687).`;

async function withDatabase<T>(fn: (db: Database) => Promise<T>, options = { migrate: true }): Promise<T> {
  const config = loadConfig();
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const embedded = config.neo4j.uri ? undefined : await startEmbeddedNeo4j({ ...config.embedded, logger });
  const db = new Database({ ...config.neo4j, uri: config.neo4j.uri ?? embedded!.uri, logger });
  try {
    // A command that only reads (extract without --ingest) leaves the schema alone.
    if (options.migrate) await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
    await embedded?.stop();
  }
}

async function ingest(args: string[]): Promise<number> {
  const force = args.includes('--force');
  const batchAt = args.indexOf('--batch');
  const batch = batchAt >= 0 ? Number(args[batchAt + 1]) : 25;
  const files = args.filter(
    (a, i) => a !== '--force' && (batchAt < 0 || (i !== batchAt && i !== batchAt + 1)),
  );
  if (!files.length || !Number.isInteger(batch) || batch < 1 || batch > 1000) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const paths = files.map((f) => path.resolve(f));
  const total = await countBundleItems(paths);
  const started = Date.now();
  const summary = await withDatabase(async (db) => {
    // Bundles name CAMEO codes; the codebook must be there first (idempotent, 312 rows).
    await loadCodebook(db);
    const progress = new Progress(total, process.stderr);
    const result = await ingestItems(db, readBundleItems(paths), {
      force,
      batch,
      onProgress: (s, done) => {
        const rate = s.events / Math.max((Date.now() - started) / 1000, 0.001);
        progress.set(
          done,
          `created ${s.counts.created} · updated ${s.counts.updated} · unchanged ${s.counts.unchanged} · failed ${s.counts.failed} · ${Math.round(rate)} events/s`,
        );
      },
    });
    progress.done();
    return result;
  });
  const shown = summary.failures.slice(0, 200);
  for (const f of shown) process.stderr.write(`${f}\n`);
  if (summary.failures.length > shown.length) {
    process.stderr.write(`… and ${summary.failures.length - shown.length} more problems\n`);
  }
  const seconds = (Date.now() - started) / 1000;
  const c = summary.counts;
  process.stdout.write(
    `${total} bundle(s): ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.failed} failed (nothing of a failed bundle was written); ${summary.events} events in ${seconds.toFixed(1)} s\n`,
  );
  return c.failed ? 1 : 0;
}

/** `--name value` flags; undefined when an argument is not one of `names` or lacks its value. */
function parseFlags(args: string[], names: string[]): Map<string, string> | undefined {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!.replace(/^--/, '');
    const value = args[i + 1];
    if (!args[i]!.startsWith('--') || !names.includes(name) || value === undefined) return undefined;
    flags.set(name, value);
  }
  return flags;
}

async function generate(args: string[]): Promise<number> {
  const flags = parseFlags(args, ['size', 'actors', 'events', 'seed', 'out']);
  const size = flags?.get('size') ?? 'small';
  const fail = (message: string) => {
    process.stderr.write(`${message}\n${USAGE}\n`);
    return 2;
  };
  if (!flags) return fail('generate: unknown or incomplete option.');
  if (!Object.hasOwn(sizes, size))
    return fail(`generate: --size must be small, medium or large, not "${size}".`);
  const number = (name: string, fallback: number) => {
    const raw = flags.get(name)?.replaceAll('_', '');
    if (raw === undefined) return fallback;
    return /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  };
  const options: GeneratorOptions = {
    ...sizes[size as SizeName],
    seed: number('seed', 1),
  };
  options.actors = number('actors', options.actors);
  options.events = number('events', options.events);
  for (const name of ['actors', 'events', 'seed'] as const)
    if (!Number.isSafeInteger(options[name])) return fail(`generate: --${name} must be an integer.`);

  let total: number;
  try {
    total = countBundles(options);
  } catch (err) {
    if (err instanceof RangeError) return fail(`generate: ${err.message}`);
    throw err;
  }
  const file = flags.get('out');
  let out: Writable = process.stdout;
  if (file) {
    const stream = createWriteStream(path.resolve(file));
    try {
      await once(stream, 'open');
    } catch (err) {
      process.stderr.write(`generate: cannot write ${file}: ${(err as Error).message}\n`);
      return 1;
    }
    out = stream;
  }
  // A closed pipe or a full disk surfaces as an 'error' event; the loop stops at the next flush.
  let failure: Error | undefined;
  const onError = (err: Error) => {
    failure = err;
  };
  out.on('error', onError);
  const started = performance.now();
  const progress = new Progress(total, process.stderr);
  let bundles = 0;
  let actors = 0;
  let events = 0;
  let buffer = '';
  // Lines are batched so that a million events take hundreds of writes, not tens of thousands;
  // waiting for 'drain' keeps memory flat however slow the reader is.
  const flush = async () => {
    if (buffer && !failure && !out.write(buffer)) {
      try {
        await once(out, 'drain');
      } catch {
        // Recorded by onError.
      }
    }
    buffer = '';
  };
  for (const bundle of generateBundles(options)) {
    buffer += `${JSON.stringify(bundle)}\n`;
    bundles += 1;
    actors += bundle.actors?.length ?? 0;
    events += bundle.events?.length ?? 0;
    if (buffer.length > 1 << 20) await flush();
    if (failure) break;
    progress.tick(`${events} events · ${actors} actors`);
  }
  await flush();
  progress.done();
  if (file && !failure) await new Promise<void>((resolve) => out.end(resolve));
  else if (file) out.destroy();
  out.off('error', onError);
  if (failure) {
    process.stderr.write(`generate: writing ${file ?? 'to stdout'} failed: ${failure.message}\n`);
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // On stdout the summary would corrupt the JSON Lines, so it goes to stderr there.
  (file ? process.stdout : process.stderr).write(
    `${bundles} bundle(s), ${actors} actors, ${events} events in ${seconds} s${file ? ` → ${file}` : ''}\n`,
  );
  return 0;
}

/**
 * The article's text, read as UTF-8 (bytes that are not become U+FFFD, which the input checks
 * count; a BOM is dropped). No allowed text takes more than 3 bytes per UTF-16 unit, so reading
 * stops there: a 10 MB file or pipe is refused without being read whole.
 */
async function readArticle(file: string): Promise<string | { tooLarge: number }> {
  const limit = MAX_TEXT_LENGTH * 3;
  const stream = file === '-' ? process.stdin : createReadStream(path.resolve(file));
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) {
      stream.destroy();
      return { tooLarge: total };
    }
    chunks.push(chunk);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

const rules = (evidence: Evidence[]) =>
  [...new Set(evidence.map((e) => (e.entry ? `${e.rule}(${e.entry})` : e.rule)))].join(', ') || '-';
const q = (s: string | null | undefined) => (s ? JSON.stringify(s) : '-');
const c = (x: number) => x.toFixed(2);

/** One line per item of the draft: what, its confidence, its quote, the rules that made it. */
function explain(draft: Draft): string {
  const lines = [
    `draft ${draft.bundle.article.id} · engine ${draft.engine} · language ${draft.language} (${draft.languageSource}, ${c(draft.languageConfidence)}) · ${draft.sentences.length} sentences`,
  ];
  for (const a of draft.actors) {
    lines.push(
      `actor ${a.id} ${a.status} ${a.kind} ${c(a.confidence)} ${q(a.mentions[0]?.quote)} ×${a.mentions.length} ${rules(a.evidence)}`,
    );
  }
  for (const e of draft.events) {
    lines.push(
      `event ${e.id} ${e.cameoCode} ${e.status} ${c(e.confidence)} ${q(e.trigger.quote)} ${rules(e.evidence)}`,
    );
    for (const r of e.roles) {
      lines.push(
        `  role ${r.role} ${r.actorId} ${c(r.confidence)} ${q(r.mention?.quote)} ${rules(r.evidence)}`,
      );
    }
    const d = e.date;
    lines.push(
      `  date ${d.earliest}..${d.latest} ${d.precision}${d.qualifier ? ` ${d.qualifier}` : ''} ${c(d.confidence)} ${q(d.text)} ${rules(d.evidence)}`,
    );
  }
  for (const f of draft.facts) {
    lines.push(
      `fact ${f.type} ${f.subjectId} -> ${f.objectId}${f.title ? ` (${f.title})` : ''} ${c(f.confidence)} ${q(f.mention.quote)} ${rules(f.evidence)}`,
    );
  }
  for (const w of draft.warnings) lines.push(`warning ${w.code}: ${w.message}`);
  return `${lines.join('\n')}\n`;
}

async function extractCommand(args: string[]): Promise<number> {
  const named = ['published', 'lang', 'url', 'title', 'publisher'];
  const flags = new Map<string, string>();
  const switches = new Set<string>();
  let file: string | undefined;
  let usable = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--ingest' || arg === '--explain') switches.add(arg);
    else if (arg.startsWith('--') && named.includes(arg.slice(2)) && args[i + 1] !== undefined) {
      flags.set(arg.slice(2), args[++i]!);
    } else if (!arg.startsWith('--') && file === undefined) file = arg;
    else usable = false;
  }
  if (!usable || file === undefined) {
    process.stderr.write(`extract: give one FILE (or -) and known options.\n${USAGE}\n`);
    return 2;
  }
  const refuse = (code: string, message: string) => {
    process.stderr.write(`error ${code}: ${message}\n`);
    return 2;
  };
  let read: string | { tooLarge: number };
  try {
    read = await readArticle(file);
  } catch (err) {
    process.stderr.write(`extract: cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  if (typeof read !== 'string') {
    return refuse(
      'TEXT_TOO_LARGE',
      `The file has ${read.tooLarge}+ bytes; extraction takes at most ${MAX_TEXT_LENGTH} characters (one article).`,
    );
  }
  const raw: RawExtractionInput = {
    text: read,
    publishedAt: flags.get('published'),
    language: flags.get('lang'),
    url: flags.get('url'),
    title: flags.get('title'),
    publisher: flags.get('publisher'),
  };
  const today = latestToday();
  try {
    // Checked before the database starts: bad input costs nothing and touches nothing.
    checkExtractionInput(raw, today);
    // Imported here: the engine's lexicons and the language model cost every other command time.
    const { extract } = await import('../modules/extraction/extraction.service.ts');
    return await withDatabase(
      async (db) => {
        const draft = await extract(db, raw, { today });
        if (switches.has('--explain')) process.stdout.write(explain(draft));
        if (!switches.has('--ingest')) {
          if (!switches.has('--explain')) process.stdout.write(`${JSON.stringify(draft.bundle, null, 2)}\n`);
          return 0;
        }
        await loadCodebook(db);
        try {
          const result = await ingestBundle(db, draft.bundle);
          process.stdout.write(
            `${result.articleId}: ${result.outcome} (${draft.events.length} events; ${result.counters.nodesCreated} nodes, ${result.counters.relationshipsCreated} relationships created)\n`,
          );
          return 0;
        } catch (err) {
          if (err instanceof BundleValidationError) {
            process.stderr.write(`error BUNDLE_INVALID: ${err.message}\n`);
            return 1;
          }
          throw err;
        }
      },
      { migrate: switches.has('--ingest') },
    );
  } catch (err) {
    if (err instanceof ExtractionInputError) return refuse(err.code, err.message);
    throw err;
  }
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
    case 'key': {
      // A new API key: the key for the client, and its hash for PARLEY_API_KEYS.
      const role = args[0] === '--role' ? args[1] : 'editor';
      if (!role || !(ROLES as readonly string[]).includes(role)) break;
      const key = randomBytes(32).toString('base64url');
      process.stdout.write(
        `key (give it to the client; it is not stored):\n  ${key}\nPARLEY_API_KEYS entry:\n  ${role}:${hashKey(key)}\n`,
      );
      return 0;
    }
    case 'seed': {
      const results = await withDatabase((db) => seed(db));
      for (const r of results) process.stdout.write(`${r.articleId}: ${r.outcome}\n`);
      return 0;
    }
    case 'generate':
      return generate(args);
    case 'extract':
      return extractCommand(args);
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
