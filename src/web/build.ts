import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.ts';
import { WEB_DIST } from './static.ts';

/** The Vite project of the explorer. */
export const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));
const STAMP = path.join(WEB_DIST, '.parley-build.stamp');
const LOCK = path.join(WEB_ROOT, '.build.lock');
/** The packages whose version changes the bundle. */
const BUNDLED_PACKAGES = ['vite', 'cytoscape'];

/** A problem the user can fix; its message is one sentence meant to be printed as is. */
export class WebBuildError extends Error {
  override name = 'WebBuildError';
}

const require = createRequire(import.meta.url);

/** The installed version of a package; looked up in node_modules, as cytoscape exports no `./package.json`. */
function packageVersion(name: string): string | undefined {
  for (const dir of require.resolve.paths(name) ?? []) {
    const file = path.join(dir, name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return undefined;
}

/** A hash of everything the bundle is made from: the web/ sources and the bundled packages' versions. */
export function webSourceHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else h.update(path.relative(WEB_ROOT, full)).update('\0').update(readFileSync(full));
    }
  };
  for (const file of ['index.html', 'vite.config.ts', 'tsconfig.json']) {
    const full = path.join(WEB_ROOT, file);
    if (existsSync(full)) h.update(file).update('\0').update(readFileSync(full));
  }
  walk(path.join(WEB_ROOT, 'src'));
  walk(path.join(WEB_ROOT, 'public'));
  for (const name of BUNDLED_PACKAGES) h.update(`${name}@${packageVersion(name) ?? 'missing'}\n`);
  return h.digest('hex');
}

function isBuilt(hash: string): boolean {
  return (
    existsSync(STAMP) &&
    existsSync(path.join(WEB_DIST, 'index.html')) &&
    readFileSync(STAMP, 'utf8').trim() === hash
  );
}

/** Holds a directory lock so that two processes (npm start and a test run) never build at once. */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (err) {
      // Only an existing lock means another build; anything else (EACCES, ENOENT, EROFS) will not pass.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new WebBuildError(
          `Cannot create the explorer's build lock (${(err as Error).message}), so the explorer cannot be built.`,
        );
      }
      // A lock older than the longest plausible build was left by a killed process.
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 3 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new WebBuildError('Timed out waiting for another explorer build.');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** `prebuilt`: the bundled packages are not installed (no dev dependencies), an existing build is served. */
export type WebBuildOutcome = 'fresh' | 'built' | 'prebuilt';

/**
 * Builds the explorer with Vite into web/dist when its sources (or the versions of Vite and
 * cytoscape) changed since the last build; otherwise does nothing. Resolves with what it did.
 */
export async function ensureWebBuilt(
  options: { logger?: Logger; force?: boolean } = {},
): Promise<WebBuildOutcome> {
  const hash = webSourceHash();
  if (!options.force && isBuilt(hash)) return 'fresh';
  if (BUNDLED_PACKAGES.some((name) => packageVersion(name) === undefined)) {
    // An install without dev dependencies (the Docker image) serves the build it was given.
    if (!options.force && existsSync(path.join(WEB_DIST, 'index.html'))) {
      options.logger?.warn(
        'Vite or cytoscape (development dependencies) is not installed, so the explorer cannot be rebuilt: serving the existing build in web/dist.',
      );
      return 'prebuilt';
    }
    throw new WebBuildError(
      'Building the explorer needs Vite and cytoscape, development dependencies: run `npm ci` (without --omit=dev), or set PARLEY_EXPLORER=false.',
    );
  }
  return withBuildLock(async () => {
    if (!options.force && isBuilt(hash)) return 'fresh';
    const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
    options.logger?.info('building the explorer (web/ → web/dist)');
    const started = Date.now();
    const out = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
        cwd: WEB_ROOT,
        // Vite builds for development when NODE_ENV says so (vitest sets it to "test").
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        output += d.toString();
      });
      child.on('error', (err) => resolve({ code: -1, output: String(err) }));
      child.on('close', (code) => resolve({ code, output }));
    });
    if (out.code !== 0) {
      throw new WebBuildError(
        `Building the explorer failed (vite exited ${out.code}); run \`npx vite build web\` to see why.\n${out.output.slice(-3000)}`,
      );
    }
    writeFileSync(STAMP, `${hash}\n`);
    options.logger?.info({ ms: Date.now() - started }, 'explorer built');
    return 'built';
  });
}
