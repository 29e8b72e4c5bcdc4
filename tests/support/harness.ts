import { inject } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { cypherParams, Database } from '../../src/neo4j/database.ts';
import { toPlain } from '../../src/neo4j/values.ts';
import { removeOwned } from './cleanup.ts';

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

/** The run's mark: every TestHelper prefix starts with it, so the teardown can find leftovers. */
function runMark(): string {
  try {
    return `t${inject('testRunId')}`;
  } catch {
    // Outside a vitest worker (no provided context): a mark of this process alone.
    return `t${Date.now().toString(36)}`;
  }
}

/**
 * Raw Cypher for tests, in the manner of @neo4j/graphql's TestHelper: every statement runs on
 * the configured database (never the server's home database), results come back as plain
 * values, and what a test creates carries its helper's unique prefix so `cleanup` removes that
 * and nothing else.
 */
export class TestHelper {
  readonly database: Database;
  /** Unique per helper: ids a test creates start with it (`${prefix}-…`). */
  readonly prefix: string;

  constructor(name: string, database: Database = testDatabase()) {
    this.database = database;
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    this.prefix = `${runMark()}${Math.random().toString(36).slice(2, 8)}-${slug}`;
  }

  /** An id this helper owns. */
  id(suffix: string): string {
    return `${this.prefix}-${suffix}`;
  }

  /**
   * Runs one statement on the configured database and returns plain rows. Whole numbers go as
   * Cypher integers, as the product's own statements send them (`LIMIT $n` refuses a float).
   */
  async run<T = Record<string, any>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const r = await this.database.driver.executeQuery(cypher, cypherParams(params), {
      database: this.database.name,
    });
    return r.records.map((rec) => toPlain(rec.toObject()) as T);
  }

  /**
   * Removes what this helper's prefix owns: its articles with their mentions, events, documents,
   * actors and redirects, and the structural facts its articles stated (see `removeOwned`).
   */
  async cleanup(prefix = this.prefix): Promise<void> {
    await removeOwned(this.database, prefix);
  }

  async close(): Promise<void> {
    await this.database.close();
  }
}
