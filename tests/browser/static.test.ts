import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { EXPLORER_CSP, serveExplorer } from '../../src/web/static.ts';
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
