import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundleSchema } from '../../src/modules/ingest/bundle.ts';
import { loadCodebook } from '../../src/modules/ingest/codebook.ts';
import { canonicalBundle, exportBundle } from '../../src/modules/ingest/export.ts';
import { ingestBundle } from '../../src/modules/ingest/ingest.ts';
import { readSeedBundles, seed } from '../../src/modules/ingest/seed.ts';
import { BundleValidationError } from '../../src/modules/ingest/validate.ts';
import { makeBundle } from '../support/bundles.ts';
import { TestHelper } from '../support/harness.ts';

const helper = new TestHelper('ingest');
const db = helper.database;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED_ARTICLE = 'bbabo-2022-02-09-minsk-ready-security-guarantees';
// Every bundle of this file is under the helper's prefix, which the clean-up removes.
const uniquePrefix = (name: string) => helper.id(name);

async function graphCounts() {
  const [row] = await helper.run<{ nodes: number; rels: number }>(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
  );
  return row;
}

beforeAll(async () => {
  await loadCodebook(db);
});

afterAll(async () => {
  await helper.cleanup();
  await helper.close();
});

describe('ingest', () => {
  it('round-trips a bundle: what is read back equals what was ingested', async () => {
    const p = uniquePrefix('roundtrip');
    const input = makeBundle(p);
    expect((await ingestBundle(db, input)).outcome).toBe('created');
    const back = await exportBundle(db, `${p}-article`);
    expect(back).toEqual(canonicalBundle(bundleSchema.parse(input)));
  });

  it('changes nothing when the same bundle is ingested twice, even when forced to rewrite it', async () => {
    const p = uniquePrefix('twice');
    await ingestBundle(db, makeBundle(p));
    const before = await graphCounts();
    expect((await ingestBundle(db, makeBundle(p))).outcome).toBe('unchanged');
    const forced = await ingestBundle(db, makeBundle(p), { force: true });
    expect(forced.outcome).toBe('updated');
    expect(forced.counters.nodesCreated).toBe(0);
    expect(forced.counters.relationshipsCreated).toBe(0);
    expect(await graphCounts()).toEqual(before);
  });

  it('lets eight concurrent ingests that share actors create no duplicate actor', async () => {
    const shared = [uniquePrefix('shared-a'), uniquePrefix('shared-b')];
    const bundles = Array.from({ length: 8 }, (_, i) =>
      makeBundle(uniquePrefix(`concurrent${i}`), { sharedActors: shared, extraAlias: `Alpha-${i}` }),
    );
    const results = await Promise.all(bundles.map((b) => ingestBundle(db, b)));
    expect(results.map((r) => r.outcome)).toEqual(Array(8).fill('created'));
    const rows = await helper.run<{ id: string; n: number; aliases: string[] }>(
      'MATCH (a:Actor) WHERE a.id IN $ids RETURN a.id AS id, count(*) AS n, collect(a.aliases)[0] AS aliases',
      { ids: shared },
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.n).toBe(1);
    const alpha = rows.find((x) => x.id === shared[0])!;
    // Aliases merged as a set: every writer's form is there, each once.
    const aliases = alpha.aliases;
    expect(new Set(aliases).size).toBe(aliases.length);
    for (let i = 0; i < 8; i++) expect(aliases).toContain(`Alpha-${i}`);
  });

  it('writes nothing of a bundle with one bad event', async () => {
    const p = uniquePrefix('bad-event');
    const b = makeBundle(p) as Record<string, any>;
    b.events[1].cameoCode = '999';
    const before = await graphCounts();
    const err = await ingestBundle(db, b).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BundleValidationError);
    expect((err as BundleValidationError).issues).toEqual([
      { path: 'events[1].cameoCode', message: '"999" is not a CAMEO code in the codebook' },
    ]);
    expect(await graphCounts()).toEqual(before);
    const [leftovers] = await helper.run('MATCH (n) WHERE n.id STARTS WITH $p RETURN count(n) AS n', { p });
    expect(leftovers?.n).toBe(0);
  });

  it('refuses a reference to an actor that is neither in the bundle nor in the graph', async () => {
    const p = uniquePrefix('dangling');
    const b = makeBundle(p) as Record<string, any>;
    b.events[0].participants.push({ actorId: `${p}-nobody`, role: 'SUBJECT' });
    const err = (await ingestBundle(db, b).catch((e: unknown) => e)) as BundleValidationError;
    expect(err.issues[0]).toEqual({
      path: 'events[0].participants[3].actorId',
      message: `actor "${p}-nobody" is neither in the bundle nor in the graph`,
    });
  });
});

describe('the seed article in the graph', () => {
  beforeAll(async () => {
    await seed(db);
  });

  it('round-trips through the graph', async () => {
    const back = await exportBundle(db, SEED_ARTICLE);
    expect(back).toEqual(canonicalBundle(bundleSchema.parse(readSeedBundles()[0])));
  });

  it('has, for every event, a mention whose quote is an exact excerpt of the article', async () => {
    const rows = await helper.run<{ id: string; exact: number }>(
      `MATCH (art:Article {id: $id})<-[:IN]-(:Mention)-[:SUPPORTS]->(e:Event)
       WITH DISTINCT art, e
       OPTIONAL MATCH (m:Mention)-[:SUPPORTS]->(e)
       WHERE (m)-[:IN]->(art) AND substring(art.text, m.start, m.end - m.start) = m.quote
       RETURN e.id AS id, count(m) AS exact`,
      { id: SEED_ARTICLE },
    );
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const row of rows) expect(row.exact, row.id).toBeGreaterThan(0);
  });

  it('finds Belarus by its French name whatever the accents and case', async () => {
    for (const text of ['Biélorussie', 'bielorussie', 'BIÉLORUSSIE', 'Minsk', 'Беларусь']) {
      const [top] = await helper.run(
        "CALL db.index.fulltext.queryNodes('actor_names', $text) YIELD node, score RETURN node.id AS id ORDER BY score DESC LIMIT 1",
        { text },
      );
      expect(top?.id, text).toBe('belarus');
    }
  });

  it('links each event to its CAMEO type, and each type to its parent', async () => {
    const rows = await helper.run(
      `MATCH (e:Event {id: 'evt-2022-02-09-aleinik-ready-to-discuss'})-[:OF_TYPE]->(t:EventType)-[:CHILD_OF]->(p:EventType)
       RETURN t.code AS code, t.goldstein AS goldstein, p.code AS parent`,
    );
    expect(rows).toEqual([{ code: '036', goldstein: 4, parent: '03' }]);
  });
});

describe('parley ingest (the CLI)', () => {
  it('ingests JSON Lines, reports created/updated/unchanged, and reports a bad line by its path', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-cli-'));
    try {
      const good = [makeBundle(uniquePrefix('cli1')), makeBundle(uniquePrefix('cli2'))];
      const bad = makeBundle(uniquePrefix('cli3')) as Record<string, any>;
      bad.events[0].participants[0].role = 'NOBODY';
      const file = path.join(dir, 'bundles.jsonl');
      writeFileSync(file, `${good.map((b) => JSON.stringify(b)).join('\n')}\n${JSON.stringify(bad)}\n`);
      const run = () =>
        spawnSync(path.join(ROOT, 'bin/parley'), ['ingest', file], {
          encoding: 'utf8',
          env: {
            ...process.env,
            NEO4J_URI: inject('neo4jUri'),
            NEO4J_USER: inject('neo4jUser'),
            NEO4J_PASSWORD: inject('neo4jPassword'),
            NEO4J_DATABASE: inject('neo4jDatabase'),
          },
        });
      const first = run();
      expect(first.stdout).toMatch(/3 bundle\(s\): 2 created, 0 updated, 0 unchanged, 1 failed/);
      expect(first.stderr).toContain(`${file}:3: events[0].participants[0].role`);
      expect(first.status).toBe(1);
      const second = run();
      expect(second.stdout).toMatch(/2 unchanged, 1 failed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
