import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { EmbeddedNeo4jError } from './neo4j/embedded.ts';
import { startParley } from './runtime.ts';

// The entry point only starts things; everything it starts lives in runtime.ts.
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
const logger = createLogger(config);

try {
  const started = Date.now();
  const parley = await startParley(config, logger);
  const neo4j = parley.embedded
    ? `embedded Neo4j 5.26 at ${parley.neo4jUri} (data in ${config.embedded.home})`
    : `Neo4j at ${parley.neo4jUri} (database ${config.neo4j.database})`;
  logger.info({ ms: Date.now() - started, url: parley.url }, 'parley started');
  process.stdout.write(
    [
      '',
      `  Parley is up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      ...(config.explorer ? [`  Explorer  ${parley.url}/   (open it in a browser)`] : []),
      `  GraphQL   ${parley.url}/graphql${config.graphiql ? '   (GraphiQL: open it in a browser)' : ''}`,
      `  Health    ${parley.url}/health   Ready ${parley.url}/ready`,
      `  Neo4j     ${neo4j}`,
      '',
      '',
    ].join('\n'),
  );

  let signals = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: stopping now');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down: draining requests');
    parley.stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  // An operator (or a fault test) ends an outage of the embedded Neo4j now instead of waiting
  // out the supervisor's back-off.
  process.on('SIGUSR2', () => {
    if (!parley.embedded) return logger.warn('SIGUSR2 restarts the embedded Neo4j; there is none');
    void parley.embedded.restartNow();
  });
  process.on('SIGINT', shutdown);
} catch (err) {
  if (err instanceof EmbeddedNeo4jError) {
    logger.fatal(err.message);
    process.stderr.write(`\n${err.message}\n`);
  } else {
    logger.fatal({ err }, 'parley failed to start');
  }
  process.exit(1);
}
