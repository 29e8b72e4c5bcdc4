import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { request, TestHelper, testApp } from '../support/harness.ts';

// The node limit is counted once per document and values of its size variables (src/http/guards.ts):
// the same document must still be refused or allowed by the sizes each request gives.
const helper = new TestHelper('overhead-guards');
const db = helper.database;
const security = { ...loadConfig({}).security, maxList: 100, maxNodes: 2_000 };
const app = testApp(db, { security });
afterAll(() => helper.close());

const NESTED = `query Nested($outer: Int, $inner: Int) {
  actors(first: $outer) { nodes { id events(first: $inner) { nodes { id } } } } }`;

describe('the node limit, counted once per document and sizes', () => {
  it('refuses the same document when a later request asks for more, and allows it again after', async () => {
    const small = await request(app, NESTED, { outer: 10, inner: 10 });
    expect(small.errors).toBeUndefined();
    const big = await request(app, NESTED, { outer: 100, inner: 100 });
    expect(big.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(big.errors?.[0]?.extensions?.nodes).toBe(100 + 100 * 100);
    const again = await request(app, NESTED, { outer: 10, inner: 10 });
    expect(again.errors).toBeUndefined();
  });

  it('counts a size left to its default as the default, whatever other variables say', async () => {
    const defaults = await request(app, NESTED, { outer: 90 });
    // 90 actors × 20 events (the default page) = 1 800 + 90: under 2 000.
    expect(defaults.errors).toBeUndefined();
    const over = await request(app, NESTED, { outer: 96, inner: 20 });
    expect(over.errors?.[0]?.extensions?.nodes).toBe(96 + 96 * 20);
  });

  it('refuses one list over the maximum, as a client argument', async () => {
    const res = await request(app, NESTED, { outer: 101, inner: 1 });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.size).toBe(101);
  });

  it('keeps the operations of one document apart', async () => {
    const doc = `query A($n: Int) { actors(first: $n) { nodes { id } } }
      query B($n: Int) { actors(first: $n) { nodes { id events(first: 100) { nodes { id } } } } }`;
    const body = (operationName: string) =>
      app.fetch('http://parley.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: doc, operationName, variables: { n: 50 } }),
      });
    const a = (await (await body('A')).json()) as { errors?: unknown[] };
    expect(a.errors).toBeUndefined();
    const b = (await (await body('B')).json()) as { errors?: { extensions: { nodes: number } }[] };
    expect(b.errors?.[0]?.extensions.nodes).toBe(50 + 50 * 100);
  });
});
