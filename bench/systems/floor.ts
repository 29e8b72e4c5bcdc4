/**
 * The HTTP floor: a minimal node:http server that answers each step of an operation by running
 * the statements Parley sent for that step (bench/systems/raw.ts's replay, on the same driver)
 * and writing the records as JSON. No GraphQL at all: no parsing, validation, resolvers or
 * completion. Parley minus the floor is what GraphQL costs; the floor minus the raw replay is
 * what HTTP and JSON cost.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { toPlain } from '../../src/neo4j/values.ts';
import { type Replay, runLikeParley } from './raw.ts';

export interface FloorServer {
  /** The URL of step `step` of operation `key`. */
  url(key: string, step: number): string;
  /** What operation `key` runs, one replay per step. */
  register(key: string, steps: Replay[]): void;
  server: Server;
  close(): Promise<void>;
}

export async function startFloorServer(driver: Driver, database: string): Promise<FloorServer> {
  const operations = new Map<string, Replay[]>();
  const server = createServer((req, res) => {
    // The body is read and dropped, as a GraphQL server must read it.
    req.resume();
    req.on('end', async () => {
      const m = /^\/op\/([^/]+)\/(\d+)$/.exec(req.url ?? '');
      const replay = m ? operations.get(decodeURIComponent(m[1]!))?.[Number(m[2])] : undefined;
      if (!replay) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: `no such step: ${req.url}` }] }));
        return;
      }
      try {
        const data: unknown[] = [];
        for (const wave of replay.waves) {
          const results = await Promise.all(wave.map((s) => runLikeParley(driver, database, s)));
          for (const r of results) data.push(r.records.map((rec) => toPlain(rec.toObject())));
        }
        const body = JSON.stringify({ data });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      } catch (err) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: (err as Error).message.slice(0, 300) }] }));
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (key, step) => `http://127.0.0.1:${port}/op/${encodeURIComponent(key)}/${step}`,
    register: (key, steps) => {
      operations.set(key, steps);
    },
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
