/**
 * `node --import tsx bench/profile.ts [--events N] [--requests N] [--op search] [--out FILE]`:
 * a bounded load of one operation against a small generated graph, for reading where the API
 * layer's time goes. A fresh embedded Neo4j is loaded through Parley's ingest, Parley serves on
 * 127.0.0.1, and the forked bench client sends the requests one at a time (the server's event
 * loop is this process). The V8 CPU profiler (node:inspector, as `node --cpu-prof` uses it) runs
 * only while the timed requests do, so the load and the warm-up stay out of the profile. Prints
 * the client's p50 and the raw driver's p50 for the same statements; `bench/profile-summary.ts`
 * reads the profile.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../src/logger.ts';
import { generateToFile, parleyLoad } from './load.ts';
import { Client, captureSteps, median } from './measure.ts';
import { startBenchNeo4j } from './neo4j.ts';
import { operations, pickTargets } from './operations.ts';
import { startParleyServer } from './systems/parley.ts';
import { replayLatency } from './systems/raw.ts';

const { values: flags } = parseArgs({
  options: {
    events: { type: 'string', default: '2000' },
    requests: { type: 'string', default: '2000' },
    op: { type: 'string', default: 'search' },
    out: { type: 'string', default: path.join(os.tmpdir(), 'parley-api.cpuprofile') },
  },
});
const logger = createLogger({ logLevel: 'warn' });
const log = (msg: string) => process.stderr.write(`${msg}\n`);

const events = Number(flags.events);
const file = path.join(os.tmpdir(), `parley-profile-${process.pid}.jsonl`);
await generateToFile({ seed: 7, actors: Math.max(100, events / 10), events, idPrefix: 'p' }, file);
const neo = await startBenchNeo4j('profile', { heapMiB: 1024, pageCacheMiB: 256, logger });
const client = new Client();
try {
  await parleyLoad(neo.database, file, 25);
  const targets = await pickTargets(neo.database);
  const op = operations(targets).find((o) => o.key === flags.op);
  if (!op) throw new Error(`no operation ${flags.op}`);
  const server = await startParleyServer(neo.database, logger);
  try {
    const replay = (await captureSteps(server.url, op.parley.steps, neo.database))[0]!;
    const n = Number(flags.requests);
    const job = (warmup: number, iterations: number) =>
      client.run<{ samples: number[] }>({
        kind: 'latency',
        url: server.url,
        steps: op.parley.steps,
        warmup,
        iterations,
        maxMs: 600_000,
      });
    await job(200, 1);
    const inspector = new Session();
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
    await inspector.post('Profiler.start');
    const api = await job(0, n);
    const { profile } = await inspector.post('Profiler.stop');
    inspector.disconnect();
    writeFileSync(flags.out, JSON.stringify(profile));
    log(`profile: ${flags.out}`);
    const raw = await replayLatency(neo.database.driver, neo.database.name, replay, 200, n, 600_000);
    log(
      `${op.key}: ${api.samples.length} requests, API p50 ${median(api.samples)?.toFixed(2)} ms, raw driver p50 ${median(raw.samples)?.toFixed(2)} ms`,
    );
  } finally {
    await server.close();
  }
} finally {
  client.close();
  await neo.stop();
}
