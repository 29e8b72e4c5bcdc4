import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { hashKey, parseApiKeys } from '../../src/auth.ts';
import { loadConfig } from '../../src/config.ts';
import { type HttpServer, listen } from '../../src/http/server.ts';
import { loadCodebook } from '../../src/modules/ingest/codebook.ts';
import { createLiveHub, DEFAULT_LIVE } from '../../src/modules/live/hub.ts';
import { ensureWebBuilt } from '../../src/web/build.ts';
import {
  launchChromium,
  nothingSeen,
  problems,
  type Seen,
  SHOTS,
  watchedContext,
} from '../support/browser.ts';
import { makeBundle } from '../support/bundles.ts';
import { execute, logger, TestHelper } from '../support/harness.ts';

// The explorer's home and actor pages refetch when an article is ingested elsewhere: the browser
// talks to one app; the write goes through a second app on the same live hub, as a second API
// process behind the load balancer would.

const POLL = { timeout: 20_000, interval: 100 };
const helper = new TestHelper('browser-live');
const db = helper.database;
const EDITOR = 'browser-live-editor-key-01';
const security = { ...loadConfig({}).security, apiKeys: parseApiKeys(`editor:${hashKey(EDITOR)}`) };
const live = createLiveHub(DEFAULT_LIVE, logger);
const config = {
  env: 'test' as const,
  graphiql: false,
  queryStats: true,
  security,
  cache: { ttlMs: 60_000, maxEntries: 100 },
};
const elsewhere = createApp({ config, database: db, logger, live });
const INGEST = 'mutation($b: JSON!) { ingestArticle(bundle: $b) { articleId } }';
const today = new Date().toISOString().slice(0, 10);

let server: HttpServer;
let origin: string;
let browser: Browser;
let seen: Seen;
let context: BrowserContext;

beforeAll(async () => {
  await ensureWebBuilt();
  await loadCodebook(db);
  server = await listen(
    createApp({ config: { ...config, explorer: true }, database: db, logger, live }),
    '127.0.0.1',
    0,
    logger,
  );
  origin = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  // The pages' subscriptions end first, so the server drains at once.
  await live.close();
  await server?.close(1_000);
  await helper.cleanup();
  await helper.close();
});
beforeEach(async () => {
  seen = nothingSeen();
  context = await watchedContext(browser, { width: 1280, height: 800 }, seen);
});
afterEach(async () => {
  await context.close();
  expect(problems(seen, origin)).toEqual({ foreignRequests: [], cspViolations: [], pageErrors: [] });
});

async function open(route: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/#${route}`);
  // Subscribed: the EventSource is open, so the server has registered it.
  await page.locator('body[data-live="on"]').waitFor(POLL);
  return page;
}

const ingestElsewhere = (b: ReturnType<typeof makeBundle>) =>
  execute(elsewhere, INGEST, { b }, { authorization: `Bearer ${EDITOR}` });

describe('live explorer in Chromium', () => {
  it('refetches the home page (articles and counts by type) when an article is ingested elsewhere', async () => {
    const page = await open('/');
    await page.locator('.overview .columns').waitFor(POLL);
    const id = helper.id('home');
    const bundle = makeBundle(id);
    bundle.article.publishedAt = today;
    bundle.article.title = `Live ${id}`;
    await expect.poll(() => page.locator('.articles').textContent(), POLL).not.toContain(`Live ${id}`);
    await ingestElsewhere(bundle);
    await expect.poll(() => page.locator('.articles').textContent(), POLL).toContain(`Live ${id}`);
    expect(Number(await page.locator('.overview').getAttribute('data-refreshed'))).toBeGreaterThanOrEqual(1);
    // The same request carries the counts by CAMEO root: the bundle's 040 and 010 events are there,
    // most frequent first (other tests may add to the counts meanwhile, never remove these).
    const rows = page.locator('.counts-by-type tbody tr');
    const codes = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
    expect(codes).toEqual(expect.arrayContaining(['04', '01']));
    const counts = (await rows.locator('td:last-child').allTextContents()).map(Number);
    expect(counts.every((n) => n >= 1)).toBe(true);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await page.screenshot({ path: new URL('live-home.png', SHOTS).pathname, fullPage: true });
  });

  it("refetches an actor's events when an article naming it is ingested elsewhere", async () => {
    const id = helper.id('actor');
    await ingestElsewhere(makeBundle(id));
    const alpha = `${id}-alpha`;
    const page = await open(`/actor/${alpha}`);
    const eventLink = (eventId: string) =>
      page.locator(`.events a[href="#/event/${encodeURIComponent(eventId)}"]`);
    await eventLink(`${id}-meeting`).waitFor(POLL);

    // A second article with the same actors adds its events to the page.
    const second = helper.id('actor2');
    await ingestElsewhere(makeBundle(second, { sharedActors: [alpha, `${id}-beta`] }));
    await eventLink(`${second}-meeting`).waitFor(POLL);
    expect(await page.locator('.events').getAttribute('data-refreshed')).toBe('1');
    await page.screenshot({ path: new URL('live-actor.png', SHOTS).pathname, fullPage: true });
  });
});
