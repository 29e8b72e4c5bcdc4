import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('loadConfig', () => {
  it('gives the zero-setup defaults: embedded Neo4j, port 4000, GraphiQL outside production', () => {
    const c = loadConfig({}, '/srv/parley');
    expect(c.port).toBe(4000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.neo4j.uri).toBeUndefined();
    expect(c.neo4j.database).toBe('neo4j');
    expect(c.embedded).toMatchObject({
      home: '/srv/parley/.parley/neo4j',
      port: 7687,
      heapMiB: 1024,
      pageCacheMiB: 512,
    });
    expect(c.graphiql).toBe(true);
    expect(c.queryStats).toBe(true);
  });

  it('turns GraphiQL and query stats off in production unless enabled explicitly', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphiql).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).queryStats).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', PARLEY_GRAPHIQL: 'true' }).graphiql).toBe(true);
  });

  it('reads an external Neo4j and memory sizes', () => {
    const c = loadConfig({
      NEO4J_URI: 'neo4j+s://example.databases.neo4j.io',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'secret',
      PARLEY_NEO4J_HEAP: '2g',
      PARLEY_NEO4J_PAGECACHE: '256m',
      PARLEY_DATA_DIR: '/var/lib/parley',
    });
    expect(c.neo4j).toEqual({
      uri: 'neo4j+s://example.databases.neo4j.io',
      user: 'reader',
      password: 'secret',
      database: 'neo4j',
      unavailableTimeoutMs: 2000,
    });
    expect(c.embedded.heapMiB).toBe(2048);
    expect(c.embedded.pageCacheMiB).toBe(256);
    expect(c.embedded.home).toBe('/var/lib/parley/neo4j');
  });

  it('names every bad variable in one error', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', PARLEY_NEO4J_HEAP: 'lots' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/NEO4J_URI/);
    expect(message).toMatch(/PARLEY_NEO4J_HEAP/);
  });

  it('reads the outage bound, the first restart delay and the node limits, and refuses them out of range', () => {
    const c = loadConfig({
      PARLEY_DB_UNAVAILABLE_TIMEOUT_MS: '750',
      PARLEY_NEO4J_RESTART_DELAY_MS: '600000',
      PARLEY_MAX_LIST: '50',
      PARLEY_MAX_NODES: '1000',
    });
    expect(c.neo4j.unavailableTimeoutMs).toBe(750);
    expect(c.embedded.restartDelayMs).toBe(600_000);
    expect([c.security.maxList, c.security.maxNodes]).toEqual([50, 1000]);
    expect(() => loadConfig({ PARLEY_DB_UNAVAILABLE_TIMEOUT_MS: '0' })).toThrow(
      /PARLEY_DB_UNAVAILABLE_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ PARLEY_NEO4J_RESTART_DELAY_MS: '-1' })).toThrow(
      /PARLEY_NEO4J_RESTART_DELAY_MS/,
    );
  });

  it('runs live changes in process by default and through Redis when PARLEY_REDIS_URL is set', () => {
    const c = loadConfig({});
    expect(c.live).toEqual({ redisUrl: undefined, queue: 64, maxSubscriptions: 10_000 });
    expect(c.cache).toEqual({ ttlMs: 60_000, maxEntries: 1_000 });
    const r = loadConfig({ PARLEY_REDIS_URL: 'redis://redis:6379/0', PARLEY_CACHE_TTL_MS: '0' });
    expect(r.live.redisUrl).toBe('redis://redis:6379/0');
    expect(r.cache.ttlMs).toBe(0);
    expect(() => loadConfig({ PARLEY_REDIS_URL: 'localhost:6379' })).toThrow(/PARLEY_REDIS_URL/);
    expect(() => loadConfig({ PARLEY_LIVE_QUEUE: '0' })).toThrow(/PARLEY_LIVE_QUEUE/);
  });
});
