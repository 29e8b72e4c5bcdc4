import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { type HttpServer, listen } from './http/server.ts';
import type { Logger } from './logger.ts';
import { ensureReferenceData } from './modules/ingest/reference.ts';
import { createLiveHub, DEFAULT_LIVE } from './modules/live/hub.ts';
import { Database } from './neo4j/database.ts';
import { migrate } from './neo4j/migrations.ts';
import { type SupervisedNeo4j, superviseEmbeddedNeo4j } from './neo4j/supervisor.ts';

export interface Parley {
  url: string;
  neo4jUri: string;
  embedded: SupervisedNeo4j | undefined;
  database: Database;
  http: HttpServer;
  /**
   * Graceful stop: end the subscriptions (SERVER_SHUTTING_DOWN; their open streams would hold
   * the drain until its deadline), drain HTTP, close Redis and the driver, stop the embedded
   * database. Idempotent.
   */
  stop(): Promise<void>;
}

/** Starts everything the API needs, in order, and returns a handle that stops it in reverse. */
export async function startParley(config: Config, logger: Logger): Promise<Parley> {
  let embedded: SupervisedNeo4j | undefined;
  let neo4jUri = config.neo4j.uri;
  if (!neo4jUri) {
    const started = Date.now();
    embedded = await superviseEmbeddedNeo4j({ ...config.embedded, logger }, logger);
    neo4jUri = embedded.uri;
    logger.info(
      { uri: neo4jUri, pid: embedded.pid(), home: config.embedded.home, ms: Date.now() - started },
      'embedded Neo4j ready',
    );
  }

  const database = new Database({ ...config.neo4j, uri: neo4jUri, logger });
  const live = createLiveHub(config.live ?? DEFAULT_LIVE, logger);
  let http: HttpServer | undefined;
  try {
    await database.driver.verifyConnectivity({ database: config.neo4j.database });
    await migrate(database, logger);
    if (config.seed) await ensureReferenceData(database, logger);
    const app = createApp({ config, database, logger, live });
    http = await listen(app, config.host, config.port, logger);
  } catch (err) {
    await live.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    await embedded?.stop();
    throw err;
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      const started = Date.now();
      live.drain();
      await http.close(config.shutdownTimeoutMs);
      await live.close();
      await database.close();
      await embedded?.stop();
      logger.info({ ms: Date.now() - started }, 'parley stopped');
    })();
    return stopping;
  };
  return { url: http.url, neo4jUri, embedded, database, http, stop };
}
