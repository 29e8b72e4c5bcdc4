import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { hashKey, parseApiKeys } from '../../src/auth.ts';
import { loadConfig } from '../../src/config.ts';
import type { BundleInput } from '../../src/modules/ingest/bundle.ts';
import { loadCodebook } from '../../src/modules/ingest/codebook.ts';
import { createLiveHub, DEFAULT_LIVE, type LiveHub } from '../../src/modules/live/hub.ts';
import { makeBundle } from '../support/bundles.ts';
import { execute, logger, TestHelper } from '../support/harness.ts';
import { subscribe } from '../support/sse.ts';

const helper = new TestHelper('live');
const db = helper.database;
const keys = { reader: 'live-reader-key-0123', editor: 'live-editor-key-0123' };
const security = {
  ...loadConfig({}).security,
  apiKeys: parseApiKeys(`reader:${hashKey(keys.reader)},editor:${hashKey(keys.editor)}`),
};
const editor = { authorization: `Bearer ${keys.editor}` };
const hubs: LiveHub[] = [];
function liveApp(options: { queue?: number; publicReads?: boolean; maxSubscriptions?: number } = {}) {
  const live = createLiveHub({ ...DEFAULT_LIVE, ...options }, logger);
  hubs.push(live);
  const app = createApp({
    config: {
      env: 'test',
      graphiql: false,
      queryStats: true,
      security: { ...security, publicReads: options.publicReads ?? true },
    },
    database: db,
    logger,
    live,
  });
  return { app, live };
}
const URL_ = 'http://parley.test/graphql';
const INGEST = 'mutation($b: JSON!) { ingestArticle(bundle: $b) { articleId outcome } }';
const ALIAS = 'mutation($id: ID!, $a: String!) { addAlias(actorId: $id, alias: $a) { id } }';

/** A bundle with `n` events (the first two of makeBundle, then copies of the meeting). */
function bundleWithEvents(prefix: string, n: number): BundleInput {
  const b = makeBundle(prefix);
  const events = b.events ?? [];
  const meeting = events[0]!;
  const extra = Array.from({ length: n - events.length }, (_, i) => ({
    ...meeting,
    id: `${prefix}-meeting-${i}`,
    cameoCode: '043',
  }));
  return { ...b, events: [...events, ...extra] };
}

beforeAll(async () => {
  await loadCodebook(db);
});
afterAll(async () => {
  for (const h of hubs) await h.close();
  await helper.cleanup();
  await helper.close();
});

describe('subscriptions over SSE', () => {
  it('sends graphChanged, articleIngested and the filtered eventsAdded when an article is ingested', async () => {
    const { app } = liveApp();
    const id = helper.id('ingest');
    const fetcher = app.fetch as never;
    const changed = await subscribe(
      fetcher,
      URL_,
      'subscription { graphChanged { kind articleId actorIds eventIds eventCount version truncated } }',
    );
    const ingested = await subscribe(
      fetcher,
      URL_,
      'subscription { articleIngested { articleId outcome eventCount article { id title } } }',
    );
    const mine = await subscribe(
      fetcher,
      URL_,
      'subscription($a: ID!) { eventsAdded(filter: { actorId: $a, role: SPEAKER }) { articleId events { id cameoCode participants { role actor { id } } } truncated } }',
      { a: `${id}-beta` },
    );
    const none = await subscribe(
      fetcher,
      URL_,
      'subscription { eventsAdded(filter: { typePrefix: "19" }) { articleId } }',
    );
    expect(changed.status).toBe(200);

    await execute(app, INGEST, { b: makeBundle(id) }, editor);
    const c = (await changed.message(0)).data?.graphChanged;
    expect(c).toMatchObject({
      kind: 'ARTICLE_INGESTED',
      articleId: `${id}-article`,
      eventCount: 2,
      truncated: false,
    });
    expect(c.eventIds.sort()).toEqual([`${id}-letter-sent`, `${id}-meeting`]);
    expect(c.actorIds).toContain(`${id}-alpha`);
    expect(c.version).toBeGreaterThan(0);
    const a = (await ingested.message(0)).data?.articleIngested;
    expect(a).toMatchObject({
      articleId: `${id}-article`,
      outcome: 'CREATED',
      eventCount: 2,
      article: { id: `${id}-article` },
    });
    const e = (await mine.message(0)).data?.eventsAdded;
    // Only the letter has beta as SPEAKER; its participants resolve like a query's.
    expect(e.events.map((x: { id: string }) => x.id)).toEqual([`${id}-letter-sent`]);
    expect(e.events[0].participants).toContainEqual({ role: 'SPEAKER', actor: { id: `${id}-beta` } });

    // An unchanged bundle writes nothing and sends nothing; the next write is message #1 everywhere.
    await execute(app, INGEST, { b: makeBundle(id) }, editor);
    await execute(app, ALIAS, { id: `${id}-alpha`, a: 'Alpha Prime' }, editor);
    expect((await changed.message(1)).data?.graphChanged).toMatchObject({
      kind: 'ALIAS_ADDED',
      actorIds: [`${id}-alpha`],
    });
    expect(ingested.messages).toHaveLength(1);
    expect(none.messages).toHaveLength(0);
    for (const s of [changed, ingested, mine, none]) await s.close();
  });

  it('bounds a filter that matches everything: one message of at most 100 events, marked truncated', async () => {
    const { app } = liveApp();
    const id = helper.id('big');
    const all = await subscribe(
      app.fetch as never,
      URL_,
      'subscription { eventsAdded { events { id } truncated } }',
    );
    await execute(app, INGEST, { b: bundleWithEvents(id, 150) }, editor);
    const m = (await all.message(0)).data?.eventsAdded;
    expect(m.events).toHaveLength(100);
    expect(m.truncated).toBe(true);
    await all.close();
  });

  it('applies the same keys, limits and error codes as queries', async () => {
    const closed = liveApp({ publicReads: false }).app;
    const anonymous = await subscribe(
      closed.fetch as never,
      URL_,
      'subscription { graphChanged { version } }',
    );
    expect((await anonymous.message(0)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await anonymous.completed;

    const { app } = liveApp();
    const deep = `subscription { articleIngested { article { mentions { event { participants { actor {
      events(first: 1) { nodes { participants { actor { events(first: 1) { nodes { participants { actor { id } } } } } } } } } } } } } } }`;
    const tooDeep = await subscribe(app.fetch as never, URL_, deep);
    expect((await tooDeep.message(0)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: version`).join(' ');
    const manyAliases = await subscribe(
      app.fetch as never,
      URL_,
      `subscription { graphChanged { ${aliases} } }`,
    );
    expect((await manyAliases.message(0)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const bad = await subscribe(
      app.fetch as never,
      URL_,
      'subscription { eventsAdded(filter: { type: "x" }) { articleId } }',
    );
    expect((await bad.message(0)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('ends a subscriber that never reads (SUBSCRIBER_TOO_SLOW) without holding up the others', async () => {
    const queue = 4;
    const { app, live } = liveApp({ queue });
    const id = helper.id('slow');
    await execute(app, INGEST, { b: makeBundle(id) }, editor);
    const stalled = await subscribe(
      app.fetch as never,
      URL_,
      'subscription { graphChanged { version } }',
      {},
      {},
      { read: false },
    );
    const reader = await subscribe(
      app.fetch as never,
      URL_,
      'subscription { graphChanged { version kind } }',
    );
    expect(live.subscriberCount).toBe(2);
    const writes = queue + 3;
    for (let i = 0; i < writes; i++) {
      await execute(app, ALIAS, { id: `${id}-alpha`, a: `Alpha ${i}` }, editor);
      // The reader keeps up with every write while the stalled one's queue fills.
      await reader.message(i);
    }
    expect(reader.messages).toHaveLength(writes);
    expect(live.slowEnded).toBe(1);
    expect(live.subscriberCount).toBe(1);
    // When the stalled client reads at last, it finds why it was ended, then the end.
    const late = await subscribe(async () => stalled.response, URL_, '');
    await late.completed;
    expect(late.messages.at(-1)?.errors?.[0]?.extensions?.code).toBe('SUBSCRIBER_TOO_SLOW');
    expect(late.messages.length).toBeLessThanOrEqual(queue + 1);
    await reader.close();
  });

  it('leaves no subscriber and no listener behind after a storm of 1 000 subscriptions opened and dropped', async () => {
    const { app, live } = liveApp();
    const id = helper.id('storm');
    await execute(app, INGEST, { b: makeBundle(id) }, editor);
    const baseline = { subscribers: live.subscriberCount, listeners: live.bus.listenerCount() };
    expect(baseline).toEqual({ subscribers: 0, listeners: 1 });
    const memory = () => process.memoryUsage();
    const before = memory();
    const N = 1_000;
    const open = [];
    for (let i = 0; i < N; i += 100) {
      open.push(
        ...(await Promise.all(
          Array.from({ length: 100 }, (_, j) =>
            subscribe(app.fetch as never, URL_, `subscription { graphChanged { version kind } }`, {
              n: i + j,
            }),
          ),
        )),
      );
    }
    expect(live.subscriberCount).toBe(N);
    expect(live.bus.listenerCount()).toBe(1);
    const during = memory();
    await Promise.all(open.map((s) => s.close()));
    await Promise.all(open.map((s) => s.completed));
    expect(live.subscriberCount).toBe(baseline.subscribers);
    expect(live.bus.listenerCount()).toBe(baseline.listeners);
    (globalThis as { gc?: () => void }).gc?.();
    const after = memory();
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    process.stdout.write(
      `[live storm] ${N} subscriptions: heap ${mb(before.heapUsed)} before, ${mb(during.heapUsed)} open, ${mb(after.heapUsed)} after; rss ${mb(before.rss)} → ${mb(after.rss)}${(globalThis as { gc?: unknown }).gc ? '' : ' (no --expose-gc: heap after includes garbage)'}\n`,
    );
    // And the hub still works for the next one.
    const next = await subscribe(app.fetch as never, URL_, 'subscription { graphChanged { kind } }');
    await execute(app, ALIAS, { id: `${id}-alpha`, a: 'Alpha Storm' }, editor);
    expect((await next.message(0)).data?.graphChanged.kind).toBe('ALIAS_ADDED');
    await next.close();
  });
});
