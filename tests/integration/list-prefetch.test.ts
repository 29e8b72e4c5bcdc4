import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey, parseApiKeys } from '../../src/auth.ts';
import { loadConfig } from '../../src/config.ts';
import {
  eventsOfActors,
  listActors,
  listActorsWithEvents,
} from '../../src/modules/actor/actor.repository.ts';
import { encodeCursor } from '../../src/modules/common/connection.ts';
import type { EventFilter } from '../../src/modules/event/event.repository.ts';
import { participantsOfEvents } from '../../src/modules/event/event.repository.ts';
import { loadCodebook } from '../../src/modules/ingest/codebook.ts';
import { ingestBundle } from '../../src/modules/ingest/ingest.ts';
import { makeBundle } from '../support/bundles.ts';
import { execute, request, TestHelper, testApp } from '../support/harness.ts';

// `actors { nodes { events { nodes { participants } } } }` in one statement
// (cypher/actor/list-events.cypher), checked against the old path: the same selection with a
// second `events` argument set, which the prefetch does not take, so the actor page, the event
// pages and the participants load through their own three statements.
const helper = new TestHelper('list-prefetch');
const db = helper.database;
const readerKey = 'list-prefetch-reader-key-0123';
const security = {
  ...loadConfig({}).security,
  apiKeys: parseApiKeys(`reader:${hashKey(readerKey)}`),
};
const app = testApp(db, { security });
const privateApp = testApp(db, { security: { ...security, publicReads: false } });
// The fragment chains that outrun the selection reader are deeper than the default depth limit.
const deepApp = testApp(db, { security: { ...security, maxDepth: 30 } });
const alpha = helper.id('alpha');
const beta = helper.id('beta');
// Sorts before alpha, and shares a role with beta: participants' order (by role, then id) is
// not the order of their ids.
const aardvark = helper.id('aardvark');
const BUNDLES = 4;
// Every id this file writes sorts after its prefix, and nothing else sits between: the list
// starts at the helper's own actors whatever other files write meanwhile.
const START = encodeCursor([helper.prefix]);

beforeAll(async () => {
  await loadCodebook(db);
  // alpha and beta: two events a bundle (eight each); each bundle's gamma: one.
  for (let i = 0; i < BUNDLES; i++) {
    const bundle = makeBundle(helper.id(`b${i}`), { sharedActors: [alpha, beta] });
    if (i === 0) {
      bundle.actors!.push({ id: aardvark, kind: 'COUNTRY', name: 'Aardvark', aliases: ['Aardvark'] });
      bundle.events![0]!.participants.push({ actorId: aardvark, role: 'PARTICIPANT' });
    }
    await ingestBundle(db, bundle);
  }
  // Actors without any event: a bundle that states only a fact.
  const quiet = makeBundle(helper.id('quiet'));
  await ingestBundle(db, { ...quiet, events: [], documents: [], eventLinks: [] });
});
afterAll(async () => {
  await helper.cleanup();
  await helper.close();
});

const EVENT_FIELDS = 'id summary date { earliest } participants { role actor { id name } }';
const list = (args: string, events: string, extra = '') => `query($after: String) {
  actors(after: $after, ${args}) {
    pageInfo { hasNextPage endCursor }
    nodes { id name kind events(${events}) { pageInfo { hasNextPage endCursor } nodes { ${EVENT_FIELDS} } } ${extra} }
  } }`;
// A second argument set for `events`: the prefetch answers one, so this shape takes the old path.
const OLD_PATH = 'probe: events(first: 1) { nodes { id } }';

type Any = any;
const withoutProbe = (data: Any) => ({
  ...data,
  actors: { ...data.actors, nodes: data.actors.nodes.map(({ probe: _p, ...n }: Any) => n) },
});

async function both(args: string, events: string, after: string | null) {
  const fresh = await execute<Any>(app, list(args, events), { after });
  const old = await execute<Any>(app, list(args, events, OLD_PATH), { after });
  return { fresh, old };
}

describe('the nested actor list', () => {
  it('answers a first page as the old path does, in one statement', async () => {
    const { fresh, old } = await both('first: 7', 'first: 5', START);
    expect(fresh.data).toEqual(withoutProbe(old.data));
    expect(fresh.extensions?.parley?.cypherQueries).toBe(1);
    expect(fresh.extensions?.parley?.statements).toEqual(['actor/list-events[ASC]']);
    expect(old.extensions?.parley?.statements).toContain('actor/list');
    expect(old.extensions?.parley?.statements).toContain('event/participants');

    const nodes = fresh.data.actors.nodes;
    expect(nodes.map((n: Any) => n.id)).toEqual([
      aardvark,
      alpha,
      ...Array.from({ length: BUNDLES }, (_, i) => helper.id(`b${i}-gamma`)),
      beta,
    ]);
    // alpha has more than a page; each gamma fewer than `first`.
    expect(nodes[1].events.nodes).toHaveLength(5);
    expect(nodes[1].events.pageInfo.hasNextPage).toBe(true);
    expect(nodes[2].events.nodes).toHaveLength(1);
    expect(nodes[2].events.pageInfo.hasNextPage).toBe(false);
    expect(nodes[2].events.nodes[0].participants).toEqual([
      { role: 'ACTOR', actor: { id: alpha, name: 'Alpha' } },
      { role: 'HOST', actor: { id: helper.id('b0-gamma'), name: 'Gamma' } },
      { role: 'PARTICIPANT', actor: { id: aardvark, name: 'Aardvark' } },
      { role: 'PARTICIPANT', actor: { id: beta, name: 'Beta' } },
    ]);
    expect(fresh.data.actors.pageInfo.hasNextPage).toBe(true);
  });

  it('answers the page after a cursor, actors without events among it, as the old path does', async () => {
    const first = await execute<Any>(app, list('first: 6', 'first: 5'), { after: START });
    const after = first.data.actors.pageInfo.endCursor;
    const { fresh, old } = await both('first: 3', 'first: 3', after);
    expect(fresh.data).toEqual(withoutProbe(old.data));
    expect(fresh.extensions?.parley?.cypherQueries).toBe(1);
    const ids = fresh.data.actors.nodes.map((n: Any) => n.id);
    expect(ids).toEqual([beta, helper.id('quiet-alpha'), helper.id('quiet-beta')]);
    expect(fresh.data.actors.nodes[0].events.nodes).toHaveLength(3);
    for (const quiet of fresh.data.actors.nodes.slice(1)) {
      expect(quiet.events).toEqual({ pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    }
  });

  it('takes the events arguments the field takes: a filter, the order and a cursor', async () => {
    const firstPage = await execute<Any>(app, list('first: 2', 'first: 3, order: DESC'), { after: START });
    const cursor = firstPage.data.actors.nodes[1].events.pageInfo.endCursor;
    const events = `first: 3, order: DESC, after: "${cursor}", filter: { role: ACTOR }`;
    const { fresh, old } = await both('first: 2', events, START);
    expect(fresh.data).toEqual(withoutProbe(old.data));
    expect(fresh.extensions?.parley?.statements).toEqual(['actor/list-events[DESC]']);
    const alphaEvents = fresh.data.actors.nodes[1].events.nodes;
    expect(alphaEvents.length).toBeGreaterThan(0);
    for (const e of alphaEvents) {
      expect(e.participants).toContainEqual({ role: 'ACTOR', actor: { id: alpha, name: 'Alpha' } });
    }
  });

  it('reads the selection through edges, named fragments and @include', async () => {
    const query = `query($after: String, $withParticipants: Boolean!) {
      actors(first: 3, after: $after) { edges { cursor node { ...A } } } }
      fragment A on Actor { id events(first: 2) { nodes { id ...P } } }
      fragment P on Event { participants(role: ACTOR) @include(if: $withParticipants) { actor { id } } }`;
    const oldQuery = query.replace('fragment A on Actor { id', `fragment A on Actor { id ${OLD_PATH}`);
    for (const withParticipants of [true, false]) {
      const vars = { after: START, withParticipants };
      const fresh = await execute<Any>(app, query, vars);
      const old = await execute<Any>(app, oldQuery, vars);
      expect(fresh.data.actors.edges).toEqual(
        old.data.actors.edges.map(({ node: { probe: _p, ...node }, ...e }: Any) => ({ ...e, node })),
      );
      expect(fresh.extensions?.parley?.statements).toEqual(['actor/list-events[ASC]']);
      const alphaEvents = fresh.data.actors.edges[1].node.events.nodes;
      expect(alphaEvents).toHaveLength(2);
      const meeting = alphaEvents.find((e: Any) => e.id === helper.id('b0-meeting'));
      if (withParticipants) expect(meeting.participants).toEqual([{ actor: { id: alpha } }]);
      else expect(meeting.participants).toBeUndefined();
    }
  });

  it('completes a row projected without a key its selection asks through fragments nested too deep', async () => {
    // The selection reader follows fragments four deep: the keys asked in D (aliases, status,
    // date.latest / text) are not projected, and their fields load the whole rows by id.
    const query = `query($after: String) {
      actors(first: 7, after: $after) { nodes { id events(first: 5) { nodes { id summary ...E1
        participants { role actor { id name ...A1 } } } } } } }
      fragment E1 on Event { ...E2 } fragment E2 on Event { ...E3 } fragment E3 on Event { ...E4 }
      fragment E4 on Event { ...E5 } fragment E5 on Event { status date { latest text } }
      fragment A1 on Actor { ...A2 } fragment A2 on Actor { ...A3 } fragment A3 on Actor { ...A4 }
      fragment A4 on Actor { ...A5 } fragment A5 on Actor { aliases countryCode }`;
    const fresh = await execute<Any>(deepApp, query, { after: START });
    const old = await execute<Any>(
      deepApp,
      query.replace('nodes { id events(first: 5)', `nodes { id ${OLD_PATH} events(first: 5)`),
      { after: START },
    );
    expect(fresh.data).toEqual(withoutProbe(old.data));
    expect(fresh.extensions?.parley?.statements[0]).toBe('actor/list-events[ASC]');
    expect([...(fresh.extensions?.parley?.statements ?? [])].sort()).toEqual([
      'actor/by-ids',
      'actor/list-events[ASC]',
      'event/by-ids',
    ]);
    const gammaEvent = fresh.data.actors.nodes[2].events.nodes[0];
    expect(gammaEvent.status).toBe('ASSERTED');
    expect(gammaEvent.date.latest).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(gammaEvent.participants.find((p: Any) => p.actor.id === aardvark).actor.aliases).toEqual([
      'Aardvark',
    ]);
  });

  it('leaves bad events arguments to the field, which refuses them with its code', async () => {
    const res = await request<Any>(app, list('first: 2', 'first: 2, after: "not-a-cursor"'), {
      after: START,
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.path).toEqual(['actors', 'nodes', 0, 'events']);
    expect(res.extensions?.parley?.statements).toEqual(['actor/list']);
  });

  it('keeps reads behind a key when reads are not public, and answers a reader as the public', async () => {
    const query = list('first: 3', 'first: 2');
    const anonymous = await request<Any>(privateApp, query, { after: START });
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.actors ?? null).toBeNull();
    expect(anonymous.extensions?.parley?.cypherQueries ?? 0).toBe(0);
    const reader = await execute<Any>(
      privateApp,
      query,
      { after: START },
      { authorization: `Bearer ${readerKey}` },
    );
    const open = await execute<Any>(app, query, { after: START });
    expect(reader.data).toEqual(open.data);
    expect(reader.extensions?.parley?.statements).toEqual(['actor/list-events[ASC]']);
  });
});

describe('cypher/actor/list-events.cypher', () => {
  // The fixtures are too small for the walk to be chosen: each plan is forced, as
  // eventPagesOfActors lets tests do, and compared with the statements it stands for.
  const cases: { filter: EventFilter; after: { date: string; id: string } | null }[] = [
    { filter: { order: 'ASC' }, after: null },
    { filter: { order: 'DESC' }, after: null },
    { filter: { order: 'ASC' }, after: { date: '2023-03-03', id: helper.id('b1-letter-sent') } },
    { filter: { order: 'DESC' }, after: { date: '2023-03-03', id: helper.id('b2-meeting') } },
    { filter: { order: 'ASC', role: 'ADDRESSEE' }, after: null },
  ];
  for (const plan of ['walk', 'expand'] as const) {
    it(`answers as list, events-page and participants do, with the ${plan} forced`, async () => {
      // The extra row is beta, which has events: it gets no page.
      const list = { filter: {}, afterId: helper.prefix, limit: 7, shown: 6 };
      for (const { filter, after } of cases) {
        const rows = await listActorsWithEvents(db, list, {
          filter,
          after,
          limit: 4,
          shown: 3,
          participants: true,
          plan,
        });
        const actors = await listActors(db, list.filter, list.afterId, list.limit);
        expect(rows.map((r) => r.actor)).toEqual(actors);
        expect(rows.map((r) => r.wanted)).toEqual([...Array(6).fill(true), false]);
        expect(rows[6]!.actor.id).toBe(beta);
        const shown = actors.slice(0, 6).map((a) => a.id);
        const pages = await eventsOfActors(db, shown, filter, after, 4, plan);
        for (const row of rows.slice(0, 6)) {
          const events = pages.get(row.actor.id) ?? [];
          expect(row.events).toEqual(events);
          expect(row.shownEventIds).toEqual(events.slice(0, 3).map((e) => e.id));
          expect(row.participants).toEqual(await participantsOfEvents(db, row.shownEventIds));
        }
        expect(rows[6]!.events).toEqual([]);
        expect(rows.some((r) => r.events.length === 4)).toBe(true);
      }
    });
  }

  it('reads only the keys asked of each event and participant actor, with their values', async () => {
    const list = { filter: {}, afterId: helper.prefix, limit: 7, shown: 6 };
    const events = { filter: { order: 'ASC' as const }, after: null, limit: 4, shown: 3, participants: true };
    const whole = await listActorsWithEvents(db, list, events);
    const projected = await listActorsWithEvents(db, list, {
      ...events,
      eventKeys: ['id', 'earliest', 'summary'],
      actorKeys: ['id', 'kind', 'name'],
    });
    const pick = (row: object, keys: string[]) =>
      Object.fromEntries(keys.map((k) => [k, (row as Record<string, unknown>)[k]]));
    expect(projected.map((r) => r.events.map((e) => Object.keys(e).sort()))).toEqual(
      whole.map((r) => r.events.map(() => ['earliest', 'id', 'summary'])),
    );
    expect(projected.map((r) => r.events)).toEqual(
      whole.map((r) => r.events.map((e) => pick(e, ['id', 'earliest', 'summary']))),
    );
    expect(projected.map((r) => r.participants)).toEqual(
      whole.map((r) => r.participants.map((p) => ({ ...p, actor: pick(p.actor, ['id', 'kind', 'name']) }))),
    );
    expect(projected.flatMap((r) => r.participants).length).toBeGreaterThan(0);
  });
});
