import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { databaseUnavailable } from '../../src/errors.ts';
import { type HttpServer, listen } from '../../src/http/server.ts';
import { readSeedBundles, seed } from '../../src/modules/ingest/seed.ts';
import { Database } from '../../src/neo4j/database.ts';
import { ensureWebBuilt } from '../../src/web/build.ts';
import {
  launchChromium,
  nothingSeen,
  problems,
  type Seen,
  SHOTS,
  watchedContext,
} from '../support/browser.ts';
import { logger, testApp, testDatabase } from '../support/harness.ts';

// The explorer in a real browser (Debian's Chromium), against a real server on loopback with
// the real Neo4j and the seed article. Nothing is mocked: the outage is a second server whose
// database drops every connection. Each test opens its own browser context, so it passes alone
// and in any order, and each is checked for requests to other origins, policy breaches and
// script errors.

/** Pages load slowly on a busy two-core machine: poll for a while, never sleep. */
const POLL = { timeout: 20_000, interval: 100 };

interface SeedBundle {
  article: { text: string };
  events: { id: string; mentions: { quote: string; start: number; end: number }[] }[];
}
const bundle = readSeedBundles()[0] as SeedBundle;

const db = testDatabase();
let server: HttpServer;
let origin: string;
let browser: Browser;
/** A "Neo4j" that accepts connections and drops them: the database is down. */
let deadNeo4j: Server;
const deadSockets = new Set<Socket>();
let deadDb: Database;
let downServer: HttpServer;
let downOrigin: string;

let seen: Seen;
/** The current test's browser context: a fresh one for every test. */
let context: BrowserContext;

beforeAll(async () => {
  // The same build `npm start` runs: a no-op when web/dist is up to date.
  await ensureWebBuilt();
  await seed(db);
  server = await listen(testApp(db, { explorer: true }), '127.0.0.1', 0, logger);
  origin = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

  deadNeo4j = createServer((socket) => {
    deadSockets.add(socket);
    socket.on('close', () => deadSockets.delete(socket));
    socket.destroy();
  });
  await new Promise<void>((resolve) => deadNeo4j.listen(0, '127.0.0.1', resolve));
  deadDb = new Database({
    uri: `bolt://127.0.0.1:${(deadNeo4j.address() as AddressInfo).port}`,
    user: inject('neo4jUser'),
    password: inject('neo4jPassword'),
    database: inject('neo4jDatabase'),
    logger,
  });
  downServer = await listen(testApp(deadDb), '127.0.0.1', 0, logger);
  downOrigin = `http://127.0.0.1:${(downServer.server.address() as AddressInfo).port}`;

  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close(1_000);
  await downServer?.close(1_000);
  await deadDb?.close();
  for (const socket of deadSockets) socket.destroy();
  await new Promise((resolve) => deadNeo4j?.close(resolve));
  await db.close();
});

beforeEach(async () => {
  seen = nothingSeen();
  context = await newContext({ width: 1280, height: 800 });
});

afterEach(async () => {
  await context.close();
  // Every test's pages: their own origin only, within the content policy, without a script error.
  expect(problems(seen, origin)).toEqual({ foreignRequests: [], cspViolations: [], pageErrors: [] });
});

/** A browser context whose pages report to the current test's `seen`. */
async function newContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const ctx = await watchedContext(browser, viewport, seen);
  return ctx;
}

async function open(route: string, ctx = context): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${origin}/#${route}`);
  return page;
}

function shot(page: Page, name: string, fullPage = true) {
  return page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage });
}

/** Types into a search combobox key by key, waits for the suggestions of the whole text. */
async function typeSearch(page: Page, combo: Locator, text: string): Promise<void> {
  await combo.click();
  await combo.fill('');
  await combo.pressSequentially(text, { delay: 30 });
  await page.locator(`.combo[data-query="${text}"]:has(#${await combo.getAttribute('id')})`).waitFor();
  await expect.poll(() => combo.getAttribute('aria-expanded'), POLL).toBe('true');
}

/** The graph library's own node count, read from the cytoscape instance. */
function graphNodeCount(page: Page, scope = ''): Promise<number> {
  return page.evaluate(
    `document.querySelector(${JSON.stringify(`${scope} .graph-canvas`)}).cy.nodes().length`,
  );
}

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const [scroll, client] = await page.evaluate<[number, number]>(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  );
  expect(scroll, `page is ${scroll}px wide in a ${client}px viewport`).toBeLessThanOrEqual(client);
}

describe('the explorer in Chromium', () => {
  it('serves the page with a policy that allows its own origin only', async () => {
    const res = await fetch(`${origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(`${origin}${asset}`);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('finds Belarus as you type “Biélorussie”, picks it with the arrow keys and Enter, and Back works', async () => {
    const page = await open('/');
    const combo = page.getByRole('combobox', { name: 'Find an actor' });
    await expect
      .poll(() => page.evaluate('document.activeElement?.getAttribute("role")'), POLL)
      .toBe('combobox');
    await typeSearch(page, combo, 'Biélorussie');
    const options = page.getByRole('option');
    expect(await options.count()).toBeGreaterThan(0);
    await expect
      .poll(() =>
        page
          .getByRole('option', { name: /Belarus/ })
          .first()
          .isVisible(),
      )
      .toBe(true);
    await shot(page, 'search', false);

    // Arrow down until the active option is Belarus; the input keeps focus throughout.
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('ArrowDown');
      const active = await combo.getAttribute('aria-activedescendant');
      expect(active).toBeTruthy();
      if ((await page.locator(`#${active}`).getAttribute('data-actor-id')) === 'belarus') break;
    }
    expect(await page.locator('[role="option"][aria-selected="true"]').getAttribute('data-actor-id')).toBe(
      'belarus',
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/actor\/belarus$/);
    await page.getByRole('heading', { level: 1, name: 'Belarus' }).waitFor();

    await page.goBack();
    await page.waitForURL(/#\/$/);
    await page.getByRole('combobox', { name: 'Find an actor' }).waitFor();
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: 'Belarus' }).waitFor();

    // Keyboard focus is visible.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).not.toBe('none');
    await page.close();
  });

  it('shows an actor: names, memberships and positions with sources, and a timeline coloured by cooperation', async () => {
    const page = await open('/actor/belarus');
    await page.getByRole('heading', { level: 1, name: 'Belarus' }).waitFor();
    const aliases = await page.locator('.aliases li').allTextContents();
    expect(aliases).toEqual(expect.arrayContaining(['Biélorussie', 'Minsk', 'Беларусь']));
    const membership = page.locator('[data-fact-id="MEMBER_OF:belarus:csto"]');
    expect(await membership.textContent()).toMatch(
      /Collective Security Treaty Organization.*source: register: wikidata/,
    );
    // The ministry is part of Belarus on the article's word: its quote is shown.
    const part = page.locator('[data-fact-id="PART_OF:belarus-foreign-ministry:belarus"]');
    expect(await part.locator('blockquote').textContent()).toBe(
      'vice-ministre des Affaires étrangères de la République',
    );

    await page.locator('.timeline .bar').first().waitFor();
    const bars = page.locator('.timeline .bar');
    expect(await bars.count()).toBe(1); // February 2022
    expect(await bars.first().getAttribute('class')).toContain('coop');
    expect(await bars.first().getAttribute('data-count')).toBe('4');
    expect(await page.locator('[data-quad-class="1"] strong').textContent()).toBe('4');

    const events = page.locator('.events .event-row');
    await events.first().waitFor();
    expect(await events.count()).toBe(4);
    await page.locator('.graph[data-ready="true"]').waitFor();
    await shot(page, 'actor');
    await page.close();
  });

  it('draws the neighbourhood, lists the same nodes, and adds neighbourhoods by keyboard and by click', async () => {
    const page = await open('/actor/belarus');
    await page.locator('.graph[data-ready="true"]').waitFor();
    const first = await graphNodeCount(page);
    expect(first).toBeGreaterThanOrEqual(6); // Belarus, five actors around it, and their events
    expect(await page.locator('.graph-nodes li').count()).toBe(first);
    const labels = await page.locator('.graph-nodes li a').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['Belarus', 'Russia', 'NATO', 'Sergei Aleinik']));
    expect(Number(await page.locator('.graph').getAttribute('data-edge-count'))).toBeGreaterThan(0);

    // Keyboard: the list's Expand button for Sergei Aleinik brings in the Valdai conference.
    const expandAleinik = page.getByRole('button', { name: 'Expand Sergei Aleinik: add its neighbourhood' });
    await expandAleinik.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => graphNodeCount(page), POLL).toBeGreaterThan(first);
    const second = await graphNodeCount(page);
    expect(await page.locator('.graph-nodes li').count()).toBe(second);
    expect(await page.locator('.graph-nodes li a').allTextContents()).toContain('Valdai Discussion Club');
    expect(await page.locator('.graph').getAttribute('data-node-count')).toBe(String(second));

    // Pointer: a click on Russia in the drawing adds Russia's neighbourhood. The layout is
    // deterministic; still, click a point of Russia's disc that no other node covers.
    await page.locator('.graph-canvas').scrollIntoViewIfNeeded();
    const point = await page.evaluate<{ x: number; y: number } | null>(`(() => {
      const canvas = document.querySelector('.graph-canvas');
      const russia = canvas.cy.getElementById('russia');
      const c = russia.renderedPosition();
      const r = russia.renderedWidth() / 2;
      const others = canvas.cy.nodes().not(russia).map((n) => n.renderedBoundingBox({ includeLabels: false }));
      const free = [[0, 0], [0.5, 0], [-0.5, 0], [0, 0.5], [0, -0.5]]
        .map(([dx, dy]) => ({ x: c.x + dx * r, y: c.y + dy * r }))
        .find((p) => !others.some((b) => p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2));
      const box = canvas.getBoundingClientRect();
      return free ? { x: box.left + free.x, y: box.top + free.y } : null;
    })()`);
    expect(point, 'another node covers Russia in the drawing').not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    await expect.poll(() => graphNodeCount(page), POLL).toBeGreaterThan(second);
    expect(await page.locator('.graph-status').textContent()).toMatch(/around Russia/);
    expect(await page.locator('.graph-nodes li a').allTextContents()).toEqual(
      expect.arrayContaining(['Sergey Lavrov', 'Canada']),
    );
    expect(await page.locator('.graph-nodes li').count()).toBe(await graphNodeCount(page));
    await page.locator('.graph').scrollIntoViewIfNeeded();
    await page.locator('.graph').screenshot({ path: new URL('graph-expanded.png', SHOTS).pathname });
    await page.close();
  });

  it('finds the paths from Belarus to NATO, drawn and listed hop by hop with events and quotes', async () => {
    const page = await open('/path');
    await typeSearch(page, page.getByRole('combobox', { name: 'From', exact: true }), 'Biélorussie');
    await page.keyboard.press('Enter'); // the best match: Belarus
    const to = page.getByRole('combobox', { name: 'To', exact: true });
    await typeSearch(page, to, 'OTAN');
    await page.keyboard.press('Enter'); // NATO
    expect(await to.inputValue()).toBe('NATO');
    await page.keyboard.press('Enter'); // submits the form
    await page.waitForURL(/#\/path\/belarus\/nato\?k=3&hops=3$/);

    const paths = page.locator('.paths > .path');
    await paths.first().waitFor();
    expect(await paths.count()).toBe(3);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(
      '3 shortest connections from Belarus to NATO',
    );
    const firstHop = paths.first().locator('.hop').first();
    expect(await firstHop.locator('.hop-line').textContent()).toBe('Belarus (on behalf of) → NATO (subject)');
    expect(await firstHop.locator('.event-row a').count()).toBe(1);
    expect(await firstHop.locator('blockquote').count()).toBeGreaterThan(0);
    const quotes = await page.locator('.paths blockquote').allTextContents();
    expect(quotes.some((q) => q.includes('une proposition sérieuse de dialogue'))).toBe(true);
    for (const q of quotes) expect(bundle.article.text).toContain(q);
    // The third path crosses the United States' NATO membership, a register fact without a quote.
    expect(await paths.nth(2).locator('[data-hop-kind="MEMBER_OF"]').textContent()).toContain(
      'United States is a member of NATO · source: wikidata',
    );
    await page.locator('.results .graph[data-ready="true"]').waitFor();
    expect(await graphNodeCount(page, '.results')).toBe(3);
    await shot(page, 'path');
    await page.close();
  });

  it('opens an event: participants and roles, the date and its words, documents, and every quote, exact', async () => {
    const page = await open('/actor/belarus');
    await page.getByRole('link', { name: /looks forward to a substantive discussion/ }).click();
    await page.waitForURL(/#\/event\/evt-2022-02-09-aleinik-ready-to-discuss$/);
    await page.locator('.event-page').waitFor();

    expect(await page.locator('[data-actor-id="sergei-aleinik"]').getAttribute('data-role')).toBe('SPEAKER');
    expect(await page.locator('[data-actor-id="belarus"] .role').textContent()).toBe(' on behalf of');
    expect(await page.locator('.date-range').textContent()).toBe('2022-02-09');
    expect(await page.locator('.date-precision').textContent()).toBe('known to the day');
    expect(await page.locator('.date-text').textContent()).toBe("«aujourd'hui, 9 février»");
    expect(await page.locator('.documents li').count()).toBe(2);

    const expected = bundle.events.find((e) => e.id === 'evt-2022-02-09-aleinik-ready-to-discuss')!.mentions;
    const shown = await page.locator('.quotes blockquote').allTextContents();
    expect(shown.toSorted()).toEqual(expected.map((m) => m.quote).toSorted());
    expect(shown).toContain('Nous sommes prêts à prendre part à ce processus');
    for (const m of expected) expect(bundle.article.text.slice(m.start, m.end)).toBe(m.quote);
    await shot(page, 'event');

    // The quote's link opens the article with that very passage highlighted.
    const quote = page.locator('figure.quote', {
      hasText: 'Nous sommes prêts à prendre part à ce processus',
    });
    await quote.getByRole('link', { name: 'read it in the article' }).click();
    await page.waitForURL(/#\/article\/bbabo-2022-02-09-minsk-ready-security-guarantees\?at=\d+-\d+$/);
    expect(await page.locator('.article-text mark').textContent()).toBe(
      'Nous sommes prêts à prendre part à ce processus',
    );
    await shot(page, 'article', false);

    // A month-known date keeps its precision and the article's words.
    await page.goto(`${origin}/#/event/evt-2022-01-late-us-written-reply`);
    await page.locator('.event-page').waitFor();
    expect(await page.locator('.date-range').textContent()).toBe('2022-01-21 – 2022-01-31');
    expect(await page.locator('.date-precision').textContent()).toBe('known to the month, late');
    expect(await page.locator('.date-text').textContent()).toBe('«Fin janvier»');
    await page.close();
  });

  it('compares a pair: shared events, first and last, Goldstein average, types and a timeline', async () => {
    const page = await open('/pair');
    await typeSearch(page, page.getByRole('combobox', { name: 'First actor' }), 'Bélarus');
    await page.keyboard.press('Enter');
    await typeSearch(page, page.getByRole('combobox', { name: 'Second actor' }), 'Россия');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL(/#\/pair\/belarus\/russia\?interval=MONTH$/);

    await page.locator('.stats').waitFor();
    expect(await page.locator('[data-stat="shared-count"] dd').textContent()).toBe('3');
    expect(await page.locator('[data-stat="first"] dd').textContent()).toBe('2022-02-09');
    expect(await page.locator('[data-stat="goldstein"] dd').textContent()).toBe('+2.33 (cooperation)');
    expect(await page.locator('.counts-by-type tbody tr').count()).toBe(3);
    expect(await page.locator('.timeline .bar').count()).toBe(1);
    expect(await page.locator('.timeline .bar').first().getAttribute('data-count')).toBe('3');
    expect(await page.locator('.results .event-row').count()).toBe(3);
    await shot(page, 'pair');
    await page.close();
  });

  it('says “not found” for an unknown actor, and shows a failed request with its error code and a retry', async () => {
    const page = await open('/actor/no-such-actor');
    await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
    expect(await page.locator('.not-found').textContent()).toContain('No actor has the id “no-such-actor”.');

    // The API refuses a malformed id; the page says so with the API's code.
    await page.goto(`${origin}/#/actor/Not_An_Id`);
    await page.locator('[role="alert"][data-error-code]').waitFor();
    expect(await page.locator('[role="alert"]').getAttribute('data-error-code')).toBe('BAD_USER_INPUT');
    expect(await page.locator('[role="alert"]').textContent()).toContain('Error code: BAD_USER_INPUT');

    // A database outage: the page's GraphQL requests go to the server whose database is down,
    // and the page gets that server's own answer. Then the database is "back" (the requests go
    // to the healthy server again) and "Try again" recovers.
    const outage: { status: number; retryAfter: string | null; body: string }[] = [];
    await page.route('**/graphql', async (route) => {
      const response = await route.fetch({ url: `${downOrigin}/graphql` });
      const body = await response.text();
      outage.push({ status: response.status(), retryAfter: response.headers()['retry-after'] ?? null, body });
      await route.fulfill({ response, body });
    });
    await page.goto(`${origin}/#/event/evt-2022-01-late-us-written-reply`);
    const alert = page.locator('[role="alert"][data-error-code]');
    await alert.waitFor();
    // What the server sent: a 503 with Retry-After, and the code and message of databaseUnavailable().
    expect(outage.length).toBeGreaterThan(0);
    expect(outage[0]!.status).toBe(503);
    expect(Number(outage[0]!.retryAfter)).toBeGreaterThan(0);
    const sent = JSON.parse(outage[0]!.body) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    const expected = databaseUnavailable();
    expect(sent.errors[0]!.extensions.code).toBe(expected.extensions.code);
    expect(sent.errors[0]!.message).toBe(expected.message);
    // The page shows that code and that message.
    expect(await alert.getAttribute('data-error-code')).toBe('DATABASE_UNAVAILABLE');
    expect(await alert.textContent()).toContain('Error code: DATABASE_UNAVAILABLE');
    expect(await alert.textContent()).toContain(sent.errors[0]!.message);
    await shot(page, 'error', false);
    await page.unroute('**/graphql');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.locator('.event-page').waitFor();
    await page.close();
  });

  it('reads on a 390 px wide screen without horizontal scrolling', async () => {
    const narrow = await newContext({ width: 390, height: 844 });
    try {
      const page = await open('/actor/belarus', narrow);
      await page.locator('.graph[data-ready="true"]').waitFor();
      await page.locator('.events .event-row').first().waitFor();
      await page.locator('.timeline .bar').first().waitFor();
      expect(await graphNodeCount(page)).toBeGreaterThan(0);
      await expectNoHorizontalOverflow(page);
      await shot(page, 'narrow');

      for (const [route, name, content] of [
        ['/', 'home', '[role="combobox"]'],
        ['/path/belarus/nato', 'path', '.paths > .path'],
        ['/pair/belarus/russia', 'pair', '.stats'],
        ['/event/evt-2022-02-09-aleinik-ready-to-discuss', 'event', '.event-page'],
        [
          '/article/bbabo-2022-02-09-minsk-ready-security-guarantees?at=0-10',
          'article',
          '.article-text mark',
        ],
      ]) {
        await page.goto(`${origin}/#${route}`);
        // Only the hash changes: wait for this route's own name and content, not the last page's.
        await page.locator(`body[data-route="${name}"] main:not([aria-busy])`).waitFor();
        await page.locator(`main ${content}`).first().waitFor();
        await page.locator('main .loading').waitFor({ state: 'detached' });
        await expectNoHorizontalOverflow(page);
      }
      await shot(page, 'narrow-article', false);
      await page.close();
    } finally {
      await narrow.close();
    }
  });

  it("loads the page, its assets (the graph's chunk included) and its data from its own origin, within its policy", async () => {
    const page = await open('/actor/belarus');
    await page.locator('.graph[data-ready="true"]').waitFor();
    await page.locator('.events .event-row').first().waitFor();
    await page.goto(`${origin}/#/path/belarus/nato`);
    await page.locator('.results .graph[data-ready="true"]').waitFor();
    await page.close();
    expect(seen.requests).toContain(`${origin}/`);
    expect(seen.requests).toContain(`${origin}/graphql`);
    expect(seen.requests.filter((url) => url.startsWith(`${origin}/assets/`)).length).toBeGreaterThan(1);
    // The checks every test gets (afterEach), here on purpose.
    expect(seen.requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
  });
});
