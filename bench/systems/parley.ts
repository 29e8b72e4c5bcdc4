/**
 * Parley as it serves: createApp + listen on 127.0.0.1, query stats on, the response cache off
 * unless asked for, production settings otherwise. The database is a Database subclass that can record every statement an operation
 * sends (text, parameters, start and end), which the raw floor replays; recording is off while
 * latency and throughput are measured.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { type HttpServer, listen } from '../../src/http/server.ts';
import type { Logger } from '../../src/logger.ts';
import type { Cypher } from '../../src/neo4j/cypher.ts';
import { Database, type QueryStats } from '../../src/neo4j/database.ts';

export interface CapturedStatement {
  name: string;
  text: string;
  params: Record<string, unknown>;
  mode: 'READ' | 'WRITE';
  startedAt: number;
  endedAt: number;
}

/** Parley's Database, recording what it sends while `capturing` is set. Nothing else changes. */
export class CapturingDatabase extends Database {
  capturing: CapturedStatement[] | null = null;

  override async run<T = Record<string, unknown>>(
    query: Cypher,
    params: Record<string, unknown>,
    mode: 'READ' | 'WRITE',
    stats?: QueryStats,
  ): Promise<T[]> {
    const log = this.capturing;
    if (!log) return super.run<T>(query, params, mode, stats);
    const entry: CapturedStatement = {
      name: query.name,
      text: query.text,
      params,
      mode,
      startedAt: performance.now(),
      endedAt: 0,
    };
    try {
      return await super.run<T>(query, params, mode, stats);
    } finally {
      entry.endedAt = performance.now();
      log.push(entry);
    }
  }
}

export interface ParleyServer {
  url: string;
  http: HttpServer;
  close(): Promise<void>;
}

export interface ParleyServerOptions {
  /** The response cache of public reads (off unless asked: the comparisons measure the work). */
  cache?: boolean;
  /** PARLEY_API_KEYS, for the writes (role:sha256hex). */
  apiKeys?: string;
}

export async function startParleyServer(
  database: Database,
  logger: Logger,
  options: ParleyServerOptions = {},
): Promise<ParleyServer> {
  const config = loadConfig({
    NODE_ENV: 'production',
    PARLEY_QUERY_STATS: 'true',
    LOG_LEVEL: 'silent',
    PARLEY_CACHE_TTL_MS: options.cache ? '600000' : '0',
    ...(options.apiKeys ? { PARLEY_API_KEYS: options.apiKeys } : {}),
  });
  const app = createApp({ config, database, logger });
  const http = await listen(app, '127.0.0.1', 0, logger);
  const { port } = http.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, http, close: () => http.close(2_000) };
}
