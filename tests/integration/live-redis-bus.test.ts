import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bus, redisBus } from '../../src/modules/live/bus.ts';
import type { GraphChange } from '../../src/modules/live/changes.ts';
import { type RedisProcess, startRedis } from '../support/redis.ts';

/** The bus's state changes, in order; a test waits for the n-th one (no timer). */
const states: boolean[] = [];
const waiters = new Set<() => void>();
function nthState(n: number): Promise<boolean> {
  return new Promise((resolve) => {
    const check = () => {
      if (states.length < n) return;
      waiters.delete(check);
      resolve(states[n - 1]!);
    };
    waiters.add(check);
    check();
  });
}

let redis: RedisProcess;
let bus: Bus;
let admin: Redis;

beforeAll(async () => {
  redis = await startRedis();
  bus = redisBus(redis.url, pino({ level: 'silent' }));
  bus.onState((up) => {
    states.push(up);
    for (const w of [...waiters]) w();
  });
  admin = new Redis(redis.url);
});
afterAll(async () => {
  admin?.disconnect();
  await bus?.close();
  await redis?.close();
});

const change = (id: string): GraphChange => ({
  id,
  at: new Date(0).toISOString(),
  origin: 'another-process',
  kind: 'ALIAS_ADDED',
  articleId: null,
  outcome: null,
  actorIds: ['a'],
  events: [],
  eventCount: 0,
  truncated: false,
});

describe('the Redis bus', () => {
  it('is down while only its publish connection is lost, and up again once it is back', async () => {
    expect(await nthState(1)).toBe(true);
    const heard: string[] = [];
    let onHeard: () => void = () => undefined;
    bus.listen((c) => {
      heard.push(c.id);
      onHeard();
    });

    // Only the publish connection: the subscribe connection is of type pubsub, and the admin
    // client is skipped (SKIPME yes). A bus that still says "up" here would drop this process's
    // next change silently (its publish client has no offline queue).
    const killed = await admin.client('KILL', 'TYPE', 'normal');
    expect(killed).toBeGreaterThanOrEqual(1);
    expect(await nthState(2)).toBe(false);
    expect(bus.up).toBe(false);

    expect(await nthState(3)).toBe(true);
    const back = new Promise<void>((resolve) => {
      onHeard = resolve;
    });
    bus.publish(change('after-reconnect'));
    await back;
    expect(heard).toEqual(['after-reconnect']);
  });
});
