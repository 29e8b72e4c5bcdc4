/**
 * The HTTP client of the benchmark, run as a child process (bench/run.ts forks it) so that
 * sending requests and reading responses never shares an event loop with the servers being
 * measured. It answers two kinds of job over IPC:
 * - latency: warm-up iterations, then sequential timed iterations of an operation (fetch);
 * - load: a bounded number of operations in flight for a fixed duration (a closed loop).
 * An operation is one or more GraphQL requests; a later request may take a cursor from the
 * previous response (paging).
 */
import { type Reply, type Step, send } from './steps.ts';

export type { Step };

export interface LatencyJob {
  kind: 'latency';
  url: string;
  steps: Step[];
  warmup: number;
  iterations: number;
  /** Stop timing after this long even if fewer iterations ran (at least 3 run). */
  maxMs: number;
}

export interface LoadJob {
  kind: 'load';
  url: string;
  steps: Step[];
  connections: number;
  durationSec: number;
}

export type Job = LatencyJob | LoadJob;

export interface LatencyResult {
  samples: number[];
  /** Cypher round trips of each timed iteration, summed over its requests (from extensions). */
  roundTrips: (number | null)[];
  /** The data of each request of the last iteration, for cross-checking answers. */
  data: unknown[];
  responseBytes: number;
  errors: string[];
}

export interface LoadResult {
  durationSec: number;
  operations: number;
  requests: number;
  operationsPerSec: number;
  requestsPerSec: number;
  /** Latency of an operation under load. */
  latencyP50: number;
  latencyP99: number;
  /** Operations that failed (HTTP status, GraphQL errors, connection errors). */
  errors: number;
  errorSample?: string;
}

async function once(url: string, steps: Step[]) {
  let previous: unknown;
  const data: unknown[] = [];
  let roundTrips: number | null = 0;
  let bytes = 0;
  let errors: string[] = [];
  const started = performance.now();
  for (const step of steps) {
    const res = await send(url, step, previous);
    const text = res.text;
    bytes += text.length;
    let reply: Reply;
    try {
      reply = JSON.parse(text) as Reply;
    } catch {
      reply = { errors: [{ message: text.slice(0, 300) }] };
    }
    if (res.status !== 200 || reply.errors?.length) {
      errors = [
        `HTTP ${res.status}: ${reply.errors?.map((e) => e.message).join('; ') ?? text.slice(0, 300)}`,
      ];
    }
    const rt = reply.extensions?.parley?.cypherQueries ?? reply.extensions?.cypherQueries;
    roundTrips = typeof rt === 'number' && roundTrips !== null ? roundTrips + rt : null;
    previous = reply.data;
    data.push(reply.data);
  }
  return { ms: performance.now() - started, data, roundTrips, bytes, errors };
}

async function latency(job: LatencyJob): Promise<LatencyResult> {
  const errors: string[] = [];
  for (let i = 0; i < job.warmup; i++) {
    const r = await once(job.url, job.steps);
    errors.push(...r.errors);
    if (errors.length) return { samples: [], roundTrips: [], data: r.data, responseBytes: r.bytes, errors };
  }
  const samples: number[] = [];
  const roundTrips: (number | null)[] = [];
  let data: unknown[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < job.iterations; i++) {
    if (i >= 3 && performance.now() - started > job.maxMs) break;
    const r = await once(job.url, job.steps);
    samples.push(r.ms);
    roundTrips.push(r.roundTrips);
    data = r.data;
    bytes = r.bytes;
    errors.push(...r.errors);
    if (errors.length) break;
  }
  return { samples, roundTrips, data, responseBytes: bytes, errors };
}

/**
 * A closed loop: `connections` workers, each running the operation back to back until the
 * deadline; an operation in flight at the deadline is finished and counted, and the time runs
 * until the last one ends. The raw floor measures its throughput the same way.
 */
async function load(job: LoadJob): Promise<LoadResult> {
  const started = performance.now();
  const deadline = started + job.durationSec * 1000;
  let operations = 0;
  let errors = 0;
  let errorSample: string | undefined;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: job.connections }, async () => {
      while (performance.now() < deadline) {
        try {
          const r = await once(job.url, job.steps);
          if (r.errors.length) {
            errors += 1;
            errorSample ??= r.errors[0];
          } else operations += 1;
          latencies.push(r.ms);
        } catch (err) {
          errors += 1;
          errorSample ??= (err as Error).message;
        }
      }
    }),
  );
  const durationSec = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pick = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? 0;
  return {
    durationSec,
    operations,
    requests: operations * job.steps.length,
    operationsPerSec: operations / durationSec,
    requestsPerSec: (operations * job.steps.length) / durationSec,
    latencyP50: pick(0.5),
    latencyP99: pick(0.99),
    errors,
    ...(errorSample ? { errorSample: errorSample.slice(0, 300) } : {}),
  };
}

process.on('message', async (message: { id: number; job: Job }) => {
  try {
    const result = message.job.kind === 'latency' ? await latency(message.job) : await load(message.job);
    process.send?.({ id: message.id, result });
  } catch (err) {
    process.send?.({ id: message.id, error: (err as Error).stack ?? String(err) });
  }
});
process.on('disconnect', () => process.exit(0));
