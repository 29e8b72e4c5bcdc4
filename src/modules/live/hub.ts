import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { type Bus, memoryBus, redisBus } from './bus.ts';
import {
  type ChangeDraft,
  type GraphChange,
  MAX_ACTORS_PER_CHANGE,
  MAX_EVENTS_PER_CHANGE,
} from './changes.ts';

/** The live feed's codes, from the one list of stable codes. */
export const LiveErrorCode = {
  LIVE_UNAVAILABLE: ErrorCode.LIVE_UNAVAILABLE,
  SUBSCRIBER_TOO_SLOW: ErrorCode.SUBSCRIBER_TOO_SLOW,
  LIVE_BUSY: ErrorCode.LIVE_BUSY,
  SERVER_SHUTTING_DOWN: ErrorCode.SERVER_SHUTTING_DOWN,
} as const;

const liveError = (code: string, message: string) => new GraphQLError(message, { extensions: { code } });

export const unavailable = () =>
  liveError(
    LiveErrorCode.LIVE_UNAVAILABLE,
    'The live feed is unavailable (this server lost its connection to Redis); reads and writes go on. Subscribe again shortly.',
  );

/** What a subscriber receives: a change, and the version it brought this process to. */
export interface Delivery {
  change: GraphChange;
  version: number;
}

export interface LiveOptions {
  redisUrl: string | undefined;
  queue: number;
  maxSubscriptions: number;
}

export const DEFAULT_LIVE: LiveOptions = { redisUrl: undefined, queue: 64, maxSubscriptions: 10_000 };

interface Subscriber {
  deliver(d: Delivery): void;
  end(error: GraphQLError | null): void;
}

/**
 * The live side of one API process: it applies every change it hears of (its own writes and,
 * through Redis, the others'), keeps the graph version the response cache keys on, and fans
 * changes out to subscribers, each behind a bounded queue, so that one that does not read holds
 * up no one: past `queue` undelivered messages it is ended with SUBSCRIBER_TOO_SLOW.
 * It holds one listener on the bus however many subscribers there are.
 */
export class LiveHub {
  readonly id = randomUUID();
  private versionValue = 0;
  private readonly subscribers = new Set<Subscriber>();
  private readonly stopListening: () => void;
  private closed = false;
  /** Subscribers ended for falling behind, since start (for logs and tests). */
  slowEnded = 0;

  constructor(
    readonly bus: Bus,
    private readonly options: LiveOptions,
    private readonly logger: Logger,
  ) {
    this.stopListening = bus.listen((change) => this.apply(change));
    bus.onState((up) => {
      if (up) {
        // Writes made elsewhere while Redis was away were not heard: nothing cached before
        // now can be trusted.
        this.bump();
      } else {
        this.endAll(unavailable());
      }
    });
  }

  /**
   * The graph version as this process knows it: one more with every change it applies. The
   * response cache keys on it.
   */
  get version(): number {
    return this.versionValue;
  }

  /** Whether this process hears every write (so that a cached answer may be served). */
  get coherent(): boolean {
    return this.bus.up && !this.closed;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  private bump(): void {
    this.versionValue += 1;
  }

  /**
   * Called by a write after it committed and before its response is sent: bumps the version
   * here at once (this process's cache never serves an answer older than the write), then
   * tells the other processes.
   */
  changed(draft: ChangeDraft): GraphChange {
    const change: GraphChange = {
      ...draft,
      id: randomUUID(),
      at: new Date().toISOString(),
      origin: this.id,
      actorIds: draft.actorIds.slice(0, MAX_ACTORS_PER_CHANGE),
      events: draft.events.slice(0, MAX_EVENTS_PER_CHANGE),
      truncated: draft.actorIds.length > MAX_ACTORS_PER_CHANGE || draft.eventCount > MAX_EVENTS_PER_CHANGE,
    };
    this.bump();
    if (this.bus.kind === 'redis' && !this.bus.up) {
      this.logger.warn(
        { change: change.id },
        'live: Redis is away; other API processes will not hear this write',
      );
    }
    try {
      this.bus.publish(change);
    } catch (err) {
      this.logger.warn({ err }, 'live: a change could not be published');
    }
    return change;
  }

  private apply(change: GraphChange): void {
    // This process bumped for its own write already (before answering it).
    if (change.origin !== this.id) this.bump();
    const delivery = { change, version: this.versionValue };
    for (const s of [...this.subscribers]) s.deliver(delivery);
  }

  /**
   * A subscription's stream: `select` turns a delivery into its message, or null to skip it.
   * Ends with a GraphQLError value (the resolver throws it, so the client gets it as an error
   * with its code) when the subscriber falls behind, the bus is lost, or the process stops.
   */
  subscribe<T>(select: (d: Delivery) => T | null): AsyncIterableIterator<T | GraphQLError> {
    if (this.closed)
      throw liveError(LiveErrorCode.SERVER_SHUTTING_DOWN, 'The server is stopping; subscribe again.');
    if (!this.bus.up) throw unavailable();
    if (this.subscribers.size >= this.options.maxSubscriptions) {
      throw liveError(
        LiveErrorCode.LIVE_BUSY,
        `This server has ${this.options.maxSubscriptions} open subscriptions, its maximum; subscribe again later or elsewhere.`,
      );
    }
    const queue: (T | GraphQLError)[] = [];
    let waiting: ((r: IteratorResult<T | GraphQLError>) => void) | null = null;
    let finished = false;
    const limit = this.options.queue;
    const hub = this;
    const done = (): IteratorResult<T | GraphQLError> => ({ done: true, value: undefined });
    const offer = (value: T | GraphQLError) => {
      if (waiting) {
        const w = waiting;
        waiting = null;
        w({ done: false, value });
      } else queue.push(value);
    };
    const subscriber: Subscriber = {
      deliver(d) {
        const message = select(d);
        if (message === null) return;
        if (queue.length >= limit) {
          hub.slowEnded += 1;
          hub.logger.warn({ queue: limit }, 'live: a subscriber fell behind and was ended');
          queue.length = 0;
          subscriber.end(
            liveError(
              LiveErrorCode.SUBSCRIBER_TOO_SLOW,
              `This subscription fell more than ${limit} messages behind and was ended; read faster, or subscribe again and refetch.`,
            ),
          );
          return;
        }
        offer(message);
      },
      end(error) {
        if (finished) return;
        finished = true;
        hub.subscribers.delete(subscriber);
        if (error) offer(error);
        else if (waiting) {
          const w = waiting;
          waiting = null;
          w(done());
        }
      },
    };
    this.subscribers.add(subscriber);
    const iterator: AsyncIterableIterator<T | GraphQLError> = {
      next() {
        if (queue.length) return Promise.resolve({ done: false, value: queue.shift()! });
        if (finished) return Promise.resolve(done());
        return new Promise((resolve) => {
          waiting = resolve;
        });
      },
      return() {
        subscriber.end(null);
        queue.length = 0;
        if (waiting) {
          const w = waiting;
          waiting = null;
          w(done());
        }
        return Promise.resolve(done());
      },
      throw(err?: unknown) {
        void iterator.return?.();
        return Promise.reject(err);
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /** Ends every open subscription, each with `error` as its last message. */
  endAll(error: GraphQLError): void {
    for (const s of [...this.subscribers]) s.end(error);
  }

  /** Ends the subscriptions (so that their responses finish and HTTP can drain). */
  drain(): void {
    this.closed = true;
    this.endAll(liveError(LiveErrorCode.SERVER_SHUTTING_DOWN, 'The server is stopping; subscribe again.'));
  }

  async close(): Promise<void> {
    this.drain();
    await this.bus.close();
    this.stopListening();
  }
}

export function createLiveHub(options: LiveOptions, logger: Logger): LiveHub {
  const bus = options.redisUrl ? redisBus(options.redisUrl, logger) : memoryBus();
  return new LiveHub(bus, options, logger);
}
