import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServer, listen } from '../../src/http/server.ts';
import { seed } from '../../src/modules/ingest/seed.ts';
import { EXAMPLE_OPERATIONS } from '../../src/schema/examples.ts';
import { launchChromium, SHOTS } from '../support/browser.ts';
import { execute, logger, testApp, testDatabase } from '../support/harness.ts';

// GraphiQL in a real browser (Debian's Chromium) against a real server on loopback, as an
// analyst with no internet would open it: every request the page makes is recorded, and any
// that is not to 127.0.0.1 fails the test, whether it was answered, failed or was blocked.

/** The page is 9 MB of inlined script: on a busy two-core machine it takes a while. Poll, never sleep. */
const POLL = { timeout: 30_000, interval: 100 };

const db = testDatabase();
let server: HttpServer;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  await seed(db);
  server = await listen(testApp(db, { graphiql: true }), '127.0.0.1', 0, logger);
  origin = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close(1_000);
  await db.close();
});

/** What one page did: every request (answered, failed or blocked) and every policy breach. */
interface Recorded {
  page: Page;
  requests: string[];
  failed: string[];
  violations: string[];
  errors: string[];
}

async function openGraphiQL(): Promise<Recorded & { close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
  context.setDefaultTimeout(30_000);
  const rec: Recorded = {
    page: await context.newPage(),
    requests: [],
    failed: [],
    violations: [],
    errors: [],
  };
  const { page } = rec;
  page.on('request', (r) => rec.requests.push(r.url()));
  page.on('requestfailed', (r) => rec.failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('pageerror', (err) => rec.errors.push(err.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()))
      rec.violations.push(m.text());
  });
  // A request the policy refuses may never reach the network layer: the page reports it itself.
  await page.exposeFunction('__cspViolation', (uri: string, directive: string) =>
    rec.violations.push(`${directive} ${uri}`),
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation: (u: string, d: string) => void }).__cspViolation(
        e.blockedURI,
        e.effectiveDirective,
      ),
    );
  });
  // A browser asks for text/html, which is what makes Yoga answer with GraphiQL.
  await page.goto(`${origin}/graphql`);
  return { ...rec, close: () => context.close() };
}

/**
 * The response pane's text without its whitespace: the editor wraps long lines where it likes
 * and draws spaces as no-break spaces, so compare what is left.
 */
async function responseText(page: Page): Promise<string> {
  return squash((await page.locator('.graphiql-response').textContent()) ?? '');
}

function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, '');
}

function leftLoopback(urls: string[]): string[] {
  return urls.filter((url) => {
    const u = new URL(url);
    if (u.protocol === 'data:') return false; // inline, never fetched
    // A blob: URL carries the origin that made it: it must be ours too.
    const host = u.protocol === 'blob:' ? new URL(u.pathname).hostname : u.hostname;
    return host !== '127.0.0.1';
  });
}

describe('GraphiQL in Chromium, offline', () => {
  it('opens with the example operations, runs the first against the seed, and no request leaves 127.0.0.1', async () => {
    const first = EXAMPLE_OPERATIONS[0]!;
    // What the example answers on the seed, asked in process: the page must show the same data.
    const { data: expected } = await execute<{
      events: {
        totalCount: number;
        nodes: { type: { code: string }; speakers: { actor: { name: string } }[] }[];
      };
    }>(testApp(db), first.query);
    expect(expected.events.totalCount).toBeGreaterThan(0);
    const firstEvent = expected.events.nodes[0]!;
    const names = EXAMPLE_OPERATIONS.map(
      (op) => /^(?:query|mutation|subscription) (\w+)/m.exec(op.query)?.[1],
    );

    const { page, requests, failed, violations, errors, close } = await openGraphiQL();
    try {
      // Loaded: Yoga's own page has asked a CDN for its assets by now, and failed.
      expect(leftLoopback(requests), 'requests that left 127.0.0.1').toEqual([]);
      const run = page.getByRole('button', { name: /Execute query/ });
      await run.waitFor();
      // One tab per example, named for its operation, the first one open.
      const tabs = page.locator('.graphiql-tab .graphiql-tab-button');
      await expect.poll(() => tabs.allTextContents(), POLL).toEqual(names);
      const editor = page.locator('.graphiql-query-editor');
      await expect
        .poll(async () => squash((await editor.textContent()) ?? ''), POLL)
        .toContain(squash(`query ${names[0]} {`));

      const answered = page.waitForResponse(
        (r) =>
          r.url() === `${origin}/graphql` &&
          r.request().method() === 'POST' &&
          // GraphiQL sends the operation minified, without its comment.
          new RegExp(`\\bquery ${names[0]}\\b`).test(r.request().postDataJSON()?.query ?? ''),
      );
      await run.click();
      const response = await answered;
      expect(response.status()).toBe(200);
      await expect
        .poll(() => responseText(page), POLL)
        .toContain(`"totalCount":${expected.events.totalCount},`);
      // Short lines of the answer, which the editor cannot wrap apart.
      expect(await responseText(page)).toContain(`"code":"${firstEvent.type.code}"`);
      expect(await responseText(page)).toContain(squash(`"name":"${firstEvent.speakers[0]!.actor.name}"`));
      expect(await responseText(page)).not.toContain('"errors"');
      await page.screenshot({ path: new URL('graphiql.png', SHOTS).pathname });

      expect(requests).toContain(`${origin}/graphql`);
      expect(leftLoopback(requests)).toEqual([]);
      expect(failed).toEqual([]);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('refuses any other origin by its content policy, and such a refusal is caught as a request that left', async () => {
    const { page, requests, violations, close } = await openGraphiQL();
    try {
      await page.getByRole('button', { name: /Execute query/ }).waitFor();
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(policy).toContain("connect-src 'self'");
      expect(policy).not.toMatch(/https?:|\*|'unsafe-eval'/);
      // The same server under another name is another origin: still loopback, refused all the same.
      const elsewhere = `${origin.replace('127.0.0.1', 'localhost')}/health`;
      const outcome = await page.evaluate(
        (url) =>
          fetch(url).then(
            () => 'answered',
            () => 'refused',
          ),
        elsewhere,
      );
      expect(outcome).toBe('refused');
      await expect.poll(() => violations.some((v) => v.includes(elsewhere)), POLL).toBe(true);
      // Whether or not the browser reports the refused request as a request, the test sees it.
      expect([...leftLoopback(requests), ...violations].join('\n')).toContain('localhost');
    } finally {
      await close();
    }
  });
});
