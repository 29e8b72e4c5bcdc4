import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashKey } from '../../src/auth.ts';
import { loadCodebook } from '../../src/modules/ingest/codebook.ts';
import { makeBundle } from '../support/bundles.ts';
import { TestHelper } from '../support/harness.ts';
import { type ParleyProcess, startParleyProcess } from '../support/process.ts';
import { type RedisProcess, startRedis } from '../support/redis.ts';
import { subscribe } from '../support/sse.ts';

const helper = new TestHelper('live-scale');
const EDITOR = 'live-scale-editor-key-0123';
let redis: RedisProcess;
const running: ParleyProcess[] = [];

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, key?: string) {
  const body = JSON.stringify({ query, variables });
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-parley-stats': '1',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body,
  });
  return (await res.json()) as { data?: any; errors?: unknown[]; extensions?: Record<string, any> };
}

beforeAll(async () => {
  // PARLEY_SEED is off (the processes share the run's graph): the codebook comes from here.
  await loadCodebook(helper.database);
  redis = await startRedis();
});
afterAll(async () => {
  for (const p of running) await p.stop('SIGKILL');
  await redis?.close();
  await helper.cleanup();
  await helper.close();
});

describe('two API processes on one Neo4j and one Redis', { timeout: 300_000 }, () => {
  it('delivers a write on one to a subscriber on the other, and drops the other one’s cached answers', async () => {
    const env = {
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_USER: inject('neo4jUser'),
      NEO4J_PASSWORD: inject('neo4jPassword'),
      NEO4J_DATABASE: inject('neo4jDatabase'),
      PARLEY_REDIS_URL: redis.url,
      PARLEY_SEED: 'false',
      PARLEY_EXPLORER: 'false',
      PARLEY_API_KEYS: `editor:${hashKey(EDITOR)}`,
    };
    const [a, b] = await Promise.all([startParleyProcess(env), startParleyProcess(env)]);
    running.push(a!, b!);
    await Promise.all([a!.line(/live: connected to Redis/), b!.line(/live: connected to Redis/)]);

    const id = helper.id('two');
    const READ = 'query($id: ID!) { article(id: $id) { id title } }';
    const changed = await subscribe(
      fetch,
      `${b!.url}/graphql`,
      'subscription { graphChanged { kind articleId } }',
    );
    const added = await subscribe(
      fetch,
      `${b!.url}/graphql`,
      'subscription($a: ID!) { eventsAdded(filter: { actorId: $a }) { articleId events { id } } }',
      { a: `${id}-gamma` },
    );
    await gql(b!.url, READ, { id: `${id}-article` });
    const cached = await gql(b!.url, READ, { id: `${id}-article` });
    expect(cached.extensions?.responseCache?.hit).toBe(true);
    expect(cached.data.article).toBeNull();

    const written = await gql(
      a!.url,
      'mutation($b: JSON!) { ingestArticle(bundle: $b) { outcome } }',
      { b: makeBundle(id) },
      EDITOR,
    );
    expect(written.errors).toBeUndefined();
    expect((await changed.message(0)).data?.graphChanged).toEqual({
      kind: 'ARTICLE_INGESTED',
      articleId: `${id}-article`,
    });
    // Only the meeting has gamma as a participant.
    expect((await added.message(0)).data?.eventsAdded).toEqual({
      articleId: `${id}-article`,
      events: [{ id: `${id}-meeting` }],
    });
    // B heard the write, so its cached "null" is gone.
    const fresh = await gql(b!.url, READ, { id: `${id}-article` });
    expect(fresh.extensions?.responseCache?.hit).toBe(false);
    expect(fresh.data.article?.id).toBe(`${id}-article`);

    // SIGTERM with subscriptions open: they end with SERVER_SHUTTING_DOWN and the process exits cleanly.
    expect(await b!.stop('SIGTERM')).toBe(0);
    await changed.completed;
    expect(changed.messages.at(-1)?.errors?.[0]?.extensions?.code).toBe('SERVER_SHUTTING_DOWN');
    expect(await a!.stop('SIGTERM')).toBe(0);
  });
});
