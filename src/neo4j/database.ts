import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import type { Logger } from '../logger.ts';
import type { Cypher } from './cypher.ts';
import { toPlain } from './values.ts';

/** What one GraphQL operation cost the database; reported in the response's extensions. */
export class QueryStats {
  queries = 0;
  /** Wall-clock time spent waiting on Cypher, summed over the operation's round trips. */
  cypherMs = 0;
  /** Time the server reports for planning, running and streaming those results. */
  serverMs = 0;
  readonly statements: string[] = [];

  record(name: string, wallMs: number, serverMs: number): void {
    this.queries += 1;
    this.cypherMs += wallMs;
    this.serverMs += serverMs;
    this.statements.push(name);
  }

  toJSON() {
    return {
      cypherQueries: this.queries,
      cypherMs: Math.round(this.cypherMs * 10) / 10,
      serverMs: this.serverMs,
      statements: this.statements,
    };
  }
}

/** The database is unreachable or lost the connection: a 503-style condition, not a bug. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

const UNAVAILABLE_CODES = new Set([neo4j.error.SERVICE_UNAVAILABLE, neo4j.error.SESSION_EXPIRED]);

export function isUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if (!(err instanceof Neo4jError)) return false;
  if (UNAVAILABLE_CODES.has(err.code)) return true;
  // Raised while a database is stopping or starting.
  return err.code === 'Neo.TransientError.General.DatabaseUnavailable';
}

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  logger: Logger;
}

type Params = Record<string, unknown>;

/**
 * JavaScript numbers travel as floats, which LIMIT and range bounds refuse; top-level integer
 * parameters (limits, depths, counts) are sent as Cypher integers. Nested data is left as is.
 */
export function cypherParams(params: Params): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = typeof v === 'number' && Number.isSafeInteger(v) ? neo4j.int(v) : v;
  }
  return out;
}

/**
 * The only object that talks to Neo4j. Repositories use it through `scoped(stats)`, so that
 * every round trip of an operation is counted.
 */
export class Database {
  readonly driver: Driver;
  readonly name: string;
  private readonly logger: Logger;

  constructor(options: DatabaseOptions) {
    this.name = options.database;
    this.logger = options.logger;
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 10_000,
      connectionTimeout: 5_000,
      // Retries of transient failures inside managed transactions stay short so that a lost
      // database surfaces as a clear error within seconds rather than a hung request.
      maxTransactionRetryTime: 5_000,
      disableLosslessIntegers: false,
      logging: {
        level: 'warn',
        logger: (level, message) => options.logger[level === 'warn' ? 'warn' : 'debug']({ neo4j: message }),
      },
    });
  }

  scoped(stats: QueryStats = new QueryStats()): Session {
    return new Session(this, stats);
  }

  async run<T = Record<string, unknown>>(
    query: Cypher,
    params: Params,
    mode: 'READ' | 'WRITE',
    stats?: QueryStats,
  ): Promise<T[]> {
    const started = performance.now();
    try {
      const result = await this.driver.executeQuery(query.text, cypherParams(params), {
        database: this.name,
        routing: mode === 'READ' ? neo4j.routing.READ : neo4j.routing.WRITE,
      });
      const server =
        (result.summary.resultAvailableAfter?.toNumber() ?? 0) +
        (result.summary.resultConsumedAfter?.toNumber() ?? 0);
      stats?.record(query.name, performance.now() - started, server);
      return result.records.map((r) => toPlain(r.toObject()) as T);
    } catch (err) {
      stats?.record(query.name, performance.now() - started, 0);
      if (isUnavailable(err)) {
        throw new DatabaseUnavailableError(`Neo4j is unavailable: ${(err as Error).message}`, { cause: err });
      }
      this.logger.error({ err, cypher: query.name }, 'cypher failed');
      throw err;
    }
  }

  /**
   * Runs `work` in one managed write transaction: all of it commits or none of it does.
   * Transient failures (deadlocks between concurrent writers, leader switches) are retried.
   */
  async writeTransaction<T>(work: (tx: Tx) => Promise<T>, stats?: QueryStats, attempts = 5): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
      try {
        return await session.executeWrite((raw) => work(new Tx(raw, stats)));
      } catch (err) {
        if (isUnavailable(err)) {
          throw new DatabaseUnavailableError(`Neo4j is unavailable: ${(err as Error).message}`, {
            cause: err,
          });
        }
        if (attempt >= attempts || !(err instanceof Neo4jError) || !err.retriable) throw err;
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt + Math.random() * 100));
      } finally {
        await session.close();
      }
    }
  }

  /** True when the database answers a trivial query now. */
  async ping(timeoutMs = 2_000): Promise<boolean> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    try {
      await Promise.race([
        session.run('RETURN 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('ping timed out')), timeoutMs).unref()),
      ]);
      return true;
    } catch {
      return false;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

export interface WriteCounters {
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  labelsAdded: number;
  nodesDeleted: number;
  relationshipsDeleted: number;
}

/** One statement after another inside a managed transaction, counted like any round trip. */
export class Tx {
  readonly counters: WriteCounters = {
    nodesCreated: 0,
    relationshipsCreated: 0,
    propertiesSet: 0,
    labelsAdded: 0,
    nodesDeleted: 0,
    relationshipsDeleted: 0,
  };

  constructor(
    private readonly tx: ManagedTransaction,
    private readonly stats?: QueryStats,
  ) {}

  async run<T = Record<string, unknown>>(query: Cypher, params: Params = {}): Promise<T[]> {
    const started = performance.now();
    const result = await this.tx.run(query.text, cypherParams(params));
    const u = result.summary.counters.updates();
    this.counters.nodesCreated += u.nodesCreated;
    this.counters.relationshipsCreated += u.relationshipsCreated;
    this.counters.propertiesSet += u.propertiesSet;
    this.counters.labelsAdded += u.labelsAdded;
    this.counters.nodesDeleted += u.nodesDeleted;
    this.counters.relationshipsDeleted += u.relationshipsDeleted;
    this.stats?.record(
      query.name,
      performance.now() - started,
      result.summary.resultAvailableAfter?.toNumber() ?? 0,
    );
    return result.records.map((r) => toPlain(r.toObject()) as T);
  }
}

/** A per-operation view of the database that counts its round trips. */
export class Session {
  constructor(
    readonly db: Database,
    readonly stats: QueryStats,
  ) {}

  read<T = Record<string, unknown>>(query: Cypher, params: Params = {}): Promise<T[]> {
    return this.db.run<T>(query, params, 'READ', this.stats);
  }

  write<T = Record<string, unknown>>(query: Cypher, params: Params = {}): Promise<T[]> {
    return this.db.run<T>(query, params, 'WRITE', this.stats);
  }
}
