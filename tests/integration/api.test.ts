import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCodebook } from '../../src/modules/ingest/codebook.ts';
import { ingestBundle } from '../../src/modules/ingest/ingest.ts';
import { Database } from '../../src/neo4j/database.ts';
import { makeBundle } from '../support/bundles.ts';
import { execute, logger, request, TestHelper, testApp } from '../support/harness.ts';

const helper = new TestHelper('api');
const db = helper.database;
const app = testApp(db);
// The bundle's events need their CAMEO types.
beforeAll(() => loadCodebook(db));
afterAll(async () => {
  await helper.cleanup();
  await helper.close();
});

describe('the API on a real Neo4j', () => {
  it('answers __typename', async () => {
    const { data } = await execute<{ __typename: string }>(app, '{ __typename }');
    expect(data.__typename).toBe('Query');
  });

  it('reports node counts by label as the database sees them', async () => {
    await ingestBundle(db, makeBundle(helper.id('counts')));
    const { data, extensions } = await execute<{ nodeCounts: { label: string; count: number }[] }>(
      app,
      '{ nodeCounts { label count } }',
    );
    const counts = new Map(data.nodeCounts.map((c) => [c.label, c.count]));
    for (const label of ['Article', 'Event', 'Document', 'Actor', 'Country', 'Person', 'Mention']) {
      const [row] = await helper.run<{ n: number }>(`MATCH (n:${label}) RETURN count(n) AS n`);
      expect(counts.get(label), label).toBe(row?.n);
      expect(row?.n, label).toBeGreaterThan(0);
    }
    expect(extensions?.parley?.cypherQueries).toBe(1);
    expect(extensions?.parley?.statements).toEqual(['stats/node-counts']);
  });

  it('reports query stats only on request when they are off by configuration', async () => {
    const quiet = testApp(db, { queryStats: false });
    const plain = await request(quiet, '{ nodeCounts { label } }');
    expect(plain.extensions?.parley).toBeUndefined();
    const asked = await request(quiet, '{ nodeCounts { label } }', {}, { 'x-parley-stats': '1' });
    expect(asked.extensions?.parley?.cypherQueries).toBe(1);
  });

  it('answers /health and /ready', async () => {
    const health = await app.fetch('http://parley.test/health');
    expect(health.status).toBe(200);
    const ready = await app.fetch('http://parley.test/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', neo4j: 'up' });
  });

  it('rejects an unknown field with a GraphQL validation error, not a 500', async () => {
    const res = await request(app, '{ nodeCounts { label nope } }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('turns an unreachable Neo4j into DATABASE_UNAVAILABLE and a failing /ready', async () => {
    // Port 1 on loopback: nothing listens there.
    const gone = new Database({
      uri: 'bolt://127.0.0.1:1',
      user: 'neo4j',
      password: '',
      database: 'neo4j',
      logger,
    });
    try {
      const down = testApp(gone);
      const res = await request(down, '{ nodeCounts { label } }');
      expect(res.status).toBe(503);
      expect(res.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
      expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|bolt|ServiceUnavailable|at /);
      const ready = await down.fetch('http://parley.test/ready');
      expect(ready.status).toBe(503);
    } finally {
      await gone.close();
    }
  });
});
