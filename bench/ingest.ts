/**
 * What the rollups cost at ingest. The same generated bundles are loaded through Parley's ingest
 * path into fresh embedded Neo4j databases, with the rollup upkeep in every write transaction (as
 * Parley always runs) and without it (Parley's ingest as it was before rollups), alternating
 * which goes first, each in its own database; then the rebuild that the second graph would need.
 * Prints figures only; nothing here fails on timing.
 *
 *   npm run bench:ingest -- [--size small|medium] [--rounds N] [--batch N]
 */

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type SizeName, sizes } from '../src/generator/generate.ts';
import { createLogger } from '../src/logger.ts';
import { rebuildRollups } from '../src/modules/analytics/rollups.ts';
import { ingestItems, readBundleItems } from '../src/modules/ingest/bulk.ts';
import { QueryStats } from '../src/neo4j/database.ts';
import { generateToFile } from './load.ts';
import { startBenchNeo4j } from './neo4j.ts';

const { values: flags } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    rounds: { type: 'string', default: '2' },
    batch: { type: 'string', default: '25' },
    seed: { type: 'string', default: '7' },
  },
});
const size = flags.size as SizeName;
if (!(size in sizes)) throw new Error(`unknown size ${size}; one of ${Object.keys(sizes).join(', ')}`);
const rounds = Math.max(1, Number(flags.rounds));
const batch = Math.max(1, Number(flags.batch));
const MEMORY =
  size === 'small' ? { heapMiB: 1024, pageCacheMiB: 512 } : { heapMiB: 2048, pageCacheMiB: 1536 };
const logger = createLogger({ logLevel: 'warn' });
const log = (msg: string) => process.stderr.write(`${msg}\n`);

type Mode = 'with rollups' | 'without rollups';

/**
 * Time per statement, summed over the load: where the rollups' share goes. Wall time as the
 * client sees it, and the server's part of it (until the first result is available): the rest
 * is sending the parameters, streaming the results and the driver.
 */
class StatementTimes extends QueryStats {
  readonly ms = new Map<string, number>();
  readonly server = new Map<string, number>();
  override record(name: string, wallMs: number, serverMs: number): void {
    this.ms.set(name, (this.ms.get(name) ?? 0) + wallMs);
    this.server.set(name, (this.server.get(name) ?? 0) + serverMs);
    this.queries += 1;
    this.cypherMs += wallMs;
    this.serverMs += serverMs;
  }
}

async function load(file: string, mode: Mode) {
  const neo4j = await startBenchNeo4j(size, { ...MEMORY, logger });
  try {
    const times = new StatementTimes();
    const started = performance.now();
    const summary = await ingestItems(neo4j.database.scoped(times), readBundleItems([file]), {
      batch,
      rollups: mode === 'with rollups',
    });
    const ms = performance.now() - started;
    if (summary.counts.failed) throw new Error(`${summary.counts.failed} bundles refused`);
    let rebuildMs: number | null = null;
    if (mode === 'without rollups') {
      const t = performance.now();
      await rebuildRollups(neo4j.database);
      rebuildMs = performance.now() - t;
    }
    return { mode, events: summary.events, ms, rebuildMs, statements: times.ms, server: times.server };
  } finally {
    await neo4j.stop();
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-ingest-'));
try {
  const generated = await generateToFile(
    { seed: Number(flags.seed), ...sizes[size], idPrefix: 'b' },
    path.join(dir, `${size}.jsonl`),
  );
  log(`${size}: ${generated.bundles} bundles, ${generated.events} events; batch ${batch}, ${rounds} rounds`);
  const runs: Awaited<ReturnType<typeof load>>[] = [];
  for (let r = 0; r < rounds; r++) {
    const order: Mode[] =
      r % 2 === 0 ? ['with rollups', 'without rollups'] : ['without rollups', 'with rollups'];
    for (const mode of order) {
      const run = await load(generated.file, mode);
      runs.push(run);
      log(
        `round ${r + 1} ${mode}: ${(run.ms / 1000).toFixed(1)} s, ${(run.events / (run.ms / 1000)).toFixed(0)} events/s` +
          (run.rebuildMs === null ? '' : `; rebuild afterwards ${(run.rebuildMs / 1000).toFixed(1)} s`),
      );
      const top = [...run.statements].sort((a, b) => b[1] - a[1]).slice(0, 8);
      log(
        `  statements (wall, server): ${top
          .map(
            ([n, ms]) =>
              `${n} ${(ms / 1000).toFixed(1)} s (${((run.server.get(n) ?? 0) / 1000).toFixed(1)} s)`,
          )
          .join(', ')}`,
      );
    }
  }
  const rate = (m: Mode) => {
    const of = runs.filter((r) => r.mode === m);
    return of.reduce((a, r) => a + r.events, 0) / (of.reduce((a, r) => a + r.ms, 0) / 1000);
  };
  const w = rate('with rollups');
  const wo = rate('without rollups');
  console.log(
    `ingest, ${size}, batch ${batch}: with rollups ${w.toFixed(0)} events/s, without ${wo.toFixed(0)} events/s: ` +
      `${(w / wo).toFixed(2)}× (target ≥ 0.8×); load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
