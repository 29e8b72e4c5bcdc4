import neo4j, {
  type Driver,
  type ManagedTransaction,
  Neo4jError,
  type QueryResult,
  type Transaction,
} from 'neo4j-driver';
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
  /**
   * While the database cannot be reached, a call fails with DatabaseUnavailableError within
   * this bound (default 2 s) instead of waiting out the driver's retries.
   */
  unavailableTimeoutMs?: number;
}

/** A connection attempt's bound: half the outage bound, so a try started in time ends in time. */
const connectTimeout = (boundMs: number) => Math.max(100, Math.floor(boundMs / 2));

/** How long a refusal tells clients to wait before retrying (the Retry-After header), in seconds. */
export const RETRY_AFTER_SECONDS = 5;

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
export class Database implements Db {
  readonly driver: Driver;
  readonly name: string;
  private readonly logger: Logger;
  private readonly unavailableTimeoutMs: number;
  /**
   * Set when a call found the database unreachable; cleared by the probe once it answers.
   * While it is set, calls fail at once rather than each waiting out the bound again.
   */
  private down = false;
  private probing = false;
  private closed = false;

  constructor(options: DatabaseOptions) {
    this.name = options.database;
    this.logger = options.logger;
    this.unavailableTimeoutMs = options.unavailableTimeoutMs ?? 2_000;
    const bound = this.unavailableTimeoutMs;
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      maxConnectionPoolSize: 50,
      // Opening a connection takes at most half the outage bound, so that a try started inside
      // the bound ends inside it; waiting for a busy pool's free connection is load, not an
      // outage, and may take longer.
      connectionAcquisitionTimeout: Math.max(10_000, bound),
      connectionTimeout: connectTimeout(bound),
      // Parley opens its transactions itself (the driver's managed ones retry for their own
      // window, at least once even with a zero retry time): `attempt` is the one retry layer.
      maxTransactionRetryTime: 0,
      disableLosslessIntegers: false,
      logging: {
        level: 'warn',
        logger: (level, message) => options.logger[level === 'warn' ? 'warn' : 'debug']({ neo4j: message }),
      },
    });
  }

  /** True while the last contact found the database unreachable and no probe has reached it since. */
  get unavailable(): boolean {
    return this.down;
  }

  /**
   * Runs `once` and retries it on transient failures: an unreachable database (a restart, a
   * cluster leader switch) until the outage bound has passed, other retriable errors
   * (deadlocks between concurrent writers) a few times. Past the bound it fails with
   * DatabaseUnavailableError and trips the breaker, so the next calls fail at once until the
   * probe finds the database back.
   */
  private async attempt<T>(once: () => Promise<T>, attempts = 5): Promise<T> {
    if (this.down) throw this.unavailableError();
    const deadline = performance.now() + this.unavailableTimeoutMs;
    const connect = connectTimeout(this.unavailableTimeoutMs);
    for (let attempt = 1; ; attempt++) {
      try {
        return await once();
      } catch (err) {
        if (isUnavailable(err)) {
          const pause = Math.min(100 * attempt, 300);
          // Another try only if it can fail (at worst a connect timeout) before the deadline.
          if (this.down || performance.now() + pause + connect >= deadline) {
            this.markDown();
            throw this.unavailableError(err);
          }
          await new Promise((r) => setTimeout(r, pause));
          continue;
        }
        if (attempt >= attempts || !(err instanceof Neo4jError) || !err.retriable) throw err;
        await new Promise((r) => setTimeout(r, 50 * 2 ** attempt + Math.random() * 100));
      }
    }
  }

  private unavailableError(cause?: unknown): DatabaseUnavailableError {
    const detail = cause instanceof Error ? `: ${cause.message}` : ' (waiting for it to answer again)';
    return new DatabaseUnavailableError(`Neo4j is unavailable${detail}`, { cause });
  }

  /** Trips the breaker and probes the database until it answers; then calls go through again. */
  private markDown(): void {
    if (this.down || this.closed) return;
    this.down = true;
    this.logger.warn(
      { boundMs: this.unavailableTimeoutMs },
      'Neo4j unreachable; refusing calls until it answers',
    );
    if (this.probing) return;
    this.probing = true;
    void (async () => {
      while (this.down && !this.closed) {
        if (!(await this.ping(this.unavailableTimeoutMs)))
          await new Promise((r) => setTimeout(r, 250).unref());
      }
      this.probing = false;
    })();
  }

  read<T = Record<string, unknown>>(query: Cypher, params: Params = {}): Promise<T[]> {
    return this.run<T>(query, params, 'READ');
  }

  write<T = Record<string, unknown>>(query: Cypher, params: Params = {}): Promise<T[]> {
    return this.run<T>(query, params, 'WRITE');
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.writeTransaction(work);
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
      const result = await this.attempt(() =>
        mode === 'READ'
          ? this.autoCommitRead(query.text, cypherParams(params))
          : this.inTransaction(mode, (tx) => tx.run(query.text, cypherParams(params))),
      );
      const server =
        (result.summary.resultAvailableAfter?.toNumber() ?? 0) +
        (result.summary.resultConsumedAfter?.toNumber() ?? 0);
      stats?.record(query.name, performance.now() - started, server);
      return result.records.map((r) => toPlain(r.toObject()) as T);
    } catch (err) {
      stats?.record(query.name, performance.now() - started, 0);
      if (!(err instanceof DatabaseUnavailableError))
        this.logger.error({ err, cypher: query.name }, 'cypher failed');
      throw err;
    }
  }

  /**
   * Runs `work` in one managed write transaction: all of it commits or none of it does.
   * Transient failures (deadlocks between concurrent writers, leader switches) are retried.
   */
  async writeTransaction<T>(work: (tx: Tx) => Promise<T>, stats?: QueryStats, attempts = 5): Promise<T> {
    return this.attempt(() => this.inTransaction('WRITE', (raw) => work(new Tx(raw, stats))), attempts);
  }

  /**
   * One explicit transaction, committed when `work` resolves and rolled back when it throws.
   */
  private async inTransaction<T>(mode: 'READ' | 'WRITE', work: (tx: Transaction) => Promise<T>): Promise<T> {
    const session = this.session(mode);
    try {
      const tx = session.beginTransaction();
      try {
        const result = await work(tx);
        await tx.commit();
        return result;
      } catch (err) {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        throw err;
      }
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /**
   * A session for one transaction. Reads and writes share the driver's bookmark manager, so that
   * on a cluster a read after a write waits for it (read-your-writes).
   */
  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.name,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
  }

  /**
   * One read statement as an auto-commit transaction: RUN and PULL leave in one write and the
   * answer closes it, where an explicit transaction adds a COMMIT and its round trip (about
   * 0.4 ms a statement on the benchmark machine, decisions.md "Reads run as auto-commit
   * transactions"). A read has nothing to roll back, `attempt` retries it like any other, and the
   * session shares the bookmark manager, so it still waits for the writes before it.
   */
  private async autoCommitRead(text: string, params: Params): Promise<QueryResult> {
    const session = this.session('READ');
    try {
      return await session.run(text, params);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** True when the database answers a trivial query now. */
  async ping(timeoutMs = this.unavailableTimeoutMs): Promise<boolean> {
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: neo4j.session.READ,
      disableAutoCommitRetries: true,
    });
    let timedOut = false;
    try {
      await Promise.race([
        session.run('RETURN 1'),
        new Promise((_, reject) =>
          setTimeout(() => {
            timedOut = true;
            reject(new Error('ping timed out'));
          }, timeoutMs).unref(),
        ),
      ]);
      // Whoever sees the database answer (the probe, or /ready) ends the refusals at once.
      if (this.down) {
        this.down = false;
        this.logger.info('Neo4j answers again; calls go through');
      }
      return true;
    } catch {
      return false;
    } finally {
      // A hung server would hold close() as long as it holds the query: do not wait for it then.
      const closing = session.close().catch(() => undefined);
      if (!timedOut) await closing;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
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
    private readonly tx: Pick<ManagedTransaction, 'run'>,
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
export class Session implements Db {
  constructor(
    private readonly db: Database,
    readonly stats: QueryStats,
  ) {}

  read<T = Record<string, unknown>>(query: Cypher, params: Params = {}): Promise<T[]> {
    return this.db.run<T>(query, params, 'READ', this.stats);
  }

  write<T = Record<string, unknown>>(query: Cypher, params: Params = {}): Promise<T[]> {
    return this.db.run<T>(query, params, 'WRITE', this.stats);
  }

  /** One write transaction, all or nothing, its statements counted with the operation's. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.writeTransaction(work, this.stats);
  }
}

/**
 * The one handle repositories, ingest and curation take for reads, writes and transactions:
 * a resolver passes its operation's Session (counted in the response's stats), the CLI and
 * bulk loads pass the Database.
 */
export interface Db {
  read<T = Record<string, unknown>>(query: Cypher, params?: Params): Promise<T[]>;
  write<T = Record<string, unknown>>(query: Cypher, params?: Params): Promise<T[]>;
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}
