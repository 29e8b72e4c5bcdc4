import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../src/modules/ingest/seed.ts';
import { EXAMPLE_OPERATIONS } from '../../src/schema/examples.ts';
import * as web from '../../web/src/queries.ts';
import { request, TestHelper, testApp } from '../support/harness.ts';

// Compiled execution (src/http/jit.ts) against graphql-js's executor, on the seed: the same
// operations give the same responses, errors and codes included.
const helper = new TestHelper('jit');
const db = helper.database;
const compiled = testApp(db);
const interpreted = testApp(db, { jit: false });

beforeAll(async () => {
  await seed(db);
});
afterAll(async () => {
  await helper.cleanup();
  await helper.close();
});

type Any = any;
// Timing and request ids differ from one response to the next; the rest must not.
const comparable = (res: Any) => ({
  status: res.status,
  data: res.data,
  errors: res.errors?.map(({ extensions: { requestId: _r, ...ext } = {}, ...e }: Any) => ({
    ...e,
    extensions: ext,
  })),
  // The same statements, in whatever order the executor starts its loaders.
  statements: [...(res.extensions?.parley?.statements ?? [])].sort(),
});

async function same(query: string, variables: Record<string, unknown> = {}) {
  const a = await request<Any>(compiled, query, variables);
  const b = await request<Any>(interpreted, query, variables);
  expect(comparable(a)).toEqual(comparable(b));
  return a;
}

describe('compiled execution', () => {
  for (const op of EXAMPLE_OPERATIONS) {
    it(`answers the example "${op.title}" as graphql-js does`, async () => {
      const res = await same(op.query);
      expect(res.errors).toBeUndefined();
      expect(JSON.stringify(res.data).length).toBeGreaterThan(100);
    });
  }

  const belarus = { id: 'belarus' };
  const pages: [string, string, Record<string, unknown>][] = [
    ['HOME', web.HOME, {}],
    ['ACTOR', web.ACTOR, belarus],
    ['ACTOR_EVENTS', web.ACTOR_EVENTS, belarus],
    ['NEIGHBORHOOD', web.NEIGHBORHOOD, { ...belarus, limit: 10 }],
    ['SEARCH', web.SEARCH, { text: 'Bel', first: 5 }],
    ['PATHS', web.PATHS, { from: 'belarus', to: 'nato', k: 3, maxHops: 3 }],
  ];
  for (const [name, query, variables] of pages) {
    it(`answers the explorer's ${name} as graphql-js does`, async () => {
      const res = await same(query, variables);
      expect(res.errors).toBeUndefined();
      expect(res.data).toBeTruthy();
    });
  }

  it('gives the same errors and codes: a missing actor, bad arguments, bad variables', async () => {
    const missing = await same('{ actor(id: "no-such-actor") { id events(first: 2) { nodes { id } } } }');
    expect(missing.data).toEqual({ actor: null });
    const badCursor = await same(
      '{ actor(id: "belarus") { events(first: 2, after: "nope") { nodes { id } } } }',
    );
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badVariable = await same('query($n: Int) { actors(first: $n) { nodes { id } } }', { n: 'ten' });
    expect(badVariable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('runs the operation the request names, of several in one document', async () => {
    const document = 'query A { actor(id: "belarus") { name } } query B { actor(id: "nato") { name } }';
    const named = async (operationName: string) => {
      const res = await compiled.fetch('http://parley.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: document, operationName }),
      });
      return ((await res.json()) as Any).data;
    };
    expect(await named('A')).toEqual({ actor: { name: 'Belarus' } });
    expect(await named('B')).toEqual({ actor: { name: 'NATO' } });
    expect(await named('A')).toEqual({ actor: { name: 'Belarus' } });
  });
});
