import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { hashKey, parseApiKeys } from '../../src/auth.ts';
import { loadConfig } from '../../src/config.ts';
import { VersionedCache } from '../../src/http/cache.ts';
import { loadCodebook } from '../../src/modules/ingest/codebook.ts';
import { createLiveHub, DEFAULT_LIVE } from '../../src/modules/live/hub.ts';
import { makeBundle } from '../support/bundles.ts';
import { execute, logger, request, TestHelper, testApp } from '../support/harness.ts';

const helper = new TestHelper('cache');
const db = helper.database;
const keys = { reader: 'cache-reader-key-0123', editor: 'cache-editor-key-0123' };
const security = {
  ...loadConfig({}).security,
  apiKeys: parseApiKeys(`reader:${hashKey(keys.reader)},editor:${hashKey(keys.editor)}`),
};
const cache = { ttlMs: 60_000, maxEntries: 100 };
const app = testApp(db, { security, cache });
const privateApp = testApp(db, { security: { ...security, publicReads: false }, cache });
const as = (role: keyof typeof keys) => ({ authorization: `Bearer ${keys[role]}` });

/** The explorer's home page, and the counts a dashboard shows beside it. */
const DASHBOARD = `query Dashboard {
  topActors(by: EVENTS, first: 10) { rank events actor { id name } }
  eventHistogram(interval: MONTH) { start count }
  eventCountsByType(level: 1) { type { code } count }
}`;
const INGEST = 'mutation($b: JSON!) { ingestArticle(bundle: $b) { articleId outcome } }';
const ARTICLE = 'query($id: ID!) { article(id: $id) { id title } }';

type CacheExt = { hit?: boolean; didCache?: boolean };
const cacheOf = (r: { extensions?: Record<string, unknown> }) =>
  r.extensions?.responseCache as CacheExt | undefined;

beforeAll(async () => {
  await loadCodebook(db);
});
afterAll(async () => {
  await helper.cleanup();
  await helper.close();
});

describe('response cache', () => {
  it('answers a repeated dashboard query from memory: a hit, and no Cypher round trip', async () => {
    const first = await execute(app, DASHBOARD);
    expect(cacheOf(first)).toMatchObject({ hit: false, didCache: true });
    expect(first.extensions?.parley?.cypherQueries).toBeGreaterThan(0);
    const second = await execute(app, DASHBOARD);
    expect(cacheOf(second)?.hit).toBe(true);
    expect(second.extensions?.parley).toEqual({ cypherQueries: 0, cypherMs: 0, serverMs: 0, statements: [] });
    expect(second.data).toEqual(first.data);
    // Variables are part of the key: another window is another answer.
    const other = await execute(app, 'query($id: ID!) { actor(id: $id) { id } }', { id: 'belarus' });
    expect(cacheOf(other)?.hit).toBe(false);
  });

  it('never serves an answer older than the last acknowledged write', async () => {
    const id = helper.id('fresh');
    const before = await execute<{ article: null }>(app, ARTICLE, { id: `${id}-article` });
    expect(before.data.article).toBeNull();
    expect(cacheOf(await execute(app, ARTICLE, { id: `${id}-article` }))?.hit).toBe(true);
    await execute(app, INGEST, { b: makeBundle(id) }, as('editor'));
    const after = await execute<{ article: { id: string } | null }>(app, ARTICLE, { id: `${id}-article` });
    expect(cacheOf(after)?.hit).toBe(false);
    expect(after.data.article?.id).toBe(`${id}-article`);
  });

  it('keys answers on the role: a reader key does not open the cache to an anonymous caller', async () => {
    const q = '{ nodeCounts { label count } }';
    const reader = await execute(privateApp, q, {}, as('reader'));
    expect(cacheOf(reader)?.didCache).toBe(true);
    expect(cacheOf(await execute(privateApp, q, {}, as('reader')))?.hit).toBe(true);
    const anonymous = await request(privateApp, q);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrongKey = await request(privateApp, q, {}, { authorization: 'Bearer not-a-key-at-all' });
    expect(wrongKey.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // An editor is another class: its own miss first.
    expect(cacheOf(await execute(privateApp, q, {}, as('editor')))?.hit).toBe(false);
  });

  it('caches no errors, no mutations and no extraction', async () => {
    const bad = '{ actor(id: "not an id!") { id } }';
    for (let i = 0; i < 2; i++) {
      const r = await request(app, bad);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(cacheOf(r)?.hit ?? false).toBe(false);
    }
    const id = helper.id('mut');
    await execute(app, INGEST, { b: makeBundle(id) }, as('editor'));
    const ADD = 'mutation($id: ID!) { addAlias(actorId: $id, alias: "Alpha Major") { id aliases } }';
    for (let i = 0; i < 2; i++) {
      const r = await execute(app, ADD, { id: `${id}-alpha` }, as('editor'));
      expect(cacheOf(r)?.hit ?? false).toBe(false);
      expect(r.extensions?.parley?.cypherQueries).toBeGreaterThan(0);
    }
    const EXTRACT = `query($t: String!) { extractArticle(input: { text: $t, publishedAt: "2022-02-09", language: EN }) { language } }`;
    const text = 'Belarus said on Monday that it is ready to discuss the proposals of Russia.';
    for (let i = 0; i < 2; i++) {
      const r = await execute(app, EXTRACT, { t: text }, as('editor'));
      expect(cacheOf(r)?.hit ?? false).toBe(false);
    }
  });

  it('drops the cached answers of another app on the same hub when it writes', async () => {
    // Two apps on one hub, as two processes on one bus.
    const shared = createLiveHub(DEFAULT_LIVE, logger);
    try {
      const config = { env: 'test' as const, graphiql: false, queryStats: true, security, cache };
      const one = createApp({ config, database: db, logger, live: shared });
      const two = createApp({ config, database: db, logger, live: shared });
      const id = helper.id('shared');
      await execute(two, ARTICLE, { id: `${id}-article` });
      expect(cacheOf(await execute(two, ARTICLE, { id: `${id}-article` }))?.hit).toBe(true);
      await execute(one, INGEST, { b: makeBundle(id) }, as('editor'));
      const after = await execute<{ article: { id: string } | null }>(two, ARTICLE, { id: `${id}-article` });
      expect(cacheOf(after)?.hit).toBe(false);
      expect(after.data.article?.id).toBe(`${id}-article`);
    } finally {
      await shared.close();
    }
  });
});

describe('VersionedCache', () => {
  it('never returns an answer stored under an older version (a read that began before a write)', () => {
    let version = 1;
    const store = new VersionedCache(() => version, 10);
    store.set('1:a', { data: { n: 1 } }, [], 60_000);
    expect(store.get('1:a')).toEqual({ data: { n: 1 } });
    version = 2;
    // The slow read of version 1 finishes after the write: it is not stored, and not found.
    store.set('1:b', { data: { n: 1 } }, [], 60_000);
    expect(store.get('1:b')).toBeUndefined();
    expect(store.get('1:a')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const store = new VersionedCache(() => 0, 2);
    store.set('0:a', { data: {} }, [], 60_000);
    store.set('0:b', { data: {} }, [], 60_000);
    store.get('0:a');
    store.set('0:c', { data: {} }, [], 60_000);
    expect(store.get('0:b')).toBeUndefined();
    expect(store.get('0:a')).toBeDefined();
    expect(store.get('0:c')).toBeDefined();
  });
});
