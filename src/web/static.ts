import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

/** Where `npm run web:build` (Vite) writes the explorer. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * The explorer talks to its own origin only. The policy is also the proof: a request to any
 * other host (a CDN, a web font, an image) is refused by the browser.
 * 'unsafe-inline' for styles only: cytoscape positions its canvases with style attributes.
 */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite writes hashed, flat names into assets/: nothing with a slash, nothing starting with a dot. */
const ASSET_PATH = /^\/assets\/([A-Za-z0-9_-][A-Za-z0-9._-]*)$/;

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parley explorer: not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>The explorer is not built</h1>
<p>Run <code>npm run web:build</code> (or start with <code>npm start</code>, which builds it), then reload.</p>
<p>The GraphQL API is at <a href="/graphql">/graphql</a>.</p>
</body></html>
`;

function pageResponse(body: BodyInit | null, status: number, headers: Record<string, string>): Response {
  return new Response(body, {
    status,
    headers: { ...COMMON_HEADERS, 'content-security-policy': EXPLORER_CSP, ...headers },
  });
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR')
      return null;
    throw err;
  }
}

/**
 * Answers the explorer's own paths — `/`, `/index.html` and `/assets/*` — from `dir`, and
 * returns undefined for everything else (GraphQL, health, readiness stay Yoga's).
 */
export async function serveExplorer(request: Request, dir: string = WEB_DIST): Promise<Response | undefined> {
  const { pathname } = new URL(request.url);
  const isPage = pathname === '/' || pathname === '/index.html';
  const isAsset = pathname.startsWith('/assets/');
  if (!isPage && !isAsset) return undefined;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method Not Allowed\n', {
      status: 405,
      headers: { ...COMMON_HEADERS, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const head = request.method === 'HEAD';

  if (isPage) {
    const html = await readOrNull(path.join(dir, 'index.html'));
    if (!html) {
      return pageResponse(head ? null : NOT_BUILT_PAGE, 503, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
    }
    // The page names the hashed assets of the current build, so it is revalidated every time.
    return pageResponse(head ? null : new Uint8Array(html), 200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'content-length': String(html.length),
    });
  }

  const name = ASSET_PATH.exec(pathname)?.[1];
  const assets = path.join(dir, 'assets');
  const file = name ? path.join(assets, name) : undefined;
  // The pattern already excludes separators and dot-files; the prefix check is the backstop.
  const body = file?.startsWith(assets + path.sep) ? await readOrNull(file) : null;
  if (!body) {
    return new Response(head ? null : 'Not Found\n', {
      status: 404,
      headers: { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(head ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      ...COMMON_HEADERS,
      'content-type': CONTENT_TYPES[path.extname(name!).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(body.length),
      // Names carry a content hash: a changed file is a new name.
      'cache-control': 'public, max-age=31536000, immutable',
    },
  });
}

/** A Yoga plugin that answers the explorer's paths before Yoga looks at them. */
export function explorerPlugin(dir: string = WEB_DIST): Plugin {
  return {
    async onRequest({ request, endResponse }) {
      const response = await serveExplorer(request, dir);
      if (response) endResponse(response);
    },
  };
}

/**
 * GraphiQL's policy. @graphql-yoga/render-graphiql inlines everything the page needs: its
 * script and styles, fonts and icons as data: URLs, Monaco's workers as blob: URLs. So the page
 * needs nothing but its own origin (for the GraphQL requests), and the policy says so: a
 * request to any other host is refused. The one inline script is allowed by its hash, not by
 * 'unsafe-inline'; styles are inline because Monaco and React write style attributes.
 */
export function graphiqlCsp(scriptHash: string): string {
  return [
    "default-src 'self'",
    `script-src '${scriptHash}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    'worker-src blob:',
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

let graphiqlPage: { key: string; html: string } | undefined;

/**
 * Yoga's `renderGraphiQL`: the bundled GraphiQL instead of Yoga's default page, which loads
 * its assets from a CDN and is blank without internet. Yoga answers with a bare Content-Type,
 * so the policy travels in a <meta> tag ahead of the script. The bundle (about 9 MB of
 * strings) is imported on the first request for the page, not when the server starts, and the
 * page is kept: the options do not change while the server runs.
 */
export async function renderBundledGraphiQL(options: GraphiQLOptions): Promise<string> {
  const key = JSON.stringify(options);
  if (graphiqlPage?.key === key) return graphiqlPage.html;
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  const html = renderGraphiQL(options);
  const open = html.indexOf('<script>');
  const close = html.lastIndexOf('</script>');
  const charset = html.indexOf('<meta charset="utf-8" />');
  if (open < 0 || close < open || charset < 0 || html.indexOf('</script>') !== close) {
    throw new Error('@graphql-yoga/render-graphiql changed its page: update renderBundledGraphiQL');
  }
  // The browser hashes the script's text exactly as it stands between the tags.
  const script = html.slice(open + '<script>'.length, close);
  const hash = `sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}`;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${graphiqlCsp(hash)}" />`;
  const at = charset + '<meta charset="utf-8" />'.length;
  graphiqlPage = { key, html: `${html.slice(0, at)}\n      ${meta}${html.slice(at)}` };
  return graphiqlPage.html;
}
