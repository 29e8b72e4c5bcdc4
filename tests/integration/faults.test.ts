import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { hashKey } from '../../src/auth.ts';
import { generateBundles } from '../../src/generator/generate.ts';
import { mentionId } from '../../src/modules/common/identity.ts';
import type { BundleInput } from '../../src/modules/ingest/bundle.ts';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/neo4j/embedded.ts';
import { makeBundle } from '../support/bundles.ts';
import { isAlive, type ParleyProcess, startParleyProcess, waitFor } from '../support/process.ts';

// Faults injected into a real Neo4j under the real API process. The test decides when each
// fault starts and ends: the supervisor's first restart is 10 minutes away, so an outage lasts
// until the test sends SIGUSR2 ("restart the embedded Neo4j now"); a mutation is caught
// mid-transaction by holding a lock it needs, seen as blocked in SHOW TRANSACTIONS. Nothing
// here waits a fixed time for something to happen.
const EDITOR = 'faults-editor-key-0123456789';
/** The outage bound the API is given. */
const BOUND_MS = 1_000;
/** Slack over the bound for a busy machine: a refusal still comes within the 2 s. */
const SLACK_MS = 1_000;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-faults-'));
const env = {
  PARLEY_DATA_DIR: dataDir,
  PARLEY_NEO4J_PORT: '0',
  PARLEY_API_KEYS: `editor:${hashKey(EDITOR)}`,
  PARLEY_SHUTDOWN_TIMEOUT_MS: '60000',
  PARLEY_NEO4J_RESTART_DELAY_MS: '600000',
  PARLEY_DB_UNAVAILABLE_TIMEOUT_MS: String(BOUND_MS),
};
const running: ParleyProcess[] = [];
const drivers: Driver[] = [];
const databases: EmbeddedNeo4j[] = [];
let faults = 0;

// Each test leaves the data folder free for the next, whatever happened in it.
afterEach(async () => {
  for (const d of drivers.splice(0)) await d.close().catch(() => undefined);
  for (const p of running.splice(0)) {
    await p.stop('SIGTERM');
    if (p.javaPid) await waitFor(() => !isAlive(p.javaPid!), 20_000);
  }
  for (const db of databases.splice(0)) await db.stop();
});

afterAll(async () => {
  for (const p of running) await p.stop('SIGKILL');
  for (const p of running) if (p.javaPid && isAlive(p.javaPid)) process.kill(p.javaPid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(`[faults] ${faults} faults injected\n`);
});

interface Answer {
  status: number;
  ms: number;
  /** performance.now() when the answer arrived. */
  at: number;
  retryAfter: string | null;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  editor = false,
): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(editor ? { authorization: `Bearer ${EDITOR}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Answer['body'];
  const at = performance.now();
  return { status: res.status, ms: at - started, at, retryAfter: res.headers.get('retry-after'), body };
}

const INGEST = 'mutation($b: JSON!) { ingestArticle(bundle: $b) { articleId outcome } }';
const ready = async (url: string) => (await fetch(`${url}/ready`)).status;

/**
 * A refusal of the kind the API owes its clients while the database cannot be reached: 503,
 * DATABASE_UNAVAILABLE and Retry-After, within the bound of the request's start or, for a request
 * already in flight when the database went, of the moment it went.
 */
function expectFastRefusal(answer: Answer, lostAt?: number) {
  expect(answer.status).toBe(503);
  expect(answer.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
  expect(Number(answer.retryAfter)).toBeGreaterThan(0);
  expect(lostAt === undefined ? answer.ms : answer.at - lostAt).toBeLessThan(BOUND_MS + SLACK_MS);
}

function bigBundle(idPrefix: string, events: number): BundleInput {
  const [bundle] = [...generateBundles({ seed: 5, actors: 200, events, eventsPerArticle: events, idPrefix })];
  return bundle as BundleInput;
}

/** The embedded Neo4j's pid: a test that kills it must know it is killing its own. */
function embeddedPid(p: ParleyProcess): number {
  expect(p.javaPid, 'the API runs its own embedded Neo4j').toBeTypeOf('number');
  return p.javaPid!;
}

function driverFor(uri: string): Driver {
  const d = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''));
  drivers.push(d);
  return d;
}

async function count(driver: Driver, cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const r = await driver.executeQuery(cypher, params);
  return (r.records[0]!.get(0) as { toNumber(): number }).toNumber();
}

/**
 * Opens a transaction that creates the Mention node the bundle's ingest will write last, and
 * leaves it open: the ingest then waits on the id's uniqueness lock with everything else of its
 * transaction written but not committed. Resolves once SHOW TRANSACTIONS shows it blocked.
 */
async function holdIngestAtItsMentions(driver: Driver, bundle: BundleInput) {
  const event = bundle.events![0]!;
  const m = event.mentions[0]!;
  const session = driver.session();
  const tx = session.beginTransaction();
  await tx.run('CREATE (:Mention {id: $id})', { id: mentionId(bundle.article.id, m.start, m.end, event.id) });
  const blocked = async () =>
    (await count(
      driver,
      "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*)",
    )) > 0;
  return {
    /** Resolves when the held ingest is waiting on the lock. */
    blocked: () => waitFor(blocked, 120_000),
    release: async () => {
      await tx.rollback().catch(() => undefined);
      await session.close().catch(() => undefined);
    },
  };
}

describe('faults against the embedded Neo4j', { timeout: 300_000 }, () => {
  it('refuses fast with 503 while the database is down, loses no acknowledged write, and recovers without an API restart', async () => {
    const p = await startParleyProcess(env);
    running.push(p);
    const acknowledged: string[] = [];
    const ingest = async (i: number) => gql(p.url, INGEST, { b: makeBundle(`tf-load-${i}`) }, true);
    for (let i = 0; i < 10; i++) {
      const res = await ingest(i);
      expect(res.body.errors, `ingest ${i}`).toBeUndefined();
      acknowledged.push(res.body.data.ingestArticle.articleId);
    }

    process.kill(embeddedPid(p), 'SIGKILL');
    faults += 1;
    expect(await waitFor(() => !isAlive(p.javaPid!), 10_000)).toBe(true);
    await p.line(/embedded Neo4j exited unexpectedly/);
    // The outage lasts until SIGUSR2: every write and read in it is refused within the bound.
    for (let i = 10; i < 13; i++) expectFastRefusal(await ingest(i));
    expectFastRefusal(await gql(p.url, '{ nodeCounts { label count } }'));
    expect(await ready(p.url)).toBe(503);

    p.child.kill('SIGUSR2');
    await p.line(/embedded Neo4j restarted/);
    expect(await waitFor(async () => (await ready(p.url)) === 200, 60_000)).toBe(true);
    for (let i = 13; acknowledged.length < 30; i++) {
      const res = await ingest(i);
      expect(res.body.errors, `ingest ${i} after recovery`).toBeUndefined();
      acknowledged.push(res.body.data.ingestArticle.articleId);
    }
    for (const id of acknowledged) {
      const res = await gql(p.url, 'query($id: ID!) { article(id: $id) { id mentions { id } } }', { id });
      expect(res.body.data?.article?.id, id).toBe(id);
      // Two event quotes and one fact quote per bundle.
      expect(res.body.data.article.mentions.length, id).toBe(3);
    }
    // The refused ones wrote nothing.
    for (let i = 10; i < 13; i++) {
      const res = await gql(p.url, 'query($id: ID!) { article(id: $id) { id } }', {
        id: `tf-load-${i}-article`,
      });
      expect(res.body.data.article, `tf-load-${i}`).toBeNull();
    }
    expect(await p.stop('SIGTERM')).toBe(0);
  });

  it('writes nothing of a mutation whose database is killed while its transaction is open', async () => {
    const p = await startParleyProcess(env);
    running.push(p);
    const driver = driverFor(p.neo4jUri);
    const eventsBefore = await count(driver, 'MATCH (e:Event) RETURN count(e)');
    const actorsBefore = await count(driver, 'MATCH (a:Actor) RETURN count(a)');
    const bundle = bigBundle('tf-cut', 1_000);
    const hold = await holdIngestAtItsMentions(driver, bundle);
    const pending = gql(p.url, INGEST, { b: bundle }, true);
    expect(await hold.blocked()).toBe(true);

    const lostAt = performance.now();
    process.kill(embeddedPid(p), 'SIGKILL');
    faults += 1;
    const res = await pending;
    await hold.release();
    expectFastRefusal(res, lostAt);
    await p.line(/embedded Neo4j exited unexpectedly/);

    p.child.kill('SIGUSR2');
    await p.line(/embedded Neo4j restarted/);
    expect(await waitFor(async () => (await ready(p.url)) === 200, 60_000)).toBe(true);
    const after = driverFor(p.neo4jUri);
    expect(await count(after, 'MATCH (a:Article {id: $id}) RETURN count(a)', { id: bundle.article.id })).toBe(
      0,
    );
    expect(await count(after, "MATCH (n) WHERE n.id STARTS WITH 'tf-cut' RETURN count(n)")).toBe(0);
    expect(await count(after, 'MATCH (e:Event) RETURN count(e)')).toBe(eventsBefore);
    expect(await count(after, 'MATCH (a:Actor) RETURN count(a)')).toBe(actorsBefore);
    // And the API answers the same count.
    const total = await gql(p.url, '{ events(filter: { from: "1900-01-01" }) { totalCount } }');
    expect(total.body.data.events.totalCount).toBe(eventsBefore);
    expect(await p.stop('SIGTERM')).toBe(0);
  });

  it('drains a mutation in flight at SIGTERM: it commits, the process exits 0, and the data is there after a restart', async () => {
    const p = await startParleyProcess(env);
    running.push(p);
    const driver = driverFor(p.neo4jUri);
    const bundle = bigBundle('tf-drain', 1_000);
    const hold = await holdIngestAtItsMentions(driver, bundle);
    const pending = gql(p.url, INGEST, { b: bundle }, true);
    expect(await hold.blocked()).toBe(true);

    p.child.kill('SIGTERM');
    faults += 1;
    await p.line(/shutting down: draining requests/);
    await hold.release();
    const res = await pending;
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.ingestArticle?.outcome).toBe('CREATED');
    expect(await p.exited).toBe(0);
    expect(await waitFor(() => !isAlive(p.javaPid!), 15_000)).toBe(true);

    const again = await startParleyProcess(env);
    running.push(again);
    const d = driverFor(again.neo4jUri);
    expect(
      await count(
        d,
        'MATCH (:Article {id: $id})<-[:IN]-(:Mention)-[:SUPPORTS]->(e:Event) RETURN count(DISTINCT e)',
        {
          id: bundle.article.id,
        },
      ),
    ).toBe(1_000);
    expect(await again.stop('SIGTERM')).toBe(0);
  });

  it('keeps one node per actor id under eight concurrent ingests that share two actors', async () => {
    const p = await startParleyProcess(env);
    running.push(p);
    const shared = ['tf-shared-a', 'tf-shared-b'];
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        gql(p.url, INGEST, { b: makeBundle(`tf-conc-${i}`, { sharedActors: shared }) }, true),
      ),
    );
    for (const r of results) expect(r.body.data?.ingestArticle?.outcome).toBe('CREATED');
    // Counted in Cypher, not through the API, whose loader would collapse duplicates by id.
    const driver = driverFor(p.neo4jUri);
    for (const id of shared) {
      expect(await count(driver, 'MATCH (a:Actor {id: $id}) RETURN count(a)', { id }), id).toBe(1);
    }
    expect(
      await count(driver, 'MATCH (:Actor {id: $id})-[:PARTICIPATED_IN]->(e:Event) RETURN count(DISTINCT e)', {
        id: shared[0],
      }),
    ).toBe(16);
    expect(await p.stop('SIGTERM')).toBe(0);
  });
});

describe('faults against an external Neo4j (NEO4J_URI)', { timeout: 300_000 }, () => {
  it('refuses fast with 503 while the server is down, and recovers when it is back on the same address', async () => {
    const home = path.join(dataDir, 'external');
    const first = await startEmbeddedNeo4j({
      home,
      port: 0,
      heapMiB: 512,
      pageCacheMiB: 128,
      startTimeoutMs: 180_000,
    });
    databases.push(first);
    const port = Number(new URL(first.uri.replace(/^bolt:/, 'http:')).port);
    const p = await startParleyProcess({ ...env, NEO4J_URI: first.uri });
    running.push(p);
    expect(await ready(p.url)).toBe(200);

    process.kill(first.pid, 'SIGKILL');
    faults += 1;
    await first.exited;
    expectFastRefusal(await gql(p.url, '{ nodeCounts { label count } }'));
    expectFastRefusal(await gql(p.url, INGEST, { b: makeBundle('tf-ext') }, true));
    expect(await ready(p.url)).toBe(503);

    const second = await startEmbeddedNeo4j({
      home,
      port,
      heapMiB: 512,
      pageCacheMiB: 128,
      startTimeoutMs: 180_000,
    });
    databases.push(second);
    expect(await waitFor(async () => (await ready(p.url)) === 200, 60_000)).toBe(true);
    const res = await gql(p.url, INGEST, { b: makeBundle('tf-ext') }, true);
    expect(res.body.data?.ingestArticle?.outcome).toBe('CREATED');
    expect(await p.stop('SIGTERM')).toBe(0);
  });
});
