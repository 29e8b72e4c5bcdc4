import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { hashKey, parseApiKeys } from '../../src/auth.ts';
import { loadConfig } from '../../src/config.ts';
import { loadCodebook } from '../../src/modules/ingest/codebook.ts';
import { createLiveHub, DEFAULT_LIVE, type LiveHub } from '../../src/modules/live/hub.ts';
import { makeBundle } from '../support/bundles.ts';
import { execute, TestHelper } from '../support/harness.ts';
import { type RedisProcess, startRedis } from '../support/redis.ts';
import { subscribe } from '../support/sse.ts';

const helper = new TestHelper('live-redis');
const db = helper.database;
const EDITOR = 'live-redis-editor-key-0123';
const security = { ...loadConfig({}).security, apiKeys: parseApiKeys(`editor:${hashKey(EDITOR)}`) };
const editor = { authorization: `Bearer ${EDITOR}` };
const URL_ = 'http://parley.test/graphql';
const ALIAS = 'mutation($id: ID!, $a: String!) { addAlias(actorId: $id, alias: $a) { id } }';
const INGEST = 'mutation($b: JSON!) { ingestArticle(bundle: $b) { articleId outcome } }';
const READ = 'query($id: ID!) { actor(id: $id) { id aliases } }';

/** The hub's log, as lines; a test waits for the n-th line that matches. */
const lines: string[] = [];
const waiters = new Set<() => void>();
const logger = pino(
  { level: 'info' },
  {
    write(line: string) {
      lines.push(line);
      for (const w of [...waiters]) w();
    },
  },
);
function logLine(pattern: RegExp, nth = 1, timeoutMs = 60_000): Promise<void> {
  const seen = () => lines.filter((l) => pattern.test(l)).length >= nth;
  if (seen()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiters.delete(w);
      reject(
        new Error(`no ${nth}th log line ${pattern} within ${timeoutMs} ms:\n${lines.slice(-20).join('')}`),
      );
    }, timeoutMs);
    const w = () => {
      if (!seen()) return;
      clearTimeout(timer);
      waiters.delete(w);
      resolve();
    };
    waiters.add(w);
  });
}

let redis: RedisProcess;
let live: LiveHub;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  await loadCodebook(db);
  redis = await startRedis();
  live = createLiveHub({ ...DEFAULT_LIVE, redisUrl: redis.url }, logger);
  app = createApp({
    config: {
      env: 'test',
      graphiql: false,
      queryStats: true,
      security,
      cache: { ttlMs: 60_000, maxEntries: 100 },
    },
    database: db,
    logger,
    live,
  });
  await logLine(/live: connected to Redis/);
});
afterAll(async () => {
  await live?.close();
  await redis?.close();
  await helper.cleanup();
  await helper.close();
});

const hitOf = (r: { extensions?: Record<string, unknown> }) =>
  (r.extensions?.responseCache as { hit?: boolean } | undefined)?.hit ?? false;

describe('live changes through Redis', () => {
  it('ends subscriptions with LIVE_UNAVAILABLE when Redis goes away, keeps reads and writes going, and recovers when it returns', async () => {
    const id = helper.id('outage');
    const actor = `${id}-alpha`;
    // Through Redis and back: this process hears its own writes from the channel, in order.
    const sub = await subscribe(app.fetch as never, URL_, 'subscription { graphChanged { kind actorIds } }');
    await execute(app, INGEST, { b: makeBundle(id) }, editor);
    expect((await sub.message(0)).data?.graphChanged.kind).toBe('ARTICLE_INGESTED');
    await execute(app, ALIAS, { id: actor, a: 'Alpha One' }, editor);
    expect((await sub.message(1)).data?.graphChanged).toEqual({ kind: 'ALIAS_ADDED', actorIds: [actor] });
    await execute(app, READ, { id: actor });
    expect(hitOf(await execute(app, READ, { id: actor }))).toBe(true);

    await redis.stop();
    await sub.completed;
    expect(sub.messages.at(-1)?.errors?.[0]?.extensions?.code).toBe('LIVE_UNAVAILABLE');
    await logLine(/live: lost Redis/);

    // Reads and writes go on; the cache is not trusted while other processes' writes may be missed.
    const during = await execute<{ actor: { aliases: string[] } }>(app, READ, { id: actor });
    expect(hitOf(during)).toBe(false);
    await execute(app, ALIAS, { id: actor, a: 'Alpha Two' }, editor);
    const written = await execute<{ actor: { aliases: string[] } }>(app, READ, { id: actor });
    expect(written.data.actor.aliases).toContain('Alpha Two');
    expect(hitOf(written)).toBe(false);
    const refused = await subscribe(app.fetch as never, URL_, 'subscription { graphChanged { kind } }');
    expect((await refused.message(0)).errors?.[0]?.extensions?.code).toBe('LIVE_UNAVAILABLE');

    await redis.restart();
    await logLine(/live: connected to Redis/, 2);
    const again = await subscribe(
      app.fetch as never,
      URL_,
      'subscription { graphChanged { kind actorIds } }',
    );
    expect(again.status).toBe(200);
    await execute(app, ALIAS, { id: actor, a: 'Alpha Three' }, editor);
    expect((await again.message(0)).data?.graphChanged).toEqual({ kind: 'ALIAS_ADDED', actorIds: [actor] });
    await execute(app, READ, { id: actor });
    expect(hitOf(await execute(app, READ, { id: actor }))).toBe(true);
    await again.close();
  });
});
