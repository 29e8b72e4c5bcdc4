import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ParleyProcess {
  child: ChildProcess;
  url: string;
  neo4jUri: string;
  /** The embedded Neo4j's process; follows restarts by the supervisor. */
  javaPid: number | undefined;
  startMs: number;
  lines: string[];
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Resolves with the exit code, without sending anything. */
  exited: Promise<number | null>;
  /** Resolves with the first log line (past or future) that matches; rejects at the deadline. */
  line(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

/** Runs the real entry point (`npm start`'s command) as a child process, as a user would. */
export async function startParleyProcess(
  env: Record<string, string>,
  timeoutMs = 180_000,
): Promise<ParleyProcess> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...inherited(), PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waiters = new Set<(line: string) => void>();
  const remember = (line: string) => {
    proc.lines.push(line);
    for (const w of [...waiters]) w(line);
  };
  const proc: ParleyProcess = {
    child,
    url: '',
    neo4jUri: env.NEO4J_URI ?? '',
    javaPid: undefined,
    startMs: 0,
    lines: [],
    exited,
    line: (pattern, timeoutMs = 120_000) => {
      const seen = proc.lines.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `no log line matched ${pattern} within ${timeoutMs} ms:\n${proc.lines.slice(-30).join('\n')}`,
            ),
          );
        }, timeoutMs);
        const waiter = (l: string) => {
          if (!pattern.test(l)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(l);
        };
        waiters.add(waiter);
      });
    },
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  proc.url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`parley did not start:\n${proc.lines.join('\n')}`)),
      timeoutMs,
    );
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`parley exited with ${code} before it was up:\n${proc.lines.join('\n')}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      remember(line);
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { msg?: string; pid?: number; uri?: string; url?: string };
      if (entry.msg === 'embedded Neo4j ready') {
        proc.javaPid = entry.pid;
        proc.neo4jUri = entry.uri ?? '';
      }
      if (entry.msg === 'embedded Neo4j restarted') proc.javaPid = entry.pid;
      if (entry.msg === 'parley started' && entry.url) {
        clearTimeout(timer);
        resolve(entry.url);
      }
    });
    createInterface({ input: child.stderr! }).on('line', remember);
  });
  proc.startMs = Date.now() - started;
  return proc;
}

/**
 * The test run's environment without its Neo4j settings: a process test says itself which
 * database its API uses (its own embedded one unless it passes NEO4J_URI), so that a run against
 * an external NEO4J_URI never lets a fault test write to, or kill, that server.
 */
function inherited(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[key];
  return env;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}
