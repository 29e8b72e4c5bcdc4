import path from 'node:path';
import { z } from 'zod';
import { type ApiKey, parseApiKeys } from './auth.ts';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const memory = z
  .string()
  .regex(/^\d+[mMgG]$/, 'a size such as 512m or 1g')
  .transform((v) => {
    const n = Number.parseInt(v.slice(0, -1), 10);
    return v.endsWith('g') || v.endsWith('G') ? n * 1024 : n;
  });

const port = z.coerce.number().int().min(0).max(65535);

/** Every environment variable Parley reads, with its default. Nothing else reads process.env. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'a neo4j:// or bolt:// URI')
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  PARLEY_DATA_DIR: z.string().min(1).default('.parley'),
  PARLEY_NEO4J_PORT: port.default(7687),
  PARLEY_NEO4J_HEAP: memory.default(1024),
  PARLEY_NEO4J_PAGECACHE: memory.default(512),
  PARLEY_NEO4J_START_TIMEOUT_MS: z.coerce.number().int().positive().default(180_000),
  PARLEY_NEO4J_RESTART_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(1_000),
  PARLEY_DB_UNAVAILABLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  PARLEY_GRAPHIQL: boolean.optional(),
  PARLEY_SEED: boolean.default(true),
  PARLEY_EXPLORER: boolean.default(true),
  PARLEY_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  PARLEY_QUERY_STATS: boolean.optional(),
  PARLEY_JIT: boolean.default(true),
  PARLEY_API_KEYS: z.string().optional(),
  PARLEY_PUBLIC_READS: boolean.default(true),
  PARLEY_CORS_ORIGINS: z.string().optional(),
  PARLEY_INTROSPECTION: boolean.optional(),
  PARLEY_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(8 * 1024 * 1024),
  PARLEY_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
  PARLEY_MAX_ALIASES: z.coerce.number().int().min(1).max(1000).default(30),
  PARLEY_MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(5_000),
  PARLEY_MAX_LIST: z.coerce.number().int().min(1).max(10_000).default(100),
  PARLEY_EXTRACT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  PARLEY_EXTRACT_QUEUE: z.coerce.number().int().min(0).max(1_000).default(4),
  PARLEY_MAX_NODES: z.coerce.number().int().min(100).max(100_000_000).default(500_000),
  PARLEY_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'a redis:// or rediss:// URL')
    .optional(),
  PARLEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  PARLEY_CACHE_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
  PARLEY_LIVE_QUEUE: z.coerce.number().int().min(1).max(10_000).default(64),
  PARLEY_LIVE_MAX_SUBSCRIPTIONS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  /** extractArticle runs in a worker thread: a run past timeoutMs is stopped; beyond queue waiting runs, EXTRACTION_BUSY. */
  extraction: { timeoutMs: number; queue: number };
  host: string;
  port: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  neo4j: {
    /** Undefined: start the embedded Neo4j. */
    uri: string | undefined;
    user: string;
    password: string;
    database: string;
    /**
     * While the database cannot be reached, a request fails with DATABASE_UNAVAILABLE within
     * this bound instead of waiting out the driver's retries.
     */
    unavailableTimeoutMs: number;
  };
  embedded: {
    home: string;
    port: number;
    heapMiB: number;
    pageCacheMiB: number;
    startTimeoutMs: number;
    /** Pause before the supervisor's first restart of a dead embedded Neo4j; later ones double. */
    restartDelayMs: number;
  };
  graphiql: boolean;
  /** Load the CAMEO codebook and the seed article into an empty database at start-up. */
  seed: boolean;
  /** Serve the explorer (web/dist) at `/`. */
  explorer: boolean;
  shutdownTimeoutMs: number;
  /** Report Cypher round trips and database time in every response's extensions. */
  queryStats: boolean;
  /** Execute operations compiled by graphql-jit (docs/decisions.md); off: graphql-js's executor. */
  jit: boolean;
  /**
   * The response cache of public reads: an answer lives at most ttlMs (0: no cache), and is
   * dropped at once when a write is seen (docs/decisions.md, "The response cache keys on a
   * graph version").
   */
  cache: { ttlMs: number; maxEntries: number };
  live: {
    /** Undefined: changes travel in this process only. Set: through Redis, to every API process. */
    redisUrl: string | undefined;
    /** Messages one subscriber may fall behind before it is ended (SUBSCRIBER_TOO_SLOW). */
    queue: number;
    /** Open subscriptions one process accepts (LIVE_BUSY beyond). */
    maxSubscriptions: number;
  };
  security: {
    apiKeys: ApiKey[];
    /** Reads need no key. Writes always need an editor key. */
    publicReads: boolean;
    /** Origins allowed to call the API from a browser; empty: same origin only. */
    corsOrigins: string[];
    introspection: boolean;
    /** Field suggestions ("did you mean …?") in validation errors. */
    fieldSuggestions: boolean;
    maxBodyBytes: number;
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    /** The largest `first`/`limit` one list field may ask for. */
    maxList: number;
    /** The most nodes an operation may return: each list's size multiplied down the tree. */
    maxNodes: number;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; fails with one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  let apiKeys: ApiKey[];
  try {
    apiKeys = parseApiKeys(e.PARLEY_API_KEYS);
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  PARLEY_API_KEYS: ${(err as Error).message}`);
  }
  const dataDir = path.resolve(cwd, e.PARLEY_DATA_DIR);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      unavailableTimeoutMs: e.PARLEY_DB_UNAVAILABLE_TIMEOUT_MS,
    },
    embedded: {
      home: path.join(dataDir, 'neo4j'),
      port: e.PARLEY_NEO4J_PORT,
      heapMiB: e.PARLEY_NEO4J_HEAP,
      pageCacheMiB: e.PARLEY_NEO4J_PAGECACHE,
      startTimeoutMs: e.PARLEY_NEO4J_START_TIMEOUT_MS,
      restartDelayMs: e.PARLEY_NEO4J_RESTART_DELAY_MS,
    },
    graphiql: e.PARLEY_GRAPHIQL ?? !production,
    seed: e.PARLEY_SEED,
    explorer: e.PARLEY_EXPLORER,
    shutdownTimeoutMs: e.PARLEY_SHUTDOWN_TIMEOUT_MS,
    extraction: { timeoutMs: e.PARLEY_EXTRACT_TIMEOUT_MS, queue: e.PARLEY_EXTRACT_QUEUE },
    queryStats: e.PARLEY_QUERY_STATS ?? !production,
    jit: e.PARLEY_JIT,
    cache: { ttlMs: e.PARLEY_CACHE_TTL_MS, maxEntries: e.PARLEY_CACHE_ENTRIES },
    live: {
      redisUrl: e.PARLEY_REDIS_URL,
      queue: e.PARLEY_LIVE_QUEUE,
      maxSubscriptions: e.PARLEY_LIVE_MAX_SUBSCRIPTIONS,
    },
    security: {
      apiKeys,
      publicReads: e.PARLEY_PUBLIC_READS,
      corsOrigins: (e.PARLEY_CORS_ORIGINS ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
      introspection: e.PARLEY_INTROSPECTION ?? !production,
      fieldSuggestions: !production,
      maxBodyBytes: e.PARLEY_MAX_BODY_BYTES,
      maxDepth: e.PARLEY_MAX_DEPTH,
      maxAliases: e.PARLEY_MAX_ALIASES,
      maxTokens: e.PARLEY_MAX_TOKENS,
      maxList: e.PARLEY_MAX_LIST,
      maxNodes: e.PARLEY_MAX_NODES,
    },
  };
}
