import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { graphActorsOfBundle } from '../../src/modules/extraction/actors/from-bundle.ts';
import type { GraphActor } from '../../src/modules/extraction/actors/gazetteer.ts';
import { buildGazetteer } from '../../src/modules/extraction/actors/gazetteer.ts';
import { defaultLexicons } from '../../src/modules/extraction/lexicons.ts';
import { ExtractionPool } from '../../src/modules/extraction/pool.ts';
import { rulesEngine } from '../../src/modules/extraction/rules/engine.ts';

const seedBundle = JSON.parse(
  readFileSync(new URL('../../data/seed/bbabo-2022-02-09.bundle.json', import.meta.url), 'utf8'),
);
const text = readFileSync(new URL('../../data/seed/bbabo-2022-02-09.txt', import.meta.url), 'utf8');
const actors: GraphActor[] = graphActorsOfBundle(seedBundle);
const input = { text, publishedAt: '2022-02-09', language: 'fr' as const, title: 'Pool', publisher: 'Test' };

const pools: ExtractionPool[] = [];
const pool = (timeoutMs: number, queue = 4) => {
  const p = new ExtractionPool({ timeoutMs, queue });
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('the extraction pool (a worker thread)', () => {
  it('gives the draft the engine gives in this thread', async () => {
    const reads: number[] = [];
    const draft = await pool(60_000).run({
      input,
      fingerprint: 'a',
      actors: async () => (reads.push(1), actors),
    });
    const here = rulesEngine.extract(input, {
      gazetteer: buildGazetteer(actors, defaultLexicons()),
      lexicons: defaultLexicons(),
    });
    expect(draft.bundle).toEqual(here.bundle);
    expect(reads).toHaveLength(1);
  });

  it('reads the graph actors again only when their fingerprint changes', async () => {
    const p = pool(60_000);
    let reads = 0;
    const job = (fingerprint: string) => p.run({ input, fingerprint, actors: async () => (reads++, actors) });
    await job('a');
    await job('a');
    expect(reads).toBe(1);
    await job('b');
    expect(reads).toBe(2);
  });

  it('stops a run past its time with EXTRACTION_TIMEOUT', async () => {
    const p = pool(1);
    // A fresh worker cannot even load within 1 ms, so this run is always past its time.
    await expect(p.run({ input, fingerprint: 'a', actors: async () => actors })).rejects.toMatchObject({
      extensions: { code: 'EXTRACTION_TIMEOUT' },
    });
  });

  it('refuses a run with EXTRACTION_BUSY when the queue is full, and runs the rest', async () => {
    const p = pool(60_000, 1);
    const job = () => p.run({ input, fingerprint: 'a', actors: async () => actors });
    const first = job(); // running
    const second = job(); // waiting: the queue of 1 is now full
    await expect(job()).rejects.toMatchObject({ extensions: { code: 'EXTRACTION_BUSY' } });
    await expect(first).resolves.toBeDefined();
    await expect(second).resolves.toBeDefined();
  });
});

describe('the extraction pool after a crash', () => {
  it('fails the crashed run, keeps the queue limit, and leaves no stray timer to stop the next run', async () => {
    const p = pool(60_000, 0);
    const first = p.run({ input, fingerprint: 'a', actors: async () => actors });
    // A crash: the worker dies under the running job (it was started by run, synchronously).
    await (p as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await expect(first).rejects.toThrow(/exited/);
    const second = p.run({ input, fingerprint: 'a', actors: async () => actors });
    await expect(p.run({ input, fingerprint: 'a', actors: async () => actors })).rejects.toMatchObject({
      extensions: { code: 'EXTRACTION_BUSY' },
    });
    await expect(second).resolves.toMatchObject({ language: 'fr' });
  });
});
