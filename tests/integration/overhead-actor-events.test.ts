import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCodebook } from '../../src/modules/ingest/codebook.ts';
import { ingestBundle } from '../../src/modules/ingest/ingest.ts';
import { makeBundle } from '../support/bundles.ts';
import { execute, TestHelper, testApp } from '../support/harness.ts';

// `actor(id) { events }` pages in one statement a page: the page's statement returns the
// actor's row too, so no by-ids statement runs before it. Counted through the query stats.
const helper = new TestHelper('overhead-actor-events');
const db = helper.database;
const app = testApp(db);
const alpha = helper.id('alpha');
const beta = helper.id('beta');
const BUNDLES = 5;

beforeAll(async () => {
  await loadCodebook(db);
  // Every bundle adds two events of alpha's: ten in all.
  for (let i = 0; i < BUNDLES; i++) {
    await ingestBundle(db, makeBundle(helper.id(`b${i}`), { sharedActors: [alpha, beta] }));
  }
});
afterAll(async () => {
  await helper.cleanup();
  await helper.close();
});

const PAGE = `query Page($id: ID!, $after: String) {
  actor(id: $id) { id name kind events(first: 2, order: DESC, after: $after) {
    pageInfo { hasNextPage endCursor } nodes { id } } } }`;

describe('actor(id).events', () => {
  it('pages five pages in five statements, each page the next two events', async () => {
    const expected = await helper.run<{ id: string }>(
      `MATCH (:Actor {id: $id})-[:PARTICIPATED_IN]->(e:Event) WITH DISTINCT e
       RETURN e.id AS id ORDER BY e.earliest DESC, e.id DESC`,
      { id: alpha },
    );
    expect(expected).toHaveLength(2 * BUNDLES);
    const seen: string[] = [];
    const statements: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < BUNDLES; page++) {
      const { data, extensions }: { data: any; extensions?: any } = await execute<any>(app, PAGE, {
        id: alpha,
        after,
      });
      expect(data.actor).toMatchObject({ id: alpha, name: 'Alpha', kind: 'COUNTRY' });
      seen.push(...data.actor.events.nodes.map((n: { id: string }) => n.id));
      statements.push(...(extensions?.parley?.statements ?? []));
      expect(extensions?.parley?.cypherQueries).toBe(1);
      after = data.actor.events.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((r) => r.id));
    expect(statements).toEqual(Array(BUNDLES).fill('actor/events-page[DESC]'));
  });

  it('resolves the concrete type from the page statement, through a fragment too', async () => {
    const { data, extensions } = await execute<any>(
      app,
      `query($id: ID!) { actor(id: $id) { __typename ...E } }
       fragment E on Person { events(first: 3) { nodes { id } } }`,
      { id: beta },
    );
    expect(data.actor.__typename).toBe('Person');
    expect(data.actor.events.nodes).toHaveLength(3);
    expect(extensions?.parley?.statements).toEqual(['actor/events-page[ASC]']);
  });

  it('answers null for an actor that does not exist, in that one statement', async () => {
    const { data, extensions } = await execute<any>(app, PAGE, { id: helper.id('nobody'), after: null });
    expect(data.actor).toBeNull();
    expect(extensions?.parley?.statements).toEqual(['actor/events-page[DESC]']);
  });

  it('still reads the actor by id when no events are asked for, or when they are skipped', async () => {
    const plain = await execute<any>(app, 'query($id: ID!) { actor(id: $id) { name } }', { id: alpha });
    expect(plain.data.actor.name).toBe('Alpha');
    expect(plain.extensions?.parley?.statements).toEqual(['actor/by-ids']);
    const skipped = await execute<any>(
      app,
      'query($id: ID!, $no: Boolean!) { actor(id: $id) { name events @skip(if: $no) { nodes { id } } } }',
      { id: alpha, no: true },
    );
    expect(skipped.data.actor).toEqual({ name: 'Alpha' });
    expect(skipped.extensions?.parley?.statements).toEqual(['actor/by-ids']);
  });

  it('leaves a bad cursor to the field, which refuses it with its code', async () => {
    const bad = await app.fetch('http://parley.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: PAGE, variables: { id: alpha, after: 'not-a-cursor' } }),
    });
    const body = (await bad.json()) as any;
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].path).toEqual(['actor', 'events']);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
