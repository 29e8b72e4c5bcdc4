/**
 * Runs every operation against every system: sequential latency in rounds whose order is
 * shuffled, repeated three times (three runs) before a ratio is quoted; throughput and latency
 * under a bounded concurrent load; Cypher round trips; and a check that the answers agree.
 * Medians come with bootstrap 95% confidence intervals, ratios and differences too.
 */
import { type ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Job, LatencyResult, LoadResult } from './client.ts';
import type { Operation, SystemName, SystemVariant } from './operations.ts';
import { type Reply, type Step, send } from './steps.ts';
import type { FloorServer } from './systems/floor.ts';
import type { CapturingDatabase } from './systems/parley.ts';
import { type Replay, replayLatency, replayLoad, toReplay } from './systems/raw.ts';

export interface Settings {
  /** Latency and load are split into this many rounds; the systems' order is shuffled in each. */
  rounds: number;
  warmup: number;
  /** Timed sequential samples per system and operation in each run (split over the rounds). */
  samples: number;
  /** Runs of the latency rounds; a ratio is quoted from all of them. */
  repeats: number;
  /** Per system, operation and round, stop the timed iterations after this long (at least 3 run). */
  maxLatencyMs: number;
  connections: number;
  /** Seconds of load per system and operation, split over the rounds (at least 1 s each). */
  loadSec: number;
  /** Seeds the shuffles and the bootstrap, so a run's order can be replayed. */
  seed: number;
}

export type Interval = [number, number];

export interface SystemResult {
  system: SystemName | 'parley-cached';
  /** The peer's form of the question, when it has several. */
  label?: string;
  expressible: SystemVariant['expressible'] | 'replay';
  note?: string;
  n: number;
  p50: number | null;
  p95: number | null;
  mean: number | null;
  /** Bootstrap 95% interval of the median. */
  p50Ci: Interval | null;
  /** The median of each run. */
  runP50: (number | null)[];
  /** Operations per second under the concurrent load (an operation may be several requests). */
  opsPerSec: number | null;
  requestsPerSec: number | null;
  /** Latency of one operation while `connections` are in flight. */
  loadP50: number | null;
  loadP99: number | null;
  roundTrips: number | null;
  responseBytes?: number;
  fingerprint?: string;
  /** Whether this peer form gave Parley's answer (null: not comparable, or not a peer). */
  agrees?: boolean | null;
  errors: string[];
  loadErrors?: number;
  loadErrorSample?: string;
}

export interface Comparison {
  /** The peer form compared with: the fastest that gives Parley's answer, else the fastest approximate one. */
  peer: string | null;
  approximate: boolean;
  ratio: number | null;
  ratioCi: Interval | null;
  /** Parley ÷ that peer form, in each run. */
  runRatios: (number | null)[];
  /** Parley p50 minus the raw floor's, with its interval (ms). */
  overRaw: number | null;
  overRawCi: Interval | null;
  overFloor: number | null;
  overFloorCi: Interval | null;
}

export interface OperationResult {
  key: string;
  title: string;
  group?: string;
  requests: number;
  statements: string[];
  waves: number;
  /** Raw floor: median time of each wave of statements (same order as `statements`). */
  waveP50: (number | null)[];
  /** One-minute load average of the machine before and after the operation. */
  loadAverage: [number, number];
  /** Whether the compared peer form gave Parley's answer (null: an approximate question). */
  answersAgree: boolean | null;
  /** The order the systems took in each round of each run. */
  orders: string[][];
  comparison: Comparison;
  systems: SystemResult[];
}

export function percentile(samples: number[], p: number): number | null {
  if (!samples.length) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(samples: number[]): number | null {
  if (!samples.length) return null;
  const s = [...samples].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** A small seeded generator (mulberry32): shuffles and resamples that a seed reproduces. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(xs: T[], random: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const resample = (xs: number[], random: () => number) => xs.map(() => xs[Math.floor(random() * xs.length)]!);

/**
 * Percentile bootstrap (2 000 resamples) of a statistic of one or two samples: the 2.5th and
 * 97.5th percentiles of the statistic over resamples drawn with replacement.
 */
export function bootstrap(
  a: number[],
  b: number[] | null,
  stat: (a: number[], b: number[] | null) => number | null,
  random: () => number,
  resamples = 2_000,
): Interval | null {
  if (a.length < 2 || (b && b.length < 2)) return null;
  const values: number[] = [];
  for (let i = 0; i < resamples; i++) {
    const v = stat(resample(a, random), b ? resample(b, random) : null);
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  if (!values.length) return null;
  return [percentile(values, 2.5)!, percentile(values, 97.5)!];
}

const ratioOfMedians = (a: number[], b: number[] | null) => {
  const mb = median(b ?? []);
  const ma = median(a);
  return ma !== null && mb ? ma / mb : null;
};
const differenceOfMedians = (a: number[], b: number[] | null) => {
  const mb = median(b ?? []);
  const ma = median(a);
  return ma !== null && mb !== null ? ma - mb : null;
};

/** The forked HTTP client (bench/client.ts). */
export class Client {
  private readonly child: ChildProcess;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor() {
    this.child = fork(fileURLToPath(new URL('./client.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (m: { id: number; result?: unknown; error?: string }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.error) w.reject(new Error(m.error));
      else w.resolve(m.result);
    });
    this.child.on('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`bench client exited (${code})`));
      this.waiting.clear();
    });
  }

  run<T>(job: Job): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, job });
    });
  }

  close(): void {
    this.child.disconnect();
  }
}

export interface Targets {
  database: CapturingDatabase;
  client: Client;
  parleyUrl: string;
  /** Parley with the response cache on (the dashboard's warm figure); absent: not measured. */
  parleyCachedUrl?: string;
  ngqlUrl: string;
  floor: FloorServer;
}

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const ms = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} ms`);

/**
 * Runs Parley's steps once in this process, recording the statements of each step: what the
 * raw replay and the HTTP floor run. Steps go one after the other, so a step's statements are
 * those recorded between its request and its answer.
 */
export async function captureSteps(url: string, steps: Step[], db: CapturingDatabase): Promise<Replay[]> {
  const replays: Replay[] = [];
  let previous: unknown;
  for (const step of steps) {
    db.capturing = [];
    try {
      const res = await send(url, step, previous);
      const reply = JSON.parse(res.text) as Reply;
      if (res.status !== 200 || reply.errors?.length) {
        throw new Error(`capture: HTTP ${res.status}: ${res.text.slice(0, 300)}`);
      }
      previous = reply.data;
      replays.push(toReplay(db.capturing));
    } finally {
      db.capturing = null;
    }
  }
  return replays;
}

/** All steps' waves, one after the other: the raw replay of the whole operation. */
const joined = (replays: Replay[]): Replay => ({
  waves: replays.flatMap((r) => r.waves),
  statements: replays.reduce((n, r) => n + r.statements, 0),
});

interface Entry {
  name: string;
  system: SystemResult['system'];
  variant?: SystemVariant;
  url?: string;
  steps?: Step[];
  samples: number[][];
  roundTrips: number | null;
  errors: string[];
  data?: unknown[];
  responseBytes?: number;
  ops: number;
  requests: number;
  loadSec: number;
  loadErrors: number;
  loadErrorSample?: string;
  loadLatencies: { p50: number; p99: number; weight: number }[];
  /** Raw replay only: each wave's times. */
  waveSamples: number[][];
}

const entry = (name: string, system: Entry['system'], repeats: number, more: Partial<Entry> = {}): Entry => ({
  name,
  system,
  samples: Array.from({ length: repeats }, () => []),
  roundTrips: null,
  errors: [],
  ops: 0,
  requests: 0,
  loadSec: 0,
  loadErrors: 0,
  loadLatencies: [],
  waveSamples: [],
  ...more,
});

async function latency(e: Entry, t: Targets, s: Settings, replay: Replay, run: number, warmup: number) {
  if (e.errors.length) return;
  const iterations = Math.ceil(s.samples / s.rounds);
  const maxMs = s.maxLatencyMs / s.rounds;
  if (e.system === 'raw') {
    const r = await replayLatency(t.database.driver, t.database.name, replay, warmup, iterations, maxMs);
    e.samples[run]!.push(...r.samples);
    for (const [i, w] of r.waves.entries()) {
      e.waveSamples[i] ??= [];
      e.waveSamples[i]!.push(...w);
    }
    return;
  }
  const lat = await t.client.run<LatencyResult>({
    kind: 'latency',
    url: e.url!,
    steps: e.steps!,
    warmup,
    iterations,
    maxMs,
  });
  e.samples[run]!.push(...lat.samples);
  e.errors.push(...lat.errors);
  e.roundTrips = lat.roundTrips.at(-1) ?? e.roundTrips;
  e.data = lat.data;
  e.responseBytes = lat.responseBytes;
}

async function load(e: Entry, t: Targets, s: Settings, replay: Replay, seconds: number) {
  if (e.errors.length) return;
  if (e.system === 'raw') {
    const l = await replayLoad(t.database.driver, t.database.name, replay, s.connections, seconds);
    e.ops += l.operations;
    e.loadSec += l.durationSec;
    e.loadErrors += l.errors;
    e.loadErrorSample ??= l.errorSample;
    e.loadLatencies.push({ p50: l.latencyP50, p99: l.latencyP99, weight: l.operations });
    return;
  }
  const l = await t.client.run<LoadResult>({
    kind: 'load',
    url: e.url!,
    steps: e.steps!,
    connections: s.connections,
    durationSec: seconds,
  });
  e.ops += l.operations;
  e.requests += l.requests;
  e.loadSec += l.durationSec;
  e.loadErrors += l.errors;
  e.loadErrorSample ??= l.errorSample;
  e.loadLatencies.push({ p50: l.latencyP50, p99: l.latencyP99, weight: l.operations });
}

/** Latency under load over the rounds: each round's percentile, weighted by its operations. */
const weighted = (xs: { p50: number; p99: number; weight: number }[], k: 'p50' | 'p99') => {
  const w = xs.reduce((n, x) => n + x.weight, 0);
  return w ? xs.reduce((n, x) => n + x[k] * x.weight, 0) / w : null;
};

function result(e: Entry, expressible: SystemResult['expressible'], note?: string): SystemResult {
  const all = e.samples.flat();
  return {
    system: e.system,
    ...(e.variant?.label ? { label: e.variant.label } : {}),
    expressible,
    ...(note ? { note } : {}),
    n: all.length,
    p50: median(all),
    p95: percentile(all, 95),
    mean: mean(all),
    p50Ci: null,
    runP50: e.samples.map((xs) => median(xs)),
    opsPerSec: e.loadSec ? e.ops / e.loadSec : null,
    requestsPerSec: e.loadSec && e.system !== 'raw' ? e.requests / e.loadSec : null,
    loadP50: weighted(e.loadLatencies, 'p50'),
    loadP99: weighted(e.loadLatencies, 'p99'),
    roundTrips: e.roundTrips,
    ...(e.responseBytes !== undefined ? { responseBytes: e.responseBytes } : {}),
    errors: [...new Set(e.errors)],
    loadErrors: e.loadErrors,
    ...(e.loadErrorSample ? { loadErrorSample: e.loadErrorSample } : {}),
  };
}

/**
 * One operation: Parley's statements are captured, then every system — Parley, the raw replay,
 * the HTTP floor, each form of the peer, and for the dashboard Parley with a warm response
 * cache — takes its turn in each round, in an order shuffled per round, for `repeats` runs;
 * then the load rounds, shuffled too.
 */
export async function measureOperation(op: Operation, t: Targets, s: Settings): Promise<OperationResult> {
  log(`  ${op.key}: ${op.title}`);
  const random = rng(s.seed ^ hash(op.key));
  const loadBefore = os.loadavg()[0]!;
  const R = s.repeats;

  const steps = await captureSteps(t.parleyUrl, op.parley.steps, t.database);
  const replay = joined(steps);
  t.floor.register(op.key, steps);
  const entries: Entry[] = [
    entry('parley', 'parley', R, { url: t.parleyUrl, steps: op.parley.steps }),
    entry('raw', 'raw', R, { roundTrips: replay.statements }),
    entry('floor', 'floor', R, {
      url: t.parleyUrl,
      steps: op.parley.steps.map((st, i) => ({ ...st, url: t.floor.url(op.key, i) })),
      roundTrips: replay.statements,
    }),
    ...op.ngql.map((v) =>
      entry(`neo4j-graphql${v.label ? ` (${v.label})` : ''}`, 'neo4j-graphql', R, {
        variant: v,
        url: t.ngqlUrl,
        steps: v.steps,
      }),
    ),
  ];
  if (op.group === 'dashboard' && t.parleyCachedUrl) {
    entries.push(
      entry('parley-cached', 'parley-cached', R, { url: t.parleyCachedUrl, steps: op.parley.steps }),
    );
  }
  const raw = entries[1]!;
  if (!replay.statements) raw.errors.push('nothing to replay');

  const orders: string[][] = [];
  for (let run = 0; run < R; run++) {
    for (let round = 0; round < s.rounds; round++) {
      const order = shuffle(entries, random);
      orders.push(order.map((e) => e.name));
      for (const e of order) {
        await latency(e, t, s, replay, run, run === 0 && round === 0 ? s.warmup : 1);
      }
    }
  }
  const loadRounds = Math.max(1, Math.min(s.rounds, Math.floor(s.loadSec)));
  const seconds = Math.max(1, Math.round(s.loadSec / loadRounds));
  for (let round = 0; round < loadRounds; round++) {
    for (const e of shuffle(entries, random)) await load(e, t, s, replay, seconds);
  }

  const results = entries.map((e) =>
    e.system === 'raw'
      ? result(e, 'replay')
      : e.system === 'floor'
        ? result(e, 'replay', 'the same statements behind node:http and JSON, no GraphQL')
        : e.variant
          ? result(e, e.variant.expressible, e.variant.note)
          : result(e, op.parley.expressible, op.parley.note),
  );
  for (const [i, r] of results.entries())
    r.p50Ci = bootstrap(entries[i]!.samples.flat(), null, median, random);

  const fingerprint = (system: 'parley' | 'neo4j-graphql', e: Entry) => {
    if (e.errors.length || !e.data) return undefined;
    try {
      return op.fingerprint(system, e.data, e.variant);
    } catch (err) {
      return `unreadable: ${(err as Error).message}`;
    }
  };
  const parley = entries[0]!;
  const parleyPrint = fingerprint('parley', parley);
  if (parleyPrint) results[0]!.fingerprint = parleyPrint;
  for (const [i, e] of entries.entries()) {
    if (e.system !== 'neo4j-graphql') continue;
    const fp = fingerprint('neo4j-graphql', e);
    if (fp) results[i]!.fingerprint = fp;
    // An approximate form that still gives Parley's answer is as good as an exact one (topActors
    // ranked on the client); one that does not is a different question, not a wrong answer.
    const same = fp && parleyPrint ? fp === parleyPrint : null;
    results[i]!.agrees = e.variant?.expressible === 'native-approx' ? (same ? true : null) : same;
  }

  // The peer form compared with: the fastest exact one that agrees, else the fastest approximate.
  const peers = results
    .map((r, i) => ({ r, e: entries[i]! }))
    .filter(({ r }) => r.system === 'neo4j-graphql' && !r.errors.length && r.p50 !== null);
  const exact = peers.filter(({ r }) => r.agrees === true);
  const pool = exact.length ? exact : peers.filter(({ r }) => r.agrees !== false);
  const best = pool.sort((a, b) => a.r.p50! - b.r.p50!)[0];
  const pSamples = parley.samples.flat();
  const comparison: Comparison = {
    peer: best ? (best.e.variant?.label ?? 'native') : null,
    approximate: !!best && best.r.agrees !== true,
    ratio: best ? ratioOfMedians(pSamples, best.e.samples.flat()) : null,
    ratioCi: best ? bootstrap(pSamples, best.e.samples.flat(), ratioOfMedians, random) : null,
    runRatios: best ? parley.samples.map((xs, run) => ratioOfMedians(xs, best.e.samples[run]!)) : [],
    overRaw: raw.errors.length ? null : differenceOfMedians(pSamples, raw.samples.flat()),
    overRawCi: raw.errors.length
      ? null
      : bootstrap(pSamples, raw.samples.flat(), differenceOfMedians, random),
    overFloor: differenceOfMedians(pSamples, entries[2]!.samples.flat()),
    overFloorCi: bootstrap(pSamples, entries[2]!.samples.flat(), differenceOfMedians, random),
  };

  for (const r of results) {
    log(
      `    ${`${r.system}${r.label ? ` (${r.label})` : ''}`.padEnd(34)} p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  ${r.opsPerSec?.toFixed(1) ?? '—'} ops/s  ${r.roundTrips ?? '—'} round trips${r.agrees === false ? '  ANSWER DIFFERS' : ''}${r.errors.length ? `  ERROR ${r.errors[0]}` : ''}`,
    );
  }
  for (const r of results) {
    if (r.agrees === false)
      log(
        `    answers differ (${r.label ?? 'peer'}):\n      parley ${parleyPrint?.slice(0, 400)}\n      peer   ${r.fingerprint?.slice(0, 400)}`,
      );
  }
  return {
    key: op.key,
    title: op.title,
    ...(op.group ? { group: op.group } : {}),
    requests: op.parley.steps.length,
    statements: replay.waves.map((w) => w.map((x) => x.name).join(' ∥ ')),
    waveP50: replay.waves.map((_, i) => percentile(raw.waveSamples[i] ?? [], 50)),
    waves: replay.waves.length,
    answersAgree: best ? (best.r.agrees ?? null) : null,
    loadAverage: [loadBefore, os.loadavg()[0]!],
    orders,
    comparison,
    systems: results,
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface ColdResult {
  key: string;
  /** Per system: the first request's time after a fresh server and cleared query caches, each sample. */
  parley: number[];
  ngql: number[];
  ngqlLabel: string | null;
  errors: string[];
}

/**
 * A cold first query: Neo4j's query caches cleared (`db.clearQueryCaches()`), a freshly started
 * server, then one operation, timed. Both systems start their server before the clock starts;
 * what is timed is the first answer: planning, the parse and validation caches, the pools.
 */
export async function measureCold(
  op: Operation,
  t: { database: CapturingDatabase; client: Client },
  start: {
    parley: () => Promise<{ url: string; close(): Promise<void> }>;
    ngql: () => Promise<{ url: string; close(): Promise<void> }>;
  },
  samples: number,
  seed: number,
): Promise<ColdResult> {
  const random = rng(seed ^ hash(`cold:${op.key}`));
  const variant = op.ngql.find((v) => v.expressible !== 'native-approx') ?? op.ngql[0]!;
  const out: ColdResult = { key: op.key, parley: [], ngql: [], ngqlLabel: variant.label ?? null, errors: [] };
  for (let i = 0; i < samples; i++) {
    for (const system of shuffle(['parley', 'ngql'] as const, random)) {
      await t.database.driver.executeQuery('CALL db.clearQueryCaches()', {}, { database: t.database.name });
      const server = await start[system]();
      try {
        const r = await t.client.run<LatencyResult>({
          kind: 'latency',
          url: server.url,
          steps: system === 'parley' ? op.parley.steps : variant.steps,
          warmup: 0,
          iterations: 1,
          maxMs: 60_000,
        });
        if (r.errors.length) out.errors.push(`${system}: ${r.errors[0]}`);
        else out[system].push(r.samples[0]!);
      } finally {
        await server.close();
      }
    }
  }
  log(
    `  cold ${op.key}: parley ${out.parley.map((v) => v.toFixed(0)).join(', ')} ms; @neo4j/graphql ${out.ngql.map((v) => v.toFixed(0)).join(', ')} ms`,
  );
  return out;
}

export interface WritesResult {
  /** What was written (one bundle, ingested again with force: true each time). */
  write: string;
  read: string;
  writeAlone: { n: number; p50: number | null; p95: number | null };
  writeUnderReads: { n: number; p50: number | null; p95: number | null };
  readsAlone: { opsPerSec: number; p50: number; p99: number };
  readsUnderWrites: { opsPerSec: number; p50: number; p99: number; errors: number };
  connections: number;
  errors: string[];
}

/**
 * Writes under concurrent reads (Parley only: the peer has no ingest path to compare). Write
 * latency alone, then while `connections` readers run back to back; the readers' latency alone
 * and while the writes go on.
 */
export async function measureWrites(
  t: { client: Client; parleyUrl: string },
  write: Step,
  read: Step[],
  s: Settings,
  what: { write: string; read: string },
): Promise<WritesResult> {
  const samples = Math.max(10, Math.ceil(s.samples / 2));
  const seconds = Math.max(2, Math.round(s.loadSec));
  const errors: string[] = [];
  const stat = (xs: number[]) => ({ n: xs.length, p50: median(xs), p95: percentile(xs, 95) });
  const writes = () =>
    t.client.run<LatencyResult>({
      kind: 'latency',
      url: t.parleyUrl,
      steps: [write],
      warmup: 1,
      iterations: samples,
      maxMs: 120_000,
    });
  const reads = () =>
    t.client.run<LoadResult>({
      kind: 'load',
      url: t.parleyUrl,
      steps: read,
      connections: s.connections,
      durationSec: seconds,
    });
  const alone = await writes();
  errors.push(...alone.errors);
  const readsAlone = await reads();
  // The writes start with the readers and keep going while they run.
  const [under, readsUnder] = await Promise.all([writes(), reads()]);
  errors.push(...under.errors);
  const result: WritesResult = {
    ...what,
    writeAlone: stat(alone.samples),
    writeUnderReads: stat(under.samples),
    readsAlone: {
      opsPerSec: readsAlone.operationsPerSec,
      p50: readsAlone.latencyP50,
      p99: readsAlone.latencyP99,
    },
    readsUnderWrites: {
      opsPerSec: readsUnder.operationsPerSec,
      p50: readsUnder.latencyP50,
      p99: readsUnder.latencyP99,
      errors: readsUnder.errors,
    },
    connections: s.connections,
    errors: [...new Set(errors)],
  };
  log(
    `  writes: alone p50 ${ms(result.writeAlone.p50)}, under ${s.connections} readers ${ms(result.writeUnderReads.p50)}; reads p50 ${ms(result.readsAlone.p50)} → ${ms(result.readsUnderWrites.p50)} under writes`,
  );
  return result;
}
