/**
 * `npm run bench` / `npm run bench:quick`: Parley against @neo4j/graphql and the raw Cypher
 * floor, on generated graphs of growing size. Writes bench/results/<timestamp>-<mode>.json and
 * .md, and bench/results/latest.md. It prints figures; nothing here fails on timing.
 *
 * For each size: a fresh embedded Neo4j (A) loads the generated bundles through Parley's ingest
 * path; a second fresh one (B) loads the same bundles through the raw UNWIND/MERGE baseline and
 * is then stopped and deleted; the operations run against A.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type SizeName, sizes } from '../src/generator/generate.ts';
import { createLogger } from '../src/logger.ts';
import { generateToFile, graphCounts, type LoadResult, parleyLoad, rawLoad } from './load.ts';
import {
  Client,
  type ColdResult,
  measureCold,
  measureOperation,
  measureWrites,
  type Settings,
  type WritesResult,
} from './measure.ts';
import { startBenchNeo4j } from './neo4j.ts';
import { operations, pickTargets } from './operations.ts';
import { type Machine, type Report, type SizeResult, writeReport } from './report.ts';
import { startFloorServer } from './systems/floor.ts';
import { startNeo4jGraphQLServer } from './systems/neo4j-graphql.ts';
import { startParleyServer } from './systems/parley.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const USAGE = `Usage: npm run bench [-- options]      (npm run bench:quick = --quick)

  --quick                 small only, fewer iterations (a few minutes)
  --sizes small,medium    sizes to run (default: small,medium; quick: small)
  --large                 add the large size (1M events; ingest takes long: see README)
  --seed N                generator seed (default 7)
  --batch N               bundles per ingest transaction, both load paths (default 25, as
                          parley ingest)
  --baseline-fraction F   load only this fraction of the bundles through the raw baseline for
                          sizes above small, comparing with Parley's rate over the same prefix
                          (default 1: all of them)
  --heap SIZE             Neo4j heap, e.g. 1g or 1536m (default: small 1g, medium 2g, large 4g)
  --pagecache SIZE        Neo4j page cache (default: small 512m, medium 1536m, large 4g)
  --samples N             timed sequential samples per system and operation in each run
                          (at least 20; default 20 quick, 30 full)
  --repeats N             runs of the latency rounds before a ratio is quoted (default 3)
  --warmup N              warm-up iterations
  --connections N         operations in flight during the throughput test (default 8)
  --load-sec N            seconds of throughput test per system and operation
  --rounds N              rounds, the systems' order shuffled in each (at least 5)
  --cold-samples N        cold first queries per system (fresh server, cleared query caches;
                          default 3; 0: none)
  --no-writes             leave out the writes under concurrent reads
  --only op,op            run only these operations (list, listMid, pages, deepPage, search,
                          neighborhood, paths, histogram, topActors, dashboard)
                          (with --sizes or --only the run is 'partial': its own files, latest.md
                          is left as it was)
  --out DIR               where to write results (default bench/results)
`;

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    large: { type: 'boolean', default: false },
    seed: { type: 'string', default: '7' },
    batch: { type: 'string', default: '25' },
    'baseline-fraction': { type: 'string', default: '1' },
    heap: { type: 'string' },
    pagecache: { type: 'string' },
    samples: { type: 'string' },
    repeats: { type: 'string' },
    'cold-samples': { type: 'string' },
    'no-writes': { type: 'boolean', default: false },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    'load-sec': { type: 'string' },
    rounds: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string', default: path.join(ROOT, 'bench', 'results') },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const mib = (v: string) => {
  const m = /^(\d+)([mMgG])$/.exec(v);
  if (!m) throw new Error(`not a size such as 512m or 1g: ${v}`);
  return Number(m[1]) * (m[2]!.toLowerCase() === 'g' ? 1024 : 1);
};
const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));

// A run restricted by --sizes or --only is 'partial': it keeps its own files and leaves latest.md alone.
const mode = flags.quick ? 'quick' : flags.sizes || flags.only ? 'partial' : 'full';
const seed = num(flags.seed, 7);
const settings: Settings = flags.quick
  ? { rounds: 5, warmup: 3, samples: 20, repeats: 3, maxLatencyMs: 8_000, connections: 8, loadSec: 3, seed }
  : {
      rounds: 6,
      warmup: 5,
      samples: 30,
      repeats: 3,
      maxLatencyMs: 20_000,
      connections: 8,
      loadSec: 10,
      seed,
    };
// Fewer would not support the intervals and the ratios the report quotes.
settings.rounds = Math.max(5, num(flags.rounds, settings.rounds));
settings.samples = Math.max(20, num(flags.samples, settings.samples));
settings.repeats = Math.max(3, num(flags.repeats, settings.repeats));
settings.warmup = num(flags.warmup, settings.warmup);
const coldSamples = num(flags['cold-samples'], 3);
settings.connections = num(flags.connections, settings.connections);
settings.loadSec = num(flags['load-sec'], settings.loadSec);
const batch = num(flags.batch, 25);
const baselineFraction = Number(flags['baseline-fraction']);
const sizeNames = (flags.sizes ?? (flags.quick ? 'small' : 'small,medium'))
  .split(',')
  .map((s) => s.trim()) as SizeName[];
if (flags.large && !sizeNames.includes('large')) sizeNames.push('large');
for (const s of sizeNames)
  if (!(s in sizes)) throw new Error(`unknown size ${s}; one of ${Object.keys(sizes).join(', ')}`);
const only = flags.only ? new Set(flags.only.split(',')) : null;

const MEMORY: Record<SizeName, { heap: number; pageCache: number }> = {
  small: { heap: 1024, pageCache: 512 },
  medium: { heap: 2048, pageCache: 1536 },
  large: { heap: 4096, pageCache: 4096 },
};

const logger = createLogger({ logLevel: 'warn' });
const log = (msg: string) => process.stderr.write(`${msg}\n`);

function machine(): Machine {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const pkg = (name: string) => {
    try {
      return (
        JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version;
    } catch {
      return '?';
    }
  };
  const neo4jJar = (() => {
    try {
      const pom = readFileSync(path.join(ROOT, 'launcher', 'pom.xml'), 'utf8');
      return /<neo4j\.version>([^<]+)</.exec(pom)?.[1] ?? '5.26';
    } catch {
      return '5.26';
    }
  })();
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '?',
    memoryGiB: os.totalmem() / 1024 ** 3,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    java: `${java.stderr}`.split('\n')[0]?.trim() ?? '?',
    neo4j: `${neo4jJar} community, embedded (launcher/)`,
    packages: Object.fromEntries(
      ['@neo4j/graphql', 'neo4j-driver', 'graphql-yoga', 'graphql', '@pothos/core'].map((p) => [p, pkg(p)]),
    ),
    loadAverageStart: os.loadavg(),
    busyProcessesStart: busyProcesses(),
  };
}

/** Processes other than this one whose CPU use, as ps reports it (averaged since they started), is above 20%. */
function busyProcesses(): string[] {
  try {
    const out = execFileSync('ps', ['-eo', 'pid=,pcpu=,comm=', '--sort=-pcpu'], { encoding: 'utf8' });
    return out
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((p) => p.length >= 3 && Number(p[1]) > 20 && Number(p[0]) !== process.pid)
      .slice(0, 6)
      .map((p) => `${p[2]} ${p[1]}%`);
  } catch {
    return [];
  }
}

async function runSize(size: SizeName): Promise<SizeResult> {
  const options = { seed, ...sizes[size], idPrefix: 'b' };
  const heapMiB = flags.heap ? mib(flags.heap) : MEMORY[size].heap;
  const pageCacheMiB = flags.pagecache ? mib(flags.pagecache) : MEMORY[size].pageCache;
  const file = path.join(os.tmpdir(), `parley-bench-${size}-${seed}-${process.pid}.jsonl`);
  log(
    `[${size}] generating ${options.events.toLocaleString()} events, ${options.actors.toLocaleString()} actors`,
  );
  const generated = await generateToFile(options, file);
  const fraction = size === 'small' ? 1 : Math.min(1, Math.max(0, baselineFraction));
  const baselineBundles =
    fraction >= 1
      ? generated.bundles
      : Math.max(batch, Math.floor((generated.bundles * fraction) / batch) * batch);

  log(`[${size}] starting two fresh Neo4j (heap ${heapMiB} MiB, page cache ${pageCacheMiB} MiB)`);
  const [a, b] = await Promise.all([
    startBenchNeo4j(`${size}-parley`, { heapMiB, pageCacheMiB, logger }),
    startBenchNeo4j(`${size}-raw`, { heapMiB, pageCacheMiB, logger }),
  ]);
  try {
    const every = Math.max(1, Math.floor(generated.bundles / 10));
    let nextLog = every;
    let prefix: SizeResult['load']['parleyOverPrefix'] = null;
    const progress = (what: string) => (done: number, events: number, ms: number) => {
      if (what === 'parley' && !prefix && done >= baselineBundles)
        prefix = { events, ms, eventsPerSecond: events / (ms / 1000) };
      if (done >= nextLog) {
        nextLog += every;
        log(
          `[${size}] ${what}: ${done}/${generated.bundles} bundles, ${events} events, ${(events / (ms / 1000)).toFixed(0)} events/s`,
        );
      }
    };
    log(`[${size}] Parley ingest, batch ${batch}`);
    const parley = await parleyLoad(a.database, file, batch, progress('parley'));
    log(
      `[${size}] Parley ingest: ${parley.eventsPerSecond.toFixed(1)} events/s (${(parley.ms / 1000).toFixed(1)} s)`,
    );
    nextLog = every;
    log(`[${size}] raw UNWIND/MERGE baseline, batch ${batch}, ${baselineBundles} bundles`);
    const raw: LoadResult = await rawLoad(b.database, file, batch, progress('raw'), baselineBundles);
    log(
      `[${size}] raw baseline: ${raw.eventsPerSecond.toFixed(1)} events/s (${(raw.ms / 1000).toFixed(1)} s)`,
    );
    const countsParley = await graphCounts(a.database);
    const countsRaw = await graphCounts(b.database);
    await b.stop();
    const full = baselineBundles >= generated.bundles;
    const comparable = full ? parley : (prefix as SizeResult['load']['parleyOverPrefix']);
    // Parley's rollups (Rollup* nodes) are derived data the raw baseline does not write.
    const model = (c: typeof countsParley) => ({
      ...c,
      labels: Object.fromEntries(Object.entries(c.labels).filter(([label]) => !label.startsWith('Rollup'))),
    });
    const countsMatch = full
      ? JSON.stringify(model(countsParley)) === JSON.stringify(model(countsRaw))
      : null;

    const targets = await pickTargets(a.database);
    log(
      `[${size}] targets: hub ${targets.hub.id} (${targets.hub.events} events), mid ${targets.mid.id}, other ${targets.other.id}`,
    );
    // An editor key for the writes; the token lives only in this process.
    const token = randomBytes(24).toString('hex');
    const apiKeys = `editor:${createHash('sha256').update(token).digest('hex')}`;
    const peerConnection = { uri: a.uri, user: 'neo4j', password: '', database: a.database.name };
    const parleyServer = await startParleyServer(a.database, logger, { apiKeys });
    const cachedServer = await startParleyServer(a.database, logger, { cache: true });
    const ngqlServer = await startNeo4jGraphQLServer(peerConnection);
    const floor = await startFloorServer(a.database.driver, a.database.name);
    const client = new Client();
    const results = [];
    const cold: ColdResult[] = [];
    let writes: WritesResult | null = null;
    try {
      const ops = operations(targets);
      for (const op of ops) {
        if (only && !only.has(op.key)) continue;
        results.push(
          await measureOperation(
            op,
            {
              database: a.database,
              client,
              parleyUrl: parleyServer.url,
              parleyCachedUrl: cachedServer.url,
              ngqlUrl: ngqlServer.url,
              floor,
            },
            settings,
          ),
        );
      }
      if (coldSamples > 0) {
        for (const op of ops.filter((o) => ['dashboard', 'search'].includes(o.key))) {
          if (only && !only.has(op.key)) continue;
          cold.push(
            await measureCold(
              op,
              { database: a.database, client },
              {
                parley: () => startParleyServer(a.database, logger),
                ngql: () => startNeo4jGraphQLServer(peerConnection),
              },
              coldSamples,
              seed,
            ),
          );
        }
      }
      // Last: the writes change the graph the reads above measured.
      const search = ops.find((o) => o.key === 'search');
      if (!flags['no-writes'] && search && (!only || only.has('writes'))) {
        const [line] = readFileSync(file, 'utf8').split('\n', 1);
        const bundle = JSON.parse(line!) as { events?: unknown[] };
        writes = await measureWrites(
          { client, parleyUrl: parleyServer.url },
          {
            query: 'mutation W($b: JSON!) { ingestArticle(bundle: $b, force: true) { outcome } }',
            variables: { b: bundle },
            headers: { authorization: `Bearer ${token}` },
          },
          search.parley.steps,
          settings,
          {
            write: `ingestArticle(force: true) of one generated bundle (${bundle.events?.length ?? 0} events), again and again`,
            read: search.title,
          },
        );
      }
    } finally {
      client.close();
      await parleyServer.close();
      await cachedServer.close();
      await ngqlServer.close();
      await floor.close();
    }
    const { file: _file, ...gen } = generated;
    return {
      size,
      generator: { ...options, ...gen },
      neo4j: { heapMiB, pageCacheMiB, startMs: [a.startMs, b.startMs] },
      load: {
        parley,
        raw,
        ratio: comparable ? comparable.eventsPerSecond / raw.eventsPerSecond : null,
        baselineBundles: full ? null : baselineBundles,
        parleyOverPrefix: full ? null : prefix,
        countsParley,
        countsRaw,
        countsMatch,
      },
      targets: { ...targets, months: targets.months.length },
      operations: results,
      cold,
      writes,
    };
  } finally {
    await b.stop().catch(() => undefined);
    await a.stop().catch(() => undefined);
    rmSync(file, { force: true });
  }
}

const startedAt = new Date();
const report: Report = {
  mode,
  startedAt: startedAt.toISOString(),
  finishedAt: '',
  durationSec: 0,
  command: `npm run ${flags.quick ? 'bench:quick' : 'bench'}${
    process.argv.slice(2).filter((a) => a !== '--quick').length
      ? ` -- ${process.argv
          .slice(2)
          .filter((a) => a !== '--quick')
          .join(' ')}`
      : ''
  }`,
  settings: { ...settings, batch },
  machine: machine(),
  sizes: [],
};
log(
  `Parley benchmark, ${mode} mode: sizes ${sizeNames.join(', ')}; load average ${os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
);

let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  log('interrupted: finishing the current size, then writing what was measured');
});

let lastMd: string | undefined;
for (const size of sizeNames) {
  if (interrupted) break;
  report.sizes.push(await runSize(size));
  // Results so far are written after every size, so a long run that is stopped keeps them.
  report.finishedAt = new Date().toISOString();
  report.durationSec = (Date.now() - startedAt.getTime()) / 1000;
  report.machine.loadAverageEnd = os.loadavg();
  const written = writeReport(flags.out, report, mode !== 'partial');
  const files = [written.json, written.md, ...(written.latest ? [written.latest] : [])];
  log(`wrote ${files.map((f) => path.relative(ROOT, f)).join(', ')}`);
  lastMd = written.md;
}
if (lastMd) process.stdout.write(readFileSync(lastMd, 'utf8'));
