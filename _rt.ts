import neo4j from 'neo4j-driver';
import { createLogger } from './src/logger.ts';
import { startBenchNeo4j } from './bench/neo4j.ts';
const neo = await startBenchNeo4j('rt', { heapMiB: 512, pageCacheMiB: 128, logger: createLogger({ logLevel: 'warn' }) });
const driver = neo4j.driver(neo.uri, undefined, { maxConnectionPoolSize: 10 });
const q = 'MATCH (t:EventType) RETURN t.code AS c LIMIT 10';
const N = 2000;
const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
const modes: Record<string, () => Promise<unknown>> = {
  executeQuery: () => driver.executeQuery(q, {}, { database: 'neo4j', routing: neo4j.routing.READ }),
  explicitTx: async () => {
    const s = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ, bookmarkManager: driver.executeQueryBookmarkManager });
    try { const tx = s.beginTransaction(); const r = await tx.run(q); await tx.commit(); return r; } finally { await s.close(); }
  },
  autoCommit: async () => {
    const s = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ, bookmarkManager: driver.executeQueryBookmarkManager });
    try { return await s.run(q); } finally { await s.close(); }
  },
};
for (let round = 0; round < 3; round++)
  for (const [name, f] of Object.entries(modes)) {
    for (let i = 0; i < 200; i++) await f();
    const xs: number[] = [];
    for (let i = 0; i < N; i++) { const t = performance.now(); await f(); xs.push(performance.now() - t); }
    console.log(round, name, median(xs).toFixed(3), 'ms');
  }
await driver.close(); await neo.stop();
