/**
 * The raw floor: exactly the statements Parley sent for an operation, with the same parameters,
 * through neo4j-driver as Parley's Database.run sends them (a read as an auto-commit transaction,
 * a write in an explicit one, the driver's bookmark manager for both), and nothing else: no
 * HTTP, no GraphQL parsing or validation, no resolvers, no conversion of the records. Statements
 * Parley ran concurrently (DataLoader batches of one tick, Promise.all) are replayed concurrently;
 * the others one after the other, since each may depend on the one before.
 */
import neo4j, { type Driver, type QueryResult } from 'neo4j-driver';
import { cypherParams } from '../../src/neo4j/database.ts';
import type { CapturedStatement } from './parley.ts';

export interface Replay {
  /** Statements in waves; a wave's statements run together. */
  waves: { name: string; text: string; params: Record<string, unknown>; mode: 'READ' | 'WRITE' }[][];
  statements: number;
}

/**
 * Groups captured statements into waves: a statement joins the current wave only if it started
 * before every statement of that wave had ended (it cannot have waited for any of them).
 */
export function toReplay(captured: CapturedStatement[]): Replay {
  const sorted = [...captured].sort((a, b) => a.startedAt - b.startedAt);
  const waves: Replay['waves'] = [];
  let current: CapturedStatement[] = [];
  let firstEnd = Number.POSITIVE_INFINITY;
  for (const s of sorted) {
    if (current.length && s.startedAt >= firstEnd) {
      waves.push(
        current.map(({ name, text, params, mode }) => ({ name, text, params: cypherParams(params), mode })),
      );
      current = [];
      firstEnd = Number.POSITIVE_INFINITY;
    }
    current.push(s);
    firstEnd = Math.min(firstEnd, s.endedAt);
  }
  if (current.length) {
    waves.push(
      current.map(({ name, text, params, mode }) => ({ name, text, params: cypherParams(params), mode })),
    );
  }
  return { waves, statements: sorted.length };
}

/**
 * One statement the way Parley's Database.run sends it: a read as an auto-commit transaction in
 * a session that shares the driver's bookmark manager, a write through executeQuery (an
 * explicit transaction). The floor and the raw replay both use it, so that Parley minus either
 * measures what lies above the driver, not a different use of it.
 */
export async function runLikeParley(
  driver: Driver,
  database: string,
  s: { text: string; params: Record<string, unknown>; mode: 'READ' | 'WRITE' },
): Promise<QueryResult> {
  if (s.mode === 'WRITE')
    return driver.executeQuery(s.text, s.params, { database, routing: neo4j.routing.WRITE });
  const session = driver.session({
    database,
    defaultAccessMode: neo4j.session.READ,
    bookmarkManager: driver.executeQueryBookmarkManager,
  });
  try {
    return await session.run(s.text, s.params);
  } finally {
    await session.close();
  }
}

/** Runs the replay once; returns how many records came back. */
export async function replayOnce(
  driver: Driver,
  database: string,
  replay: Replay,
  waveMs?: number[],
): Promise<number> {
  let records = 0;
  for (const wave of replay.waves) {
    const started = performance.now();
    const results = await Promise.all(wave.map((s) => runLikeParley(driver, database, s)));
    for (const r of results) records += r.records.length;
    waveMs?.push(performance.now() - started);
  }
  return records;
}

export async function replayLatency(
  driver: Driver,
  database: string,
  replay: Replay,
  warmup: number,
  iterations: number,
  maxMs: number,
): Promise<{ samples: number[]; waves: number[][] }> {
  for (let i = 0; i < warmup; i++) await replayOnce(driver, database, replay);
  const samples: number[] = [];
  const waves: number[][] = replay.waves.map(() => []);
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    if (i >= 3 && performance.now() - started > maxMs) break;
    const t = performance.now();
    const waveMs: number[] = [];
    await replayOnce(driver, database, replay, waveMs);
    samples.push(performance.now() - t);
    for (const [w, ms] of waveMs.entries()) waves[w]!.push(ms);
  }
  return { samples, waves };
}

/** `connections` loops replaying the operation back to back for `durationSec`: operations/s. */
export async function replayLoad(
  driver: Driver,
  database: string,
  replay: Replay,
  connections: number,
  durationSec: number,
): Promise<{
  operations: number;
  durationSec: number;
  operationsPerSec: number;
  errors: number;
  errorSample?: string;
  latencyP50: number;
  latencyP99: number;
}> {
  const started = performance.now();
  const deadline = started + durationSec * 1000;
  let operations = 0;
  let errors = 0;
  let errorSample: string | undefined;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          await replayOnce(driver, database, replay);
          operations += 1;
          latencies.push(performance.now() - t);
        } catch (err) {
          errors += 1;
          errorSample ??= (err as Error).message.slice(0, 300);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pick = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? 0;
  return {
    latencyP50: pick(0.5),
    latencyP99: pick(0.99),
    operations,
    durationSec: elapsed,
    operationsPerSec: operations / elapsed,
    errors,
    ...(errorSample ? { errorSample } : {}),
  };
}
