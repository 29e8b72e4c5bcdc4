import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.ts';

export const LAUNCHER_DIR = fileURLToPath(new URL('../../launcher/', import.meta.url));
const TARGET = path.join(LAUNCHER_DIR, 'target');
const STAMP = path.join(TARGET, 'parley-build.stamp');
const MAIN_CLASS = 'dev.parley.launcher.EmbeddedNeo4j';

/**
 * The JVM options Neo4j's own start script passes (its default server.jvm.additional list),
 * minus the ones that only matter for a long-running production server.
 */
const NEO4J_JVM_OPTIONS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
];

/** A problem the user can fix; its message is one sentence meant to be printed as is. */
export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
}

const ALTERNATIVES =
  'or set NEO4J_URI to use an existing Neo4j 5 server, or run `docker compose up` on a machine with Docker';

function javaMajorVersion(): number {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error) {
    throw new EmbeddedNeo4jError(
      `The embedded Neo4j needs Java 17 or later and no \`java\` was found on PATH: install a JDK 17 (e.g. \`apt-get install openjdk-17-jdk-headless\`), ${ALTERNATIVES}.`,
    );
  }
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  const major = m ? Number(m[1] === '1' ? m[2] : m[1]) : 0;
  if (major < 17) {
    throw new EmbeddedNeo4jError(
      `The embedded Neo4j needs Java 17 or later, but \`java -version\` reports ${major || 'an unknown version'}: install a JDK 17, ${ALTERNATIVES}.`,
    );
  }
  return major;
}

function sourceHash(): string {
  const h = createHash('sha256');
  h.update(readFileSync(path.join(LAUNCHER_DIR, 'pom.xml')));
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else h.update(name).update(readFileSync(full));
    }
  };
  walk(path.join(LAUNCHER_DIR, 'src'));
  return h.digest('hex');
}

function isBuilt(hash: string): boolean {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === hash;
}

/** Holds a directory lock so two processes (the app and a test run) never build at once. */
async function withBuildLock<T>(fn: () => Promise<T> | T): Promise<T> {
  mkdirSync(TARGET, { recursive: true });
  const lock = path.join(TARGET, '.build.lock');
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than the longest plausible build is left by a killed process.
      const age = Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs;
      if (Number.isFinite(age) && age > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new EmbeddedNeo4jError('Timed out waiting for another launcher build.');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds the Java launcher with Maven when its sources changed since the last build. */
export async function ensureLauncherBuilt(logger?: Logger): Promise<void> {
  javaMajorVersion();
  const hash = sourceHash();
  if (isBuilt(hash)) return;
  await withBuildLock(async () => {
    if (isBuilt(hash)) return;
    const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
    if (probe.error) {
      throw new EmbeddedNeo4jError(
        `Building the embedded Neo4j launcher needs Maven and no \`mvn\` was found on PATH: install it (e.g. \`apt-get install maven\`), ${ALTERNATIVES}.`,
      );
    }
    logger?.info('building the embedded Neo4j launcher (first run downloads Neo4j from Maven Central)');
    const started = Date.now();
    const out = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn('mvn', ['-B', '-q', 'package', '-DskipTests'], { cwd: LAUNCHER_DIR });
      let output = '';
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        output += d.toString();
      });
      child.on('close', (code) => resolve({ code, output }));
    });
    if (out.code !== 0) {
      throw new EmbeddedNeo4jError(
        `Building the embedded Neo4j launcher failed (mvn exited ${out.code}); run \`mvn -B package\` in launcher/ to see why, ${ALTERNATIVES}.\n${out.output.slice(-2000)}`,
      );
    }
    writeFileSync(STAMP, `${hash}\n`);
    logger?.info({ ms: Date.now() - started }, 'embedded Neo4j launcher built');
  });
}

export interface EmbeddedNeo4jOptions {
  /** Neo4j home: data, transaction logs and Neo4j's own logs live under it. */
  home: string;
  /** 0 lets the OS pick a free port. */
  port: number;
  heapMiB: number;
  pageCacheMiB: number;
  startTimeoutMs: number;
  logger?: Logger;
  /** Called when the database process exits without having been asked to stop. */
  onUnexpectedExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  pid: number;
  /** Stops the database cleanly (checkpoint, store lock released); idempotent. */
  stop(timeoutMs?: number): Promise<void>;
  exited: Promise<void>;
}

export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  await ensureLauncherBuilt(options.logger);
  mkdirSync(options.home, { recursive: true });
  const classpath = [path.join(TARGET, 'classes'), path.join(TARGET, 'lib', '*')].join(path.delimiter);
  const args = [
    `-Xmx${options.heapMiB}m`,
    ...NEO4J_JVM_OPTIONS,
    '-cp',
    classpath,
    MAIN_CLASS,
    `--home=${options.home}`,
    '--host=127.0.0.1',
    `--port=${options.port}`,
    `--pagecache-mib=${options.pageCacheMiB}`,
    '--watch-stdin',
  ];
  // Own process group: a terminal's Ctrl-C reaches only the app, which stops the database
  // after draining requests. If the app dies without stopping it, the closed stdin pipe does.
  const child: ChildProcessWithoutNullStreams = spawn('java', args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let stopping = false;
  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      if (!stopping) options.onUnexpectedExit?.(code, signal);
      resolve();
    });
  });
  createInterface({ input: child.stderr }).on('line', (line) => {
    remember(line);
    options.logger?.debug({ neo4j: line }, 'embedded neo4j stderr');
  });

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new EmbeddedNeo4jError(
          `The embedded Neo4j did not start within ${options.startTimeoutMs} ms; its log is in ${path.join(options.home, 'logs', 'debug.log')}.`,
        ),
      );
    }, options.startTimeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(`Could not run java: ${err.message}.`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(explainFailure(tail, code, options)));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      remember(line);
      if (line.startsWith('PARLEY_NEO4J_READY ')) {
        clearTimeout(timer);
        resolve(line.slice('PARLEY_NEO4J_READY '.length).trim());
      } else {
        options.logger?.debug({ neo4j: line }, 'embedded neo4j stdout');
      }
    });
  });

  const stop = async (timeoutMs = 60_000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    stopping = true;
    child.kill('SIGTERM');
    const killed = await Promise.race([
      exited.then(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(true), timeoutMs).unref()),
    ]);
    if (killed) {
      options.logger?.warn({ timeoutMs }, 'embedded Neo4j did not stop in time; killing it');
      child.kill('SIGKILL');
      await exited;
    }
  };
  return { uri, pid: child.pid!, stop, exited };
}

function explainFailure(tail: string[], code: number | null, options: EmbeddedNeo4jOptions): string {
  const text = tail.join('\n');
  const failed = tail.find((l) => l.startsWith('PARLEY_NEO4J_FAILED '))?.slice('PARLEY_NEO4J_FAILED '.length);
  if (/Address already in use|BindException|already in use/i.test(text)) {
    return `The embedded Neo4j could not listen on 127.0.0.1:${options.port} because the port is in use: set PARLEY_NEO4J_PORT to a free port, or NEO4J_URI to use the Neo4j already there.`;
  }
  if (/lock|FileLockException|StoreLockException/i.test(text)) {
    return `The embedded Neo4j data folder ${options.home} is in use by another process (is Parley already running?); stop it or set PARLEY_DATA_DIR to another folder.`;
  }
  return `The embedded Neo4j exited (code ${code}) before it was ready${failed ? `: ${failed}` : ''}; see ${path.join(options.home, 'logs', 'debug.log')}.`;
}
