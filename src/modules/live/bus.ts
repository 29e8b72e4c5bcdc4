import { getEventListeners } from 'node:events';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Logger } from '../../logger.ts';
import type { GraphChange } from './changes.ts';

/** The one channel every API process publishes its writes on (a Redis channel when shared). */
export const CHANGES_TOPIC = 'parley:graph-changed';

type Topics = { [CHANGES_TOPIC]: [GraphChange] };

/**
 * How changes reach every API process: Yoga's pub/sub over an in-process EventTarget, or over
 * Redis (`@graphql-yoga/redis-event-target`, ioredis) when PARLEY_REDIS_URL is set.
 */
export interface Bus {
  readonly kind: 'memory' | 'redis';
  /** True while changes published by other processes reach this one. */
  readonly up: boolean;
  publish(change: GraphChange): void;
  /** One listener (the hub's); returns its removal. */
  listen(onChange: (change: GraphChange) => void): () => void;
  /** Called with true when the bus (re)connects and false when it is lost. */
  onState(listener: (up: boolean) => void): void;
  /** Listeners on the underlying event target for the changes topic (for leak checks). */
  listenerCount(): number;
  close(): Promise<void>;
}

/** The embedded default: nothing to run, and only this process hears its writes. */
export function memoryBus(): Bus {
  const target = new EventTarget();
  const pubsub: PubSub<Topics> = createPubSub<Topics>({ eventTarget: target as never });
  return {
    kind: 'memory',
    up: true,
    publish: (change) => pubsub.publish(CHANGES_TOPIC, change),
    listen(onChange) {
      const listener = (e: Event) => onChange((e as CustomEvent<GraphChange>).detail);
      target.addEventListener(CHANGES_TOPIC, listener);
      return () => target.removeEventListener(CHANGES_TOPIC, listener);
    },
    onState: () => undefined,
    listenerCount: () => getEventListeners(target, CHANGES_TOPIC).length,
    close: async () => undefined,
  };
}

/** The URL without its password, for logs. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis://(unparsable)';
  }
}

/**
 * Changes through Redis: a publish client and a subscribe client (a subscribed connection can
 * do nothing else). ioredis reconnects by itself; the bus reports the state so that the hub ends
 * subscriptions while it is lost and the response cache stops trusting its version.
 */
export function redisBus(url: string, logger: Logger): Bus {
  // A publish while Redis is away fails at once (no offline queue): the write has committed,
  // and queueing changes for an outage of unknown length would grow without bound. Processes
  // that missed it drop their caches when they reconnect.
  const publishClient = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  // The subscribe client's commands wait for the connection however long it takes (never reject:
  // redis-event-target does not await them).
  const subscribeClient = new Redis(url, { maxRetriesPerRequest: null });
  const shown = redactedUrl(url);
  let up = false;
  let closing = false;
  // Up needs both connections: the subscription confirmed (others' changes reach this process)
  // and the publish client ready (this process's changes reach the others, and its own
  // subscribers, which hear it back through Redis). Either one alone loses changes.
  let subscribed = false;
  let publishReady = false;
  const stateListeners: ((up: boolean) => void)[] = [];
  const refresh = () => setState(!closing && subscribed && publishReady);
  const setState = (next: boolean) => {
    if (next === up) return;
    up = next;
    if (next)
      logger.info({ redis: shown }, 'live: connected to Redis; changes shared with every API process');
    else logger.warn({ redis: shown }, 'live: lost Redis; live subscriptions end until it is back');
    for (const l of stateListeners) l(next);
  };
  let lastError = '';
  const onError = (err: Error) => {
    // ioredis repeats the same error at every reconnection attempt; log each kind once.
    if (err.message === lastError) return;
    lastError = err.message;
    logger.warn({ redis: shown, err: err.message }, 'live: Redis error');
  };
  publishClient.on('error', onError);
  subscribeClient.on('error', onError);
  publishClient.on('ready', () => {
    publishReady = true;
    refresh();
  });
  publishClient.on('close', () => {
    publishReady = false;
    refresh();
  });
  subscribeClient.on('ready', () => {
    lastError = '';
    // Subscribed only once Redis has confirmed it: a change published after that is heard.
    subscribeClient.subscribe(CHANGES_TOPIC).then(
      () => {
        subscribed = true;
        refresh();
      },
      (err: Error) => onError(err),
    );
  });
  subscribeClient.on('close', () => {
    subscribed = false;
    refresh();
  });

  // redis-event-target publishes without awaiting the reply; a failed publish must be logged,
  // not left as an unhandled rejection that would end the process.
  const safePublisher = {
    publish: (channel: string, message: string) =>
      publishClient.publish(channel, message).catch((err: Error) => {
        logger.warn({ err: err.message, channel }, 'live: a change could not be published to Redis');
        return 0;
      }),
  } as unknown as Redis;
  // The same for its (un)subscribe calls, which reject once the connection is closed for good.
  const safeSubscriber = {
    on: (event: 'message', listener: (channel: string, message: string) => void) =>
      subscribeClient.on(event, listener),
    subscribe: (channel: string) => subscribeClient.subscribe(channel).catch((err: Error) => onError(err)),
    unsubscribe: (channel: string) =>
      subscribeClient.unsubscribe(channel).catch((err: Error) => onError(err)),
  } as unknown as Redis;
  const target = createRedisEventTarget<CustomEvent<GraphChange>>({
    publishClient: safePublisher,
    subscribeClient: safeSubscriber,
  });
  const pubsub: PubSub<Topics> = createPubSub<Topics>({ eventTarget: target as never });
  const listeners = new Set<unknown>();
  return {
    kind: 'redis',
    get up() {
      return up;
    },
    publish: (change) => pubsub.publish(CHANGES_TOPIC, change),
    listen(onChange) {
      const listener = (e: CustomEvent<GraphChange>) => onChange(e.detail);
      target.addEventListener(CHANGES_TOPIC, listener as never);
      listeners.add(listener);
      return () => {
        // Once closing, the connection goes anyway; an UNSUBSCRIBE would only fail.
        if (!closing) target.removeEventListener(CHANGES_TOPIC, listener as never);
        listeners.delete(listener);
      };
    },
    onState: (l) => {
      stateListeners.push(l);
    },
    listenerCount: () => listeners.size,
    async close() {
      closing = true;
      setState(false);
      // Not quit(): while Redis is away it would wait in the offline queue for a reconnection.
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
