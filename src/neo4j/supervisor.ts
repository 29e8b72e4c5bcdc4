import type { Logger } from '../logger.ts';
import { type EmbeddedNeo4j, type EmbeddedNeo4jOptions, startEmbeddedNeo4j } from './embedded.ts';

export interface SupervisedNeo4j {
  /** Stable for the life of the app: a restart reuses the same port. */
  uri: string;
  pid(): number;
  /** How many times the database was restarted after dying. */
  restarts(): number;
  /**
   * While the database is down and waiting out its back-off, starts it now (an operator's
   * SIGUSR2). Resolves when it is back; false when it was not down or the start failed.
   */
  restartNow(): Promise<boolean>;
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Starts the embedded Neo4j and restarts it when it dies, on the same port and data folder,
 * after `restartDelayMs` (default 1 s), then doubling pauses up to 30 s while starts fail. The
 * driver keeps the same URI, so the API recovers on its own: queries fail with
 * DATABASE_UNAVAILABLE meanwhile, and succeed again once it is back. Tests set a long first
 * delay and end the outage with `restartNow`, so the outage lasts exactly as long as they say.
 */
export async function superviseEmbeddedNeo4j(
  options: Omit<EmbeddedNeo4jOptions, 'onUnexpectedExit'> & { restartDelayMs?: number },
  logger: Logger,
): Promise<SupervisedNeo4j> {
  const { restartDelayMs = 1_000, ...startOptions } = options;
  let stopping = false;
  let restarts = 0;
  let timer: NodeJS.Timeout | undefined;
  let current: EmbeddedNeo4j;
  let port = options.port;
  let down = false;
  let attempt = 0;
  let restarting: Promise<boolean> | undefined;

  const start = async (): Promise<EmbeddedNeo4j> =>
    startEmbeddedNeo4j({ ...startOptions, port, onUnexpectedExit: (code, signal) => onExit(code, signal) });

  /** One restart at a time, whoever asks (the back-off timer or an operator). */
  const restart = (): Promise<boolean> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (restarting) return restarting;
    if (stopping || !down) return Promise.resolve(false);
    restarting = (async () => {
      await Promise.resolve();
      logger.warn({ attempt }, 'restarting the embedded Neo4j');
      try {
        current = await start();
        if (stopping) {
          // stop() came while this start ran; it waits for us, then stops `current`.
          return false;
        }
        down = false;
        attempt = 0;
        restarts += 1;
        logger.warn({ pid: current.pid, uri: current.uri, restarts }, 'embedded Neo4j restarted');
        return true;
      } catch (err) {
        logger.error({ err, attempt }, 'embedded Neo4j restart failed; trying again');
        attempt += 1;
        scheduleRestart();
        return false;
      } finally {
        restarting = undefined;
      }
    })();
    return restarting;
  };

  const scheduleRestart = () => {
    if (timer) clearTimeout(timer);
    if (stopping) return;
    const delay = Math.min(30_000, Math.max(restartDelayMs, 1_000) * 2 ** attempt);
    timer = setTimeout(() => void restart(), attempt === 0 ? restartDelayMs : delay);
  };

  function onExit(code: number | null, signal: NodeJS.Signals | null) {
    // A process that dies while a restart starts it is that restart's failure: its catch
    // schedules the next try with the back-off.
    if (stopping || restarting) return;
    logger.error(
      { code, signal },
      'the embedded Neo4j exited unexpectedly; queries fail with DATABASE_UNAVAILABLE and /ready answers 503 until it is restarted',
    );
    down = true;
    attempt = 0;
    scheduleRestart();
  }

  current = await start();
  const uri = current.uri;
  port = Number(new URL(uri.replace(/^bolt:/, 'http:')).port);
  return {
    uri,
    pid: () => current.pid,
    restarts: () => restarts,
    restartNow: () => (down ? restart() : Promise.resolve(false)),
    stop: async (timeoutMs) => {
      stopping = true;
      if (timer) clearTimeout(timer);
      await restarting;
      await current.stop(timeoutMs);
    },
  };
}
