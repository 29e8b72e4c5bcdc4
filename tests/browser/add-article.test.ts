import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashKey, parseApiKeys } from '../../src/auth.ts';
import { loadConfig } from '../../src/config.ts';
import { type HttpServer, listen } from '../../src/http/server.ts';
import { seed } from '../../src/modules/ingest/seed.ts';
import { ensureWebBuilt } from '../../src/web/build.ts';
import type { ExtractionDraft } from '../../web/src/queries.ts';
import { type Bundle, dateLabel } from '../../web/src/review.ts';
import {
  launchChromium,
  nothingSeen,
  problems,
  type Seen,
  SHOTS,
  watchedContext,
} from '../support/browser.ts';
import { leftovers, removeEvents, removeOwned } from '../support/cleanup.ts';
import { logger, TestHelper, testApp } from '../support/harness.ts';

// The editors' "Add an article" page in Chromium, against a real server (real Neo4j, the seed,
// the real extraction engine): paste the seed article under a title and publisher of this
// test's own, review the draft, ingest it, and find its events on an actor's page. What a test
// ingests it removes in afterEach; an ingest that would rewrite an event already in the graph
// (the seed's, say) is refused before it reaches the server, so the shared data stays as it was.

const POLL = { timeout: 20_000, interval: 100 };
const SEED_TEXT = readFileSync(new URL('../../data/seed/bbabo-2022-02-09.txt', import.meta.url), 'utf8');

const keys = { reader: 'reader-key-add-article-0123', editor: 'editor-key-add-article-0123' };
const security = {
  ...loadConfig({}).security,
  apiKeys: parseApiKeys(`reader:${hashKey(keys.reader)},editor:${hashKey(keys.editor)}`),
};

const helper = new TestHelper('add-article');
const db = helper.database;
let server: HttpServer;
let origin: string;
let browser: Browser;
let context: BrowserContext;

let seen: Seen;

/** What one ingest wrote that was not there before, and what it may have rewritten. */
interface Written {
  articleId: string;
  newIds: string[];
  actors: { id: string; labels: string[]; props: Record<string, unknown> }[];
  facts: { type: string; subjectId: string; objectId: string; title: unknown }[];
}
let written: Written[];
/** Ingests this test refused to let through, and why. */
let refused: string[];

beforeAll(async () => {
  await ensureWebBuilt();
  await seed(db);
  server = await listen(testApp(db, { explorer: true, security }), '127.0.0.1', 0, logger);
  origin = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close(1_000);
  await helper.close();
});

beforeEach(async () => {
  seen = nothingSeen();
  written = [];
  refused = [];
  context = await newContext({ width: 1280, height: 900 });
});

afterEach(async () => {
  await context.close();
  await undoIngests();
  expect(refused).toEqual([]);
  expect(problems(seen, origin)).toEqual({ foreignRequests: [], cspViolations: [], pageErrors: [] });
});

/** A browser context whose pages report to the current test's `seen`. */
async function newContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const ctx = await watchedContext(browser, viewport, seen);
  await ctx.route('**/graphql', guardIngest);
  return ctx;
}

/**
 * Lets an ingest through only when it creates its events and documents: it records what is
 * new (to delete it) and the state of the existing actors and facts it touches (to restore it).
 */
async function guardIngest(route: Route): Promise<void> {
  const body = route.request().postDataJSON() as { query?: string; variables?: { bundle?: Bundle } };
  const bundle = body?.query?.includes('mutation IngestArticle') ? body.variables?.bundle : undefined;
  if (!bundle) return route.continue();
  const eventIds = (bundle.events ?? []).map((e) => e.id);
  const documentIds = (bundle.documents ?? []).map((d) => d.id);
  const taken = await helper.run<{ id: string }>(
    'UNWIND $ids AS id MATCH (n:Event|Document {id: id}) RETURN n.id AS id',
    { ids: [...eventIds, ...documentIds] },
  );
  if (taken.length) {
    refused.push(`the bundle would rewrite ${taken.map((t) => t.id).join(', ')}, already in the graph`);
    return route.abort();
  }
  const actorIds = (bundle.actors ?? []).map((a) => a.id);
  const existing = await helper.run<{ id: string; labels: string[]; props: Record<string, unknown> }>(
    `UNWIND $ids AS id MATCH (a:Actor {id: id})
     RETURN a.id AS id, labels(a) AS labels,
            a {.name, .kind, .aliases, .wikidataId, .countryCode} AS props`,
    { ids: actorIds },
  );
  const facts: Written['facts'] = [];
  for (const f of bundle.facts ?? []) {
    const [r] = await helper.run<{ title: unknown }>(
      `MATCH (:Actor {id: $s})-[r]->(:Actor {id: $o}) WHERE type(r) = $t RETURN r.title AS title LIMIT 1`,
      { s: f.subjectId, o: f.objectId, t: f.type },
    );
    if (r) facts.push({ type: f.type, subjectId: f.subjectId, objectId: f.objectId, title: r.title });
  }
  const known = new Set(existing.map((a) => a.id));
  written.push({
    articleId: bundle.article.id,
    newIds: [...eventIds, ...documentIds, ...actorIds.filter((id) => !known.has(id))],
    actors: existing,
    facts,
  });
  return route.continue();
}

/** Removes what the test's ingests wrote and puts back what they changed. */
async function undoIngests(): Promise<void> {
  for (const w of written.reverse()) {
    // The article, its mentions and its share of structural facts (a fact only it stated goes).
    await removeOwned(db, w.articleId);
    // Events leave with their share of the rollups; then documents and new actors.
    await removeEvents(db, w.newIds);
    await helper.run(
      'UNWIND $ids AS id MATCH (n {id: id}) WHERE n:Event OR n:Document OR n:Actor DETACH DELETE n',
      {
        ids: w.newIds,
      },
    );
    for (const a of w.actors) {
      await helper.run(
        `MATCH (a:Actor {id: $id})
         SET a.name = $p.name, a.kind = $p.kind, a.aliases = $p.aliases,
             a.wikidataId = $p.wikidataId, a.countryCode = $p.countryCode
         WITH a UNWIND [l IN labels(a) WHERE NOT l IN $labels] AS extra
         REMOVE a:$(extra)`,
        { id: a.id, p: a.props, labels: a.labels },
      );
    }
    for (const f of w.facts) {
      await helper.run(
        'MATCH (:Actor {id: $s})-[r]->(:Actor {id: $o}) WHERE type(r) = $t SET r.title = $title',
        { s: f.subjectId, o: f.objectId, t: f.type, title: f.title },
      );
    }
    expect(await leftovers(db, w.articleId)).toEqual([]);
    const left = await helper.run<{ id: string }>(
      'UNWIND $ids AS id MATCH (n {id: id}) WHERE n:Event OR n:Document OR n:Actor RETURN n.id AS id',
      { ids: w.newIds },
    );
    expect(left).toEqual([]);
  }
}

function shot(page: Page, name: string, fullPage = true) {
  return page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage });
}

async function expectNoHorizontalOverflow(page: Page, width: number): Promise<void> {
  const scroll = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(scroll, `page is ${scroll}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width);
}

/** A title and publisher no other test uses, so the article (and its id) is this test's own. */
function unique(label: string): { title: string; publisher: string } {
  const token = helper.id(label);
  return { title: `Minsk ready ${token}`, publisher: `Press ${token}` };
}

async function fillForm(
  page: Page,
  values: { text: string; date: string; title?: string; publisher?: string; key: string },
): Promise<void> {
  await page.locator('#add-text').fill(values.text);
  await page.locator('#add-date').fill(values.date);
  await page.locator('#add-title').fill(values.title ?? '');
  await page.locator('#add-publisher').fill(values.publisher ?? '');
  await page.getByLabel('Editor key').fill(values.key);
}

/** Clicks Extract and returns the draft the API answered. */
async function extract(page: Page): Promise<ExtractionDraft> {
  const response = page.waitForResponse(
    (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('query ExtractArticle'),
  );
  await page.getByRole('button', { name: 'Extract' }).click();
  const body = (await (await response).json()) as {
    data?: { extractArticle: ExtractionDraft };
    errors?: unknown[];
  };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  await page.locator('.draft').waitFor();
  return body.data!.extractArticle;
}

/** Presses Tab until `selector` has focus; fails if it is not reached: it is not keyboard-reachable. */
async function tabTo(page: Page, selector: string, max = 500): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`))
      return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} was not reached with ${max} presses of Tab`);
}

/** The events listed on an actor's page, once its list has loaded. */
async function actorPageEventIds(page: Page, actorId: string): Promise<string[]> {
  await page.locator(`.actor-page[data-actor-id="${actorId}"]`).waitFor();
  await page.locator('.events .event-row, .events .empty').first().waitFor();
  return page
    .locator('.events .event-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-id') ?? ''));
}

describe('adding an article in Chromium', () => {
  it('extracts the seed article: its actors highlighted in the text, one card per event', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/#/`);
    await page.getByRole('link', { name: 'Add an article' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add an article' }).waitFor();
    await fillForm(page, { text: SEED_TEXT, date: '2022-02-09', ...unique('a'), key: keys.editor });
    const draft = await extract(page);
    expect(draft.events.length).toBeGreaterThan(0);

    // Actor mentions: marked, linked or new, each naming its actor; the linked ones are links.
    const marks = page.locator('.draft-text mark.actor-mention');
    expect(await marks.count()).toBeGreaterThan(0);
    const belarus = page.locator('.draft-text a[href="#/actor/belarus"] mark.actor-mention.linked').first();
    expect(await belarus.getAttribute('title')).toMatch(/: Belarus, linked to the graph$/);
    const shown = await marks.evaluateAll((ms) =>
      ms.map((m) => ({
        quote: m.textContent ?? '',
        actorId: m.getAttribute('data-actor-id') ?? '',
        state: m.getAttribute('data-state'),
        link: m.closest('a')?.getAttribute('href') ?? null,
        title: m.getAttribute('title') ?? '',
      })),
    );
    for (const m of shown) {
      const actor = draft.actors.find((a) => a.id === m.actorId);
      expect(actor, m.actorId).toBeDefined();
      expect(actor!.mentions.map((x) => x.quote)).toContain(m.quote);
      // An actor the engine is unsure of starts rejected, as every unsure item does.
      const state = actor!.confidence <= 0.5 ? 'rejected' : actor!.status === 'LINKED' ? 'linked' : 'new';
      expect(m.state).toBe(state);
      expect(m.link).toBe(state === 'linked' ? `#/actor/${m.actorId}` : null);
      expect(m.title).toContain(actor!.name);
    }

    // One card per event: sentence with its trigger, date in words and interval, code, roles, evidence.
    const cards = page.locator('.event-card');
    expect(await cards.count()).toBe(draft.events.length);
    for (const e of draft.events) {
      const card = page.locator(`.event-card[data-event-id="${e.id}"]`);
      expect(await card.locator('h4').textContent()).toBe(e.summary);
      expect(await card.locator('.sentence mark.trigger').textContent()).toBe(e.trigger.quote);
      expect(await card.locator('.event-date').textContent()).toBe(dateLabel(e.date));
      expect(await card.locator('.event-cameo code').textContent()).toBe(e.cameoCode);
      expect(await card.locator('.role-item').count()).toBe(e.roles.length);
      expect(await card.locator('.confidence').first().textContent()).toBe(
        `confidence ${e.confidence.toFixed(2)}`,
      );
      expect(await card.locator('input[type="checkbox"]').first().isChecked()).toBe(e.confidence > 0.5);
      if (e.evidence.length)
        expect(await card.locator('details.evidence summary').textContent()).toMatch(/^Evidence/);
    }
    // The seed's «Fin janvier», when found, reads as the end of January 2022.
    const late = draft.events.find((e) => e.date.text?.toLowerCase() === 'fin janvier');
    if (late) {
      expect(await page.locator(`.event-card[data-event-id="${late.id}"] .event-date`).textContent()).toBe(
        '«Fin janvier» → 21–31 Jan 2022, MONTH, LATE',
      );
    }
    await shot(page, 'add-article');
    await page.close();
  });

  it('rejects an event, edits a role, ingests, and the actor page shows the new article’s event', async () => {
    const page = await context.newPage();
    // The actor page before: what it lists now, so that after ingest a stale answer would show.
    await page.goto(`${origin}/#/actor/belarus`);
    const before = await actorPageEventIds(page, 'belarus');

    await page.goto(`${origin}/#/add`);
    await fillForm(page, { text: SEED_TEXT, date: '2022-02-09', ...unique('b'), key: keys.editor });
    const draft = await extract(page);
    const withBelarus = draft.events.filter((e) => e.roles.some((r) => r.actorId === 'belarus'));
    expect(withBelarus.length, 'no event of the seed article has Belarus in it').toBeGreaterThan(0);
    const keep = withBelarus[0]!;
    const reject = draft.events.find((e) => e.id !== keep.id);
    expect(reject, 'the seed article gives one event only').toBeDefined();

    // Keep Belarus and the event; edit Belarus's role in it to one it does not hold there.
    const keepCard = page.locator(`.event-card[data-event-id="${keep.id}"]`);
    await keepCard.getByRole('checkbox', { name: 'Accept this event' }).check();
    await page.locator('.actor-item[data-actor-id="belarus"]').getByRole('checkbox').check();
    const roleIndex = keep.roles.findIndex((r) => r.actorId === 'belarus');
    const roleItem = keepCard.locator('.role-item').nth(roleIndex);
    await roleItem.getByRole('checkbox').check();
    const held = new Set(keep.roles.filter((r) => r.actorId === 'belarus').map((r) => r.role));
    const newRole = (['SUBJECT', 'ACTOR', 'RECIPIENT', 'PARTICIPANT'] as const).find((r) => !held.has(r))!;
    await roleItem.getByRole('combobox', { name: 'Role of Belarus' }).selectOption(newRole);
    expect(await roleItem.getAttribute('data-role')).toBe(newRole);

    const rejectCard = page.locator(`.event-card[data-event-id="${reject!.id}"]`);
    await rejectCard.getByRole('checkbox', { name: 'Accept this event' }).uncheck();
    expect(await rejectCard.getAttribute('data-accepted')).toBe('false');

    await page.getByRole('button', { name: 'Ingest' }).click();
    const outcome = page.locator('.ingest-outcome[data-outcome]');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-outcome')).toBe('CREATED');
    expect(written).toHaveLength(1);
    const articleId = written[0]!.articleId;
    expect(articleId).toContain(helper.id('b'));
    await shot(page, 'add-article-ingested', false);

    // In the graph: the kept event with the edited role, not the rejected one.
    const [role] = await helper.run<{ role: string }>(
      'MATCH (:Actor {id: "belarus"})-[p:PARTICIPATED_IN]->(:Event {id: $id}) RETURN collect(p.role) AS role',
      { id: keep.id },
    );
    expect(role?.role).toContain(newRole);
    const [gone] = await helper.run<{ n: number }>('MATCH (e:Event {id: $id}) RETURN count(e) AS n', {
      id: reject!.id,
    });
    expect(gone?.n).toBe(0);

    // "see Belarus" opens the actor page, which asks the API again and lists the new event.
    await outcome.getByRole('link', { name: 'see Belarus' }).click();
    await page.waitForURL(/#\/actor\/belarus$/);
    await expect.poll(() => actorPageEventIds(page, 'belarus'), POLL).toContain(keep.id);
    const after = await actorPageEventIds(page, 'belarus');
    expect(after).not.toContain(reject!.id);
    expect(before).not.toContain(keep.id);
    await page.close();
  });

  it('at 390 px: the whole flow by keyboard alone, with visible focus and no horizontal scrolling', async () => {
    const narrow = await newContext({ width: 390, height: 844 });
    try {
      const page = await narrow.newPage();
      await page.goto(`${origin}/#/add`);
      await page.getByRole('heading', { level: 1, name: 'Add an article' }).waitFor();
      // The page puts the caret in the text; pasting is typing, as far as keyboards go.
      await expect.poll(() => page.evaluate('document.activeElement?.id'), POLL).toBe('add-text');
      await page.keyboard.insertText(SEED_TEXT);
      await page.keyboard.press('Tab');
      await expect.poll(() => page.evaluate('document.activeElement?.id'), POLL).toBe('add-date');
      await page.keyboard.type('2022-02-09');
      expect(await page.locator('#add-date').inputValue()).toBe('2022-02-09');
      const { title, publisher } = unique('c');
      await tabTo(page, '#add-title');
      await page.keyboard.type(title);
      await tabTo(page, '#add-publisher');
      await page.keyboard.type(publisher);
      await tabTo(page, '#add-key');
      await page.keyboard.type(keys.editor);
      await expectNoHorizontalOverflow(page, 390);
      await tabTo(page, 'form.add-form button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.locator('.event-card').first().waitFor();
      await expect.poll(() => page.evaluate('document.activeElement?.id'), POLL).toBe('draft-h');
      await expectNoHorizontalOverflow(page, 390);

      // An actor's link editor opens with Enter and fits the screen (its select names long actors).
      await tabTo(page, '.actor-item details.edit > summary');
      await page.keyboard.press('Enter');
      expect(await page.locator('.actor-item details.edit[open]').count()).toBe(1);
      await expectNoHorizontalOverflow(page, 390);

      // Reject the first event with Space; its focus ring shows.
      const firstCard = page.locator('.event-card').first();
      const firstId = (await firstCard.getAttribute('data-event-id'))!;
      const toggleSelector = `.event-card[data-event-id="${firstId}"] .item-head input[type="checkbox"]`;
      await tabTo(page, toggleSelector);
      expect(await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle')).not.toBe(
        'none',
      );
      const wasChecked = await page.locator(toggleSelector).isChecked();
      await page.keyboard.press('Space');
      expect(await page.locator(toggleSelector).isChecked()).toBe(!wasChecked);
      if (wasChecked) expect(await firstCard.getAttribute('data-accepted')).toBe('false');
      // Open its editor with Enter: the code and date fields fit the screen too.
      await tabTo(page, `.event-card[data-event-id="${firstId}"] details.edit > summary`);
      await page.keyboard.press('Enter');
      expect(await firstCard.locator('details.edit').getAttribute('open')).not.toBeNull();
      await expectNoHorizontalOverflow(page, 390);
      await shot(page, 'add-article-narrow');

      await tabTo(page, 'section.ingest button.primary');
      await page.keyboard.press('Enter');
      const outcome = page.locator('.ingest-outcome[data-outcome]');
      await outcome.waitFor();
      expect(await outcome.getAttribute('data-outcome')).toBe('CREATED');
      await expectNoHorizontalOverflow(page, 390);

      await tabTo(page, '.see-actors a');
      const target = await page.evaluate<string>('document.activeElement.getAttribute("href")');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.hash === target);
      const actorId = decodeURIComponent(target.replace('#/actor/', ''));
      const ids = await actorPageEventIds(page, actorId);
      const sent = written[0]!;
      expect(ids.some((id) => sent.newIds.includes(id))).toBe(true);
      await expectNoHorizontalOverflow(page, 390);
      await page.close();
    } finally {
      await narrow.close();
    }
  });

  it('shows the API’s code for bad input and for a missing, wrong or reader’s key, and keeps the key out of storage and the address', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/#/add`);
    const alert = page.locator('#extract-alert');
    const expectCode = async (code: string) => {
      await page.getByRole('button', { name: 'Extract' }).click();
      await page.locator(`#extract-alert[data-error-code="${code}"]`).waitFor();
      expect(await alert.getAttribute('role')).toBe('alert');
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain(`Error code: ${code}`);
      expect(text).not.toMatch(/\bat \S+:\d+|Error: /); // a message, never a stack
    };

    await fillForm(page, { text: '', date: '2022-02-09', ...unique('d'), key: keys.editor });
    await expectCode('TEXT_EMPTY');
    await page.locator('#add-text').fill(SEED_TEXT);
    await page.locator('#add-date').fill('2099-01-01');
    await expectCode('PUBLISHED_AT_IN_FUTURE');
    await page.locator('#add-date').fill('2022-02-09');
    await page.getByLabel('Editor key').fill('not-a-key');
    await expectCode('UNAUTHENTICATED');
    await page.getByLabel('Editor key').fill('');
    await expectCode('UNAUTHENTICATED');
    await page.getByLabel('Editor key').fill(keys.reader);
    await expectCode('FORBIDDEN');
    await shot(page, 'add-article-error', false);

    // A draft, then Ingest with a wrong key: refused, shown where Ingest is; nothing written.
    await page.getByLabel('Editor key').fill(keys.editor);
    await extract(page);
    expect(await alert.textContent()).toBe('');
    await page.getByLabel('Editor key').fill('not-a-key');
    await page.getByRole('button', { name: 'Ingest' }).click();
    await page.locator('#ingest-alert[data-error-code="UNAUTHENTICATED"]').waitFor();
    expect(await page.locator('.ingest-outcome').textContent()).toBe('');

    await page.getByLabel('Editor key').fill(keys.editor);
    const stored = await page.evaluate<{ session: string; local: string; href: string }>(
      '({ session: JSON.stringify(sessionStorage), local: JSON.stringify(localStorage), href: location.href })',
    );
    expect(stored.session).toContain(keys.editor);
    expect(stored.local).not.toContain(keys.editor);
    expect(stored.href).not.toContain(keys.editor);
    expect(seen.requests.some((u) => u.includes(keys.editor))).toBe(false);
    await page.close();
  });
});
