import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { hashKey } from '../../src/auth.ts';
import { generateBundles } from '../../src/generator/generate.ts';
import { makeBundle } from '../support/bundles.ts';
import { isAlive, type ParleyProcess, startParleyProcess, waitFor } from '../support/process.ts';

// Faults injected into the real embedded Neo4j under the real API process: the database is
// killed mid-load and mid-mutation, and the API is stopped mid-request. Nothing acknowledged
// may be lost, and nothing may be half-written.
const EDITOR = 'faults-editor-key-0123456789';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-faults-'));
const env = {
  PARLEY_DATA_DIR: dataDir,
  PARLEY_NEO4J_PORT: '0',
  PARLEY_API_KEYS: `editor:${hashKey(EDITOR)}`,
  PARLEY_SHUTDOWN_TIMEOUT_MS: '60000',
};
const running: ParleyProcess[] = [];
let faults = 0;

// Each test leaves the data folder free for the next, whatever happened in it.
afterEach(async () => {
  for (const p of running.splice(0)) {
    await p.stop('SIGTERM');
    if (p.javaPid) await waitFor(() => !isAlive(p.javaPid!), 20_000);
  }
});

afterAll(async () => {
  for (const p of running) await p.stop('SIGKILL');
  for (const p of running) if (p.javaPid && isAlive(p.javaPid)) process.kill(p.javaPid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(`[faults] ${faults} faults injected\n`);
});

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, editor = false) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(editor ? { authorization: `Bearer ${EDITOR}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] },
  };
}

const INGEST = 'mutation($b: JSON!) { ingestArticle(bundle: $b) { articleId outcome } }';
const ready = async (url: string) => (await fetch(`${url}/ready`)).status === 200;

function bigBundle(idPrefix: string, events: number) {
  const [bundle] = [...generateBundles({ seed: 5, actors: 200, events, eventsPerArticle: events, idPrefix })];
  return bundle!;
}

async function eventsWithPrefix(url: string, prefix: string, articleId: string) {
  const res = await gql(
    url,
    `query($id: ID!) { article(id: $id) { id mentions { event { id } } } events(filter: { from: "1900-01-01" }, first: 1) { totalCount } }`,
    { id: articleId },
  );
  const article = res.body.data?.article;
  const eventIds = new Set(
    (article?.mentions ?? []).map((m: any) => m.event?.id).filter((id: string) => id?.startsWith(prefix)),
  );
  return { article: Boolean(article), events: eventIds.size };
}

describe('faults against the embedded Neo4j', { timeout: 300_000 }, () => {
  it('loses no acknowledged write when the database is killed mid-load, and recovers without a restart', async () => {
    const p = await startParleyProcess(env);
    running.push(p);
    const acknowledged: string[] = [];
    let refused = 0;
    let killedAt = -1;
    const deadline = Date.now() + 150_000;
    for (let i = 0; acknowledged.length < 30 && Date.now() < deadline; i++) {
      if (acknowledged.length === 10 && killedAt < 0) {
        killedAt = i;
        process.kill(p.javaPid!, 'SIGKILL');
        faults += 1;
      }
      const res = await gql(p.url, INGEST, { b: makeBundle(`tf-load-${i}`) }, true);
      if (res.body.data?.ingestArticle) acknowledged.push(res.body.data.ingestArticle.articleId);
      else {
        refused += 1;
        expect(res.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(acknowledged).toHaveLength(30);
    expect(await waitFor(() => ready(p.url), 60_000)).toBe(true);
    for (const id of acknowledged) {
      const res = await gql(p.url, 'query($id: ID!) { article(id: $id) { id mentions { id } } }', { id });
      expect(res.body.data?.article?.id, id).toBe(id);
      // Two event quotes and one fact quote per bundle.
      expect(res.body.data.article.mentions.length, id).toBe(3);
    }
    expect(await p.stop('SIGTERM')).toBe(0);
  });

  it('writes nothing partial when the database is taken away during a mutation', async () => {
    const p = await startParleyProcess(env);
    running.push(p);
    const bundle = bigBundle('tf-cut', 1_000);
    const pending = gql(p.url, INGEST, { b: bundle }, true);
    await new Promise((r) => setTimeout(r, 700));
    process.kill(p.javaPid!, 'SIGKILL');
    faults += 1;
    const res = await pending;
    expect(await waitFor(() => ready(p.url), 60_000)).toBe(true);
    const after = await eventsWithPrefix(p.url, 'tf-cut', bundle.article.id);
    if (res.body.data?.ingestArticle) {
      expect(after).toEqual({ article: true, events: 1_000 });
    } else {
      expect(res.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
      expect(after.article).toBe(false);
      const count = await gql(p.url, '{ events(filter: { from: "1900-01-01" }) { totalCount } }');
      const stray = await gql(p.url, 'query { actor(id: "tf-cut-actor-000001") { id } }');
      expect(stray.body.data.actor).toBeNull();
      expect(count.status).toBe(200);
    }
    expect(await p.stop('SIGTERM')).toBe(0);
  });

  it('drains an in-flight mutation on SIGTERM, and what it committed is there after a restart', async () => {
    const p = await startParleyProcess(env);
    running.push(p);
    const bundle = bigBundle('tf-drain', 1_000);
    const pending = gql(p.url, INGEST, { b: bundle }, true);
    await new Promise((r) => setTimeout(r, 300));
    p.child.kill('SIGTERM');
    faults += 1;
    const res = await pending;
    expect(res.body.data?.ingestArticle?.outcome).toBe('CREATED');
    expect(await p.exited).toBe(0);
    expect(await waitFor(() => !isAlive(p.javaPid!), 15_000)).toBe(true);

    const again = await startParleyProcess(env);
    running.push(again);
    expect(await eventsWithPrefix(again.url, 'tf-drain', bundle.article.id)).toEqual({
      article: true,
      events: 1_000,
    });
    expect(await again.stop('SIGTERM')).toBe(0);
  });

  it('creates no duplicate actor under concurrent overlapping ingests through the API', async () => {
    const p = await startParleyProcess(env);
    running.push(p);
    const shared = ['tf-shared-a', 'tf-shared-b'];
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        gql(p.url, INGEST, { b: makeBundle(`tf-conc-${i}`, { sharedActors: shared }) }, true),
      ),
    );
    for (const r of results) expect(r.body.data?.ingestArticle?.outcome).toBe('CREATED');
    // Ids are unique by constraint: the shared actors exist once, with every writer's events.
    const res = await gql(p.url, '{ a: actor(id: "tf-shared-a") { id } b: actor(id: "tf-shared-b") { id } }');
    expect(res.body.data).toEqual({ a: { id: 'tf-shared-a' }, b: { id: 'tf-shared-b' } });
    const events = await gql(p.url, 'query { actor(id: "tf-shared-a") { events { totalCount } } }');
    expect(events.body.data.actor.events.totalCount).toBe(16);
    expect(await p.stop('SIGTERM')).toBe(0);
  });
});
