import { inject } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { Database } from '../../src/neo4j/database.ts';

export const logger = createLogger({ logLevel: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'silent' });

/** A driver-backed Database on the run's shared Neo4j. Close it in afterAll. */
export function testDatabase(): Database {
  return new Database({
    uri: inject('neo4jUri'),
    user: inject('neo4jUser'),
    password: inject('neo4jPassword'),
    database: inject('neo4jDatabase'),
    logger,
  });
}

export function testApp(
  database: Database,
  config: Partial<Parameters<typeof createApp>[0]['config']> = {},
): App {
  return createApp({
    config: { env: 'test', graphiql: false, queryStats: true, security: loadConfig({}).security, ...config },
    database,
    logger,
  });
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown> & {
    parley?: { cypherQueries: number; cypherMs: number; serverMs: number; statements: string[] };
  };
}

/** Runs an operation in process (no socket) and returns the whole response. */
export async function request<T = Record<string, unknown>>(
  app: App,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await app.fetch('http://parley.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: res.status, ...body };
}

/** Runs an operation that must succeed; on errors it fails with the query, variables and errors. */
export async function execute<T = Record<string, unknown>>(
  app: App,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ data: T; extensions: GraphQLResponse<T>['extensions'] }> {
  const res = await request<T>(app, query, variables, headers);
  if (res.errors?.length || res.data === undefined || res.status !== 200) {
    throw new Error(
      [
        `GraphQL operation failed (HTTP ${res.status})`,
        `query:\n${query.trim()}`,
        `variables: ${JSON.stringify(variables)}`,
        `errors: ${JSON.stringify(res.errors, null, 2)}`,
      ].join('\n'),
    );
  }
  return { data: res.data, extensions: res.extensions };
}
