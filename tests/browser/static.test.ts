import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { EXAMPLE_OPERATIONS } from '../../src/schema/examples.ts';
import { EXPLORER_CSP, graphiqlCsp, serveExplorer } from '../../src/web/static.ts';
import { testApp, testDatabase } from '../support/harness.ts';

// How the explorer's files are served, in process: no browser, no socket.

const dist = mkdtempSync(path.join(os.tmpdir(), 'parley-web-dist-'));
mkdirSync(path.join(dist, 'assets'));
writeFileSync(
  path.join(dist, 'index.html'),
  '<!doctype html><title>t</title><script src="/assets/app-abc123.js"></script>',
);
writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
writeFileSync(path.join(dist, 'assets', 'app-abc123.css'), 'body{}');
writeFileSync(path.join(dist, 'secret.txt'), 'not an asset');
const missing = path.join(dist, 'nothing-here');

const db = testDatabase();
afterAll(async () => {
  rmSync(dist, { recursive: true, force: true });
  await db.close();
});

const get = (url: string, init: RequestInit = {}, dir = dist) =>
  serveExplorer(new Request(`http://parley.test${url}`, init), dir);

describe('serving the explorer', () => {
  it('answers / with the page, its content policy and no long caching', async () => {
    for (const url of ['/', '/index.html']) {
      const res = (await get(url))!;
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(EXPLORER_CSP);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('/assets/app-abc123.js');
    }
    expect(EXPLORER_CSP).toMatch(/default-src 'self'/);
    expect(EXPLORER_CSP).not.toMatch(/https?:|\*/);
  });

  it('answers hashed assets with their type and an immutable cache, HEAD without a body', async () => {
    const js = (await get('/assets/app-abc123.js'))!;
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('/assets/app-abc123.css'))!.headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    const head = (await get('/assets/app-abc123.js', { method: 'HEAD' }))!;
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('14');
    expect(await head.text()).toBe('');
  });

  it('refuses anything outside assets/, traversal included, with 404', async () => {
    for (const url of [
      '/assets/missing.js',
      '/assets/..%2fsecret.txt',
      '/assets/%2e%2e%2fsecret.txt',
      '/assets/.hidden',
      '/assets/',
      '/assets/sub/dir.js',
    ]) {
      const res = await get(url);
      expect(res?.status, url).toBe(404);
      expect(await res?.text(), url).not.toContain('not an asset');
    }
    // The URL parser folds these to `/secret.txt` (`..`, `%2e%2e` and, in http URLs, `\` as `/`):
    // then they are not the explorer's to answer.
    for (const url of ['/assets/../secret.txt', '/assets/%2e%2e/secret.txt', '/assets/..\\secret.txt']) {
      expect(new URL(`http://parley.test${url}`).pathname, url).toBe('/secret.txt');
      expect(await get(url), url).toBeUndefined();
    }
  });

  it('leaves every other path to Yoga and refuses writes to its own', async () => {
    for (const url of ['/graphql', '/health', '/ready', '/secret.txt', '/favicon.ico']) {
      expect(await get(url), url).toBeUndefined();
    }
    const post = (await get('/', { method: 'POST', body: 'x' }))!;
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('says how to build the explorer when web/dist is missing', async () => {
    const res = (await get('/', {}, missing))!;
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run web:build');
    expect((await get('/assets/app-abc123.js', {}, missing))!.status).toBe(404);
  });

  it('is on by default, off with PARLEY_EXPLORER=false, and only where the app is asked to serve it', async () => {
    expect(loadConfig({}).explorer).toBe(true);
    expect(loadConfig({ PARLEY_EXPLORER: 'false' }).explorer).toBe(false);
    const without = await testApp(db).fetch('http://parley.test/');
    expect(without.status).toBe(404);
    const withExplorer = await testApp(db, { explorer: true }).fetch('http://parley.test/');
    expect([200, 503]).toContain(withExplorer.status); // 503 before the first build
    expect(withExplorer.headers.get('content-security-policy')).toBe(EXPLORER_CSP);
    const health = await testApp(db, { explorer: true }).fetch('http://parley.test/health');
    expect(health.status).toBe(200);
  });
});

describe('serving GraphiQL from the bundle', () => {
  const page = async () => {
    const res = await testApp(db, { graphiql: true }).fetch('http://parley.test/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(res.status).toBe(200);
    return res.text();
  };

  it('inlines its script, styles and fonts: nothing names another origin', async () => {
    const html = await page();
    const open = html.indexOf('<script>');
    const close = html.indexOf('</script>');
    expect(open).toBeGreaterThan(0);
    // The script bundle quotes documentation links in strings; the markup and styles around it
    // are what the browser would fetch from.
    const around = html.slice(0, open) + html.slice(close);
    expect(around).not.toMatch(/<script[^>]+src=|<link[^>]+rel="stylesheet"|@import/);
    expect(around).not.toMatch(/(?:src|href)="(?!data:)[^"]*"/);
    expect(around.match(/url\((?!data:)[^)]*\)/g) ?? []).toEqual([]);
    expect(html).not.toContain('unpkg');
    for (const op of EXAMPLE_OPERATIONS) expect(html).toContain(JSON.stringify(op.query).slice(1, -1));
  });

  it('carries its own policy, which allows its one script by hash and no other origin', async () => {
    const html = await page();
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(policy).toBeDefined();
    // The policy comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    const script = html.slice(html.indexOf('<script>') + '<script>'.length, html.indexOf('</script>'));
    const hash = `sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}`;
    expect(policy).toBe(graphiqlCsp(hash));
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/https?:|\*|'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  });
});
