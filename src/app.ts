import type { ExecutionResult } from 'graphql';
import { createYoga, type Plugin, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import { identify } from './auth.ts';
import type { Config } from './config.ts';
import { maskError } from './errors.ts';
import { responseCachePlugin } from './http/cache.ts';
import { armorPlugin, errorCodePlugin, introspectionPlugin, requestGuardPlugin } from './http/guards.ts';
import { jitPlugin } from './http/jit.ts';
import { REQUEST_ID_HEADER, requestIdOf, requestIdPlugin } from './http/request-id.ts';
import type { Logger } from './logger.ts';
import { ExtractionPool } from './modules/extraction/pool.ts';
import { createLiveHub, DEFAULT_LIVE, type LiveHub } from './modules/live/hub.ts';
import { type Database, QueryStats } from './neo4j/database.ts';
import type { Context } from './schema/context.ts';
import { EXAMPLE_OPERATIONS } from './schema/examples.ts';
import { schema } from './schema/index.ts';
import { explorerPlugin, renderBundledGraphiQL } from './web/static.ts';

export const STATS_HEADER = 'x-parley-stats';
export { REQUEST_ID_HEADER };
export interface AppOptions {
  /**
   * Without `explorer`, only the API is served (what the in-process tests want); without
   * `cache`, nothing is cached; without `live`, changes stay in this process.
   */
  config: Pick<Config, 'graphiql' | 'queryStats' | 'env' | 'security'> &
    Partial<Pick<Config, 'explorer' | 'extraction' | 'cache' | 'live' | 'jit'>>;
  database: Database;
  logger: Logger;
  /** The live hub to use (tests share one between apps); by default one from `config.live`. */
  live?: LiveHub;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

/** The Yoga instance: a value tests import and call with `app.fetch`, and the server mounts. */
export function createApp({ config, database, logger, live: givenLive }: AppOptions): App {
  const extraction = new ExtractionPool(config.extraction ?? { timeoutMs: 15_000, queue: 4 });
  const live = givenLive ?? createLiveHub(config.live ?? DEFAULT_LIVE, logger);
  const reportStats = (request: Request) => config.queryStats || request.headers.get(STATS_HEADER) === '1';
  /** Adds the operation's Cypher round trips and database time to `extensions.parley`. */
  const queryStatsPlugin: Plugin<Context> = {
    onExecute({ args }) {
      const ctx = args.contextValue;
      if (!ctx.reportStats) return;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const r = result as ExecutionResult;
          setResult({ ...r, extensions: { ...r.extensions, parley: ctx.stats.toJSON() } });
        },
      };
    },
  };

  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: config.graphiql
      ? {
          title: 'Parley — GraphiQL',
          defaultTabs: EXAMPLE_OPERATIONS.map((op) => ({ query: op.query })),
          defaultQuery: EXAMPLE_OPERATIONS[0]?.query,
        }
      : false,
    // The bundled GraphiQL: Yoga's own page loads its assets from a CDN, blank when offline.
    renderGraphiQL: renderBundledGraphiQL,
    // Cross-origin calls only from the configured allow-list; none by default.
    cors: config.security.corsOrigins.length
      ? { origin: config.security.corsOrigins, methods: ['GET', 'POST'], credentials: false, maxAge: 600 }
      : false,
    // Unexpected errors are masked here and logged, with the request id, by requestIdPlugin.
    maskedErrors: { maskError },
    logging: {
      debug: (...args) => logger.debug({ yoga: args }),
      info: (...args) => logger.info({ yoga: args }),
      warn: (...args) => logger.warn({ yoga: args }),
      error: (...args) => logger.error({ yoga: args }),
    },
    context: ({ request }) => {
      const stats = new QueryStats();
      const requestId = requestIdOf(request);
      const ctx: Context = {
        db: database.scoped(stats),
        stats,
        logger: logger.child({ requestId }),
        requestId,
        reportStats: reportStats(request),
        loaders: new Map(),
        identity: identify(request.headers.get('authorization'), config.security.apiKeys),
        publicReads: config.security.publicReads,
        extraction,
        live,
      };
      return ctx;
    },
    plugins: [
      // The explorer's page and assets (GET / and /assets/*) are answered before anything else.
      config.explorer ? explorerPlugin() : {},
      requestGuardPlugin(config.security.maxBodyBytes),
      requestIdPlugin(logger),
      errorCodePlugin(),
      introspectionPlugin(config.security.introspection),
      armorPlugin(config.security),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          const up = await database.ping();
          return Response.json(
            { status: up ? 'ready' : 'unavailable', neo4j: up ? 'up' : 'down' },
            { status: up ? 200 : 503 },
          );
        },
      }),
      // Before the stats plugin, so that what is stored carries no request's stats.
      config.cache && config.cache.ttlMs > 0
        ? responseCachePlugin({
            ttlMs: config.cache.ttlMs,
            maxEntries: config.cache.maxEntries,
            version: () => live.version,
            coherent: () => live.coherent,
            apiKeys: config.security.apiKeys,
            reportStats,
          })
        : {},
      // Compiled execution (on unless `jit: false`): the nested lists' answers are built faster.
      config.jit === false ? {} : jitPlugin(logger),
      queryStatsPlugin,
    ],
  });
}
