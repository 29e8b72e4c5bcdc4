/**
 * Runs every operation against the three systems: sequential latency (warm-up, then timed
 * iterations), Cypher round trips, and throughput under a bounded concurrent load.
 */
import { type ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Job, LatencyResult, LoadResult } from './client.ts';
import type { Operation, SystemName, SystemVariant } from './operations.ts';
import type { CapturingDatabase } from './systems/parley.ts';
import { replayLatency, replayLoad, toReplay } from './systems/raw.ts';

export interface Settings {
  /** Latency and load are split into this many rounds, the systems taking turns. */
  rounds: number;
  warmup: number;
  iterations: number;
  /** Per system and operation, stop the timed iterations after this long (at least 3 run). */
  maxLatencyMs: number;
  connections: number;
  loadSec: number;
}

export interface SystemResult {
  system: SystemName;
  expressible: SystemVariant['expressible'] | 'replay';
  note?: string;
  n: number;
  p50: number | null;
  p95: number | null;
  mean: number | null;
  /** Operations per second under the concurrent load (an operation may be several requests). */
  opsPerSec: number | null;
  requestsPerSec: number | null;
  roundTrips: number | null;
  responseBytes?: number;
  fingerprint?: string;
  errors: string[];
  loadErrors?: number;
  /** The first error seen under load, if any. */
  loadErrorSample?: string;
}

export interface OperationResult {
  key: string;
  title: string;
  requests: number;
  statements: string[];
  waves: number;
  /** Raw floor: median time of each wave of statements (same order as `statements`). */
  waveP50: (number | null)[];
  /** One-minute load average of the machine before and after the operation. */
  loadAverage: [number, number];
  answersAgree: boolean | null;
  systems: SystemResult[];
}

export function percentile(samples: number[], p: number): number | null {
  if (!samples.length) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

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
  ngqlUrl: string;
}

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const ms = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} ms`);

interface Acc {
  samples: number[];
  roundTrips: number | null;
  errors: string[];
  data?: unknown[];
  responseBytes?: number;
  ops: number;
  requests: number;
  loadSec: number;
  loadErrors: number;
  loadErrorSample?: string;
}

const acc = (): Acc => ({
  samples: [],
  roundTrips: null,
  errors: [],
  ops: 0,
  requests: 0,
  loadSec: 0,
  loadErrors: 0,
});

async function httpLatency(
  url: string,
  variant: SystemVariant,
  a: Acc,
  t: Targets,
  s: Settings,
  warmup: number,
) {
  if (a.errors.length) return;
  const lat = await t.client.run<LatencyResult>({
    kind: 'latency',
    url,
    steps: variant.steps,
    warmup,
    iterations: Math.ceil(s.iterations / s.rounds),
    maxMs: s.maxLatencyMs / s.rounds,
  });
  a.samples.push(...lat.samples);
  a.errors.push(...lat.errors);
  a.roundTrips = lat.roundTrips.at(-1) ?? a.roundTrips;
  a.data = lat.data;
  a.responseBytes = lat.responseBytes;
}

async function httpLoad(url: string, variant: SystemVariant, a: Acc, t: Targets, s: Settings) {
  if (a.errors.length) return;
  const l = await t.client.run<LoadResult>({
    kind: 'load',
    url,
    steps: variant.steps,
    connections: s.connections,
    durationSec: Math.max(1, Math.round(s.loadSec / s.rounds)),
  });
  a.ops += l.operations;
  a.requests += l.requests;
  a.loadSec += l.durationSec;
  a.loadErrors += l.errors;
  a.loadErrorSample ??= l.errorSample;
}

function result(
  system: SystemName,
  a: Acc,
  expressible: SystemResult['expressible'],
  note: string | undefined,
): SystemResult {
  return {
    system,
    expressible,
    ...(note ? { note } : {}),
    n: a.samples.length,
    p50: percentile(a.samples, 50),
    p95: percentile(a.samples, 95),
    mean: mean(a.samples),
    opsPerSec: a.loadSec ? a.ops / a.loadSec : null,
    requestsPerSec: a.loadSec && system !== 'raw' ? a.requests / a.loadSec : null,
    roundTrips: a.roundTrips,
    ...(a.responseBytes !== undefined ? { responseBytes: a.responseBytes } : {}),
    errors: [...new Set(a.errors)],
    loadErrors: a.loadErrors,
    ...(a.loadErrorSample ? { loadErrorSample: a.loadErrorSample } : {}),
  };
}

/**
 * Latency and load are measured in rounds, the systems taking turns (Parley, raw, @neo4j/graphql,
 * then again), so that a burst of load from elsewhere on the machine hits all three alike.
 */
export async function measureOperation(op: Operation, t: Targets, s: Settings): Promise<OperationResult> {
  log(`  ${op.key}: ${op.title}`);
  const loadBefore = os.loadavg()[0]!;
  const parley = acc();
  const raw = acc();
  const ngql = acc();

  // Warm Parley, then one run recording what it sends: that is what the raw floor replays.
  await httpLatency(t.parleyUrl, op.parley, acc(), t, { ...s, iterations: 1, rounds: 1 }, s.warmup);
  t.database.capturing = [];
  await httpLatency(t.parleyUrl, op.parley, raw, t, { ...s, iterations: 1, rounds: 1 }, 0);
  const captured = t.database.capturing;
  t.database.capturing = null;
  const replay = toReplay(captured);
  raw.samples = [];
  raw.roundTrips = replay.statements;
  if (!replay.statements) raw.errors.push('nothing to replay');
  const waveSamples: number[][] = replay.waves.map(() => []);

  for (let round = 0; round < s.rounds; round++) {
    const warmup = round === 0 ? s.warmup : 1;
    await httpLatency(t.parleyUrl, op.parley, parley, t, s, 1);
    if (!raw.errors.length) {
      const r = await replayLatency(
        t.database.driver,
        t.database.name,
        replay,
        warmup,
        Math.ceil(s.iterations / s.rounds),
        s.maxLatencyMs / s.rounds,
      );
      raw.samples.push(...r.samples);
      for (const [i, w] of r.waves.entries()) waveSamples[i]!.push(...w);
    }
    await httpLatency(t.ngqlUrl, op.ngql, ngql, t, s, warmup);
  }
  for (let round = 0; round < s.rounds; round++) {
    await httpLoad(t.parleyUrl, op.parley, parley, t, s);
    if (!raw.errors.length) {
      const l = await replayLoad(
        t.database.driver,
        t.database.name,
        replay,
        s.connections,
        Math.max(1, Math.round(s.loadSec / s.rounds)),
      );
      raw.ops += l.operations;
      raw.loadSec += l.durationSec;
      raw.loadErrors += l.errors;
      raw.loadErrorSample ??= l.errorSample;
    }
    await httpLoad(t.ngqlUrl, op.ngql, ngql, t, s);
  }

  const results = [
    result('parley', parley, op.parley.expressible, op.parley.note),
    result('raw', raw, 'replay', undefined),
    result('neo4j-graphql', ngql, op.ngql.expressible, op.ngql.note),
  ];
  const fingerprint = (system: 'parley' | 'neo4j-graphql', a: Acc) => {
    if (a.errors.length || !a.data) return undefined;
    try {
      return op.fingerprint(system, a.data);
    } catch (err) {
      return `unreadable: ${(err as Error).message}`;
    }
  };
  const fp = { parley: fingerprint('parley', parley), ngql: fingerprint('neo4j-graphql', ngql) };
  if (fp.parley) results[0]!.fingerprint = fp.parley;
  if (fp.ngql) results[2]!.fingerprint = fp.ngql;
  const agree =
    fp.parley && fp.ngql && op.ngql.expressible !== 'native-approx' ? fp.parley === fp.ngql : null;
  for (const r of results) {
    log(
      `    ${r.system.padEnd(14)} p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  ${r.opsPerSec?.toFixed(1) ?? '—'} ops/s  ${r.roundTrips ?? '—'} round trips${r.errors.length ? `  ERROR ${r.errors[0]}` : ''}`,
    );
  }
  if (agree === false) log(`    answers differ:\n      parley ${fp.parley}\n      ngql   ${fp.ngql}`);
  return {
    key: op.key,
    title: op.title,
    requests: op.parley.steps.length,
    statements: replay.waves.map((w) => w.map((x) => x.name).join(' ∥ ')),
    waveP50: waveSamples.map((w) => percentile(w, 50)),
    waves: replay.waves.length,
    answersAgree: agree,
    loadAverage: [loadBefore, os.loadavg()[0]!],
    systems: results,
  };
}
