import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); no browser is ever downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the browser tests leave their screenshots. */
export const SHOTS = new URL('../screenshots/', import.meta.url);

/** Launches Chromium headless, with no background traffic, or fails saying what to install. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH).`,
    );
  }
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-background-networking'],
  });
}

/** What a test's pages did: every request, and what went wrong in them. */
export interface Seen {
  requests: string[];
  pageErrors: string[];
  cspViolations: string[];
}

export const nothingSeen = (): Seen => ({ requests: [], pageErrors: [], cspViolations: [] });

/**
 * A fresh browser context whose pages report into `into`: every request, script errors, and
 * content-policy refusals, for the test to check when it ends (`problems`).
 */
export async function watchedContext(
  browser: Browser,
  viewport: { width: number; height: number },
  into: Seen,
): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport, locale: 'en-GB' });
  ctx.setDefaultTimeout(20_000);
  ctx.on('request', (r) => into.requests.push(r.url()));
  ctx.on('page', (page) => {
    page.on('pageerror', (err) => into.pageErrors.push(err.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()))
        into.cspViolations.push(m.text());
    });
  });
  return ctx;
}

/** What should be empty after a test: requests off `origin`, policy refusals, script errors. */
export function problems(seen: Seen, origin: string) {
  return {
    foreignRequests: seen.requests.filter((url) => new URL(url).origin !== origin),
    cspViolations: seen.cspViolations,
    pageErrors: seen.pageErrors,
  };
}
