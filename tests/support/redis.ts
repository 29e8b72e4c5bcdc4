import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Debian's redis-server (`apt-get install redis-server`; `.ci/run` installs it). */
export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';

export interface RedisProcess {
  url: string;
  port: number;
  pid: number;
  /** Stops it (SIGTERM, by pid) and resolves when it has exited. */
  stop(): Promise<void>;
  /** Starts it again on the same port (after `stop`). */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when the port accepts a connection and answers PING; fails when the process exits first. */
async function accepting(port: number, child: ChildProcess, output: () => string): Promise<void> {
  let onExit: (code: number | null) => void = () => undefined;
  const exited = new Promise<never>((_, reject) => {
    onExit = (code) => reject(new Error(`redis-server exited with ${code}:\n${output()}`));
    child.once('exit', onExit);
  });
  // redis-server prints this once it accepts connections; waiting for it is waiting for the condition.
  const ready = new Promise<void>((resolve) => {
    const check = () => {
      if (/Ready to accept connections/.test(output())) resolve();
      else child.stdout?.once('data', check);
    };
    check();
  });
  try {
    await Promise.race([ready, exited]);
  } finally {
    child.off('exit', onExit);
  }
  await new Promise<void>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (d) => {
      socket.destroy();
      if (d.toString().startsWith('+PONG')) resolve();
      else reject(new Error(`redis-server answered ${d.toString()}`));
    });
    socket.once('error', reject);
  });
}

/**
 * A throw-away Redis on a free loopback port, in a temporary folder, persisting nothing
 * (`--save '' --appendonly no`), as the tests start Neo4j.
 */
export async function startRedis(): Promise<RedisProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-test-redis-'));
  const port = await freePort();
  let child: ChildProcess;
  let log = '';
  const launch = async () => {
    log = '';
    child = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (d: string) => {
      log += d;
    });
    child.stderr?.on('data', (d: Buffer) => {
      log += d.toString();
    });
    await accepting(port, child, () => log);
  };
  await launch();
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
  const handle: RedisProcess = {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child.pid ?? -1;
    },
    stop,
    restart: launch,
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}
