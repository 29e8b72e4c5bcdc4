import type { Logger } from '../logger.ts';
import { type EmbeddedNeo4j, type EmbeddedNeo4jOptions, startEmbeddedNeo4j } from './embedded.ts';

export interface SupervisedNeo4j {
  /** Stable for the life of the app: a restart reuses the same port. */
  uri: string;
  pid(): number;
  /** How many times the database was restarted after dying. */
  restarts(): number;
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Starts the embedded Neo4j and restarts it when it dies, on the same port and data folder,
 * with growing pauses (1 s … 30 s). The driver keeps the same URI, so the API recovers on its
 * own: queries fail with DATABASE_UNAVAILABLE meanwhile, and succeed again once it is back.
 */
export async function superviseEmbeddedNeo4j(
  options: Omit<EmbeddedNeo4jOptions, 'onUnexpectedExit'>,
  logger: Logger,
): Promise<SupervisedNeo4j> {
  let stopping = false;
  let restarts = 0;
  let timer: NodeJS.Timeout | undefined;
  let current: EmbeddedNeo4j;
  let port = options.port;

  const start = async (): Promise<EmbeddedNeo4j> =>
    startEmbeddedNeo4j({ ...options, port, onUnexpectedExit: (code, signal) => onExit(code, signal) });

  const scheduleRestart = (attempt: number) => {
    const delay = Math.min(30_000, 1_000 * 2 ** attempt);
    timer = setTimeout(async () => {
      if (stopping) return;
      try {
        current = await start();
        restarts += 1;
        logger.warn({ pid: current.pid, uri: current.uri, restarts }, 'embedded Neo4j restarted');
      } catch (err) {
        logger.error({ err, attempt }, 'embedded Neo4j restart failed; trying again');
        scheduleRestart(attempt + 1);
      }
    }, delay);
  };

  function onExit(code: number | null, signal: NodeJS.Signals | null) {
    if (stopping) return;
    logger.error(
      { code, signal },
      'the embedded Neo4j exited unexpectedly; queries fail with DATABASE_UNAVAILABLE and /ready answers 503 until it is restarted',
    );
    scheduleRestart(0);
  }

  current = await start();
  const uri = current.uri;
  port = Number(new URL(uri.replace(/^bolt:/, 'http:')).port);
  return {
    uri,
    pid: () => current.pid,
    restarts: () => restarts,
    stop: async (timeoutMs) => {
      stopping = true;
      if (timer) clearTimeout(timer);
      await current.stop(timeoutMs);
    },
  };
}
