import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOfActors } from '../../src/modules/actor/actor.repository.ts';
import type { EventRow } from '../../src/modules/common/rows.ts';
import type { EventFilter } from '../../src/modules/event/event.repository.ts';
import { eventsAmong, neighborhoodLayer } from '../../src/modules/exploration/exploration.repository.ts';
import { QueryStats } from '../../src/neo4j/database.ts';
import { ensureGeneratedGraph, GENERATED } from '../support/generated.ts';
import { execute, TestHelper, testApp } from '../support/harness.ts';

// Query-count and limit assertions on a graph of 1 000 actors and 20 000 events: the number
// of Cypher round trips of an operation depends on its depth, never on its number of rows.
const helper = new TestHelper('generated-graph');
const db = helper.database;
const app = testApp(db);
/** Every id of the generated graph starts with it. */
const GENERATED_PREFIX = `${GENERATED.idPrefix}-`;
let hubs: { id: string; events: number }[] = [];

beforeAll(async () => {
  const started = Date.now();
  const summary = await ensureGeneratedGraph(db);
  process.stdout.write(
    `[generated-graph] ${summary.counts.created} created, ${summary.counts.unchanged} unchanged, ${summary.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  hubs = await helper.run(
    `MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event) WHERE a.id STARTS WITH $p
     WITH a, count(DISTINCT e) AS events ORDER BY events DESC, a.id LIMIT 2
     RETURN a.id AS id, events`,
    { p: GENERATED_PREFIX },
  );
}, 900_000);
// The run's teardown removes the generated graph (tests/support/global-setup.ts).
afterAll(() => helper.close());

const statements = (ext: any) => ext?.parley?.cypherQueries as number;

describe('round trips on a graph of 1 000 actors and 20 000 events', () => {
  it('has the size and the hubs it claims', async () => {
    const [size] = await helper.run(
      `CALL () { MATCH (a:Actor) WHERE a.id STARTS WITH $p RETURN count(a) AS actors }
       CALL () { MATCH (e:Event) WHERE e.id STARTS WITH $p RETURN count(e) AS events }
       RETURN actors, events`,
      { p: GENERATED_PREFIX },
    );
    expect(size!.actors).toBeGreaterThanOrEqual(1_000);
    expect(size!.events).toBe(20_000);
    expect(hubs[0]!.events).toBeGreaterThanOrEqual(2_000);
  });

  it('50 actors → their events → each event’s participants → each participant’s name: at most 4 queries', async () => {
    const { data, extensions } = await execute<any>(
      app,
      `{ actors(first: 50, filter: { kinds: [COUNTRY] }) { nodes { id events(first: 5) { nodes { id participants { role actor { name } } } } } } }`,
    );
    const actors = data.actors.nodes;
    expect(actors).toHaveLength(50);
    const participations = actors.flatMap((a: any) => a.events.nodes.flatMap((e: any) => e.participants));
    expect(participations.length).toBeGreaterThan(200);
    expect(statements(extensions)).toBeLessThanOrEqual(4);
  });

  it('makes the same number of round trips for 5 rows as for 50', async () => {
    const query = `query($n: Int) { actors(first: $n) { nodes { events(first: $n) { nodes {
        type { parent { name } } mentions { article { publisher } } documents { title }
        participants { actor { memberships { object { name } } } } } } } } }`;
    const small = await execute<any>(app, query, { n: 5 });
    const large = await execute<any>(app, query, { n: 50 });
    expect(statements(large.extensions)).toBe(statements(small.extensions));
    // Depth 6 below the root, one query per kind of list at each level.
    expect(statements(large.extensions)).toBeLessThanOrEqual(9);
  });

  it('pages a hub’s events by keyset: consecutive, disjoint, ordered, and one query a page', async () => {
    const hub = hubs[0]!;
    const direct = await helper.run<{ id: string }>(
      `MATCH (:Actor {id: $id})-[:PARTICIPATED_IN]->(e:Event) WITH DISTINCT e
       RETURN e.id AS id ORDER BY e.earliest DESC, e.id DESC LIMIT 500`,
      { id: hub.id },
    );
    const expected = direct.map((r) => r.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: any = await execute<any>(
        app,
        `query($id: ID!, $after: String) { actor(id: $id) { events(first: 100, order: DESC, after: $after) {
            nodes { id } pageInfo { hasNextPage endCursor } } } }`,
        { id: hub.id, after },
      );
      const conn = res.data.actor.events;
      expect(conn.nodes).toHaveLength(100);
      expect(conn.pageInfo.hasNextPage).toBe(true);
      expect(statements(res.extensions)).toBe(1);
      seen.push(...conn.nodes.map((n: any) => n.id));
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    const count = await execute<any>(app, 'query($id: ID!) { actor(id: $id) { events { totalCount } } }', {
      id: hub.id,
    });
    expect(count.data.actor.events.totalCount).toBe(hub.events);
  });
});

describe('an actor’s events: the index walk and the expansion give the same pages', () => {
  // Hubs take the walk down the Event(earliest, id) index, other actors the expansion of their
  // events (cypher/actor/events-page.cypher); forcing each plan must not change a single row.
  const SIZE = 40;
  /** Pages read without a bound: the first three. With one: until a short page, at most this many. */
  const PAGES = 3;
  const MAX_PAGES = 25;
  /** Half a year into the generated dates (1990–1995): the hubs have events on both sides. */
  const BOUND = '1990-06-30';

  const pages = async (plan: 'expand' | 'walk', ids: string[], filter: EventFilter, count: number) => {
    const session = db.scoped(new QueryStats());
    const out = new Map<string, string[]>();
    for (const id of ids) {
      const keys: string[] = [];
      let after: { date: string; id: string } | null = null;
      for (let page = 0; page < count; page++) {
        const rows: EventRow[] =
          (await eventsOfActors(session, [id], filter, after, SIZE, plan)).get(id) ?? [];
        keys.push(...rows.map((e) => `${e.earliest}/${e.id}`));
        const last = rows.at(-1);
        // A short page is the last one.
        if (!last || rows.length < SIZE) break;
        after = { date: String(last.earliest), id: last.id };
      }
      out.set(id, keys);
    }
    return out;
  };

  /** An actor's first events as plain Cypher reads them: the truth both plans must give. */
  const direct = async (id: string, filter: EventFilter, limit: number) =>
    (
      await helper.run<{ key: string }>(
        `MATCH (:Actor {id: $id})-[:PARTICIPATED_IN]->(e:Event)
         WHERE $to IS NULL OR e.earliest <= date($to)
         WITH DISTINCT e
         RETURN toString(e.earliest) + '/' + e.id AS key
         ORDER BY CASE WHEN $desc THEN key END DESC, key
         LIMIT toInteger($limit)`,
        { id, to: filter.to ?? null, desc: filter.order === 'DESC', limit },
      )
    ).map((r) => r.key);

  it.each([
    ['newest first', 'DESC', false],
    ['oldest first', 'ASC', false],
    ['newest first up to a date inside the data', 'DESC', true],
    ['oldest first up to a date inside the data', 'ASC', true],
  ] as const)('%s', async (_name, order, bounded) => {
    const filter: EventFilter = bounded ? { order, to: BOUND } : { order };
    const count = bounded ? MAX_PAGES : PAGES;
    const quiet = await helper.run<{ id: string }>(
      `MATCH (a:Actor) WHERE a.id STARTS WITH $p WITH a, COUNT { (a)-[:PARTICIPATED_IN]->() } AS d
       WHERE d > 0 RETURN a.id AS id ORDER BY d, a.id LIMIT 2`,
      { p: GENERATED_PREFIX },
    );
    const ids = [...hubs.map((h) => h.id), ...quiet.map((r) => r.id)];
    const walk = await pages('walk', ids, filter, count);
    const expand = await pages('expand', ids, filter, count);
    expect(walk).toEqual(expand);
    const hub = walk.get(hubs[0]!.id)!;
    expect(hub).toEqual(await direct(hubs[0]!.id, filter, count * SIZE));
    if (!bounded) {
      expect(hub).toHaveLength(PAGES * SIZE);
      return;
    }
    // Paging stopped at the bound: the hub's events before it came back, none after it did,
    // though it has thousands after it.
    expect(hub.length).toBeGreaterThan(SIZE);
    expect(hub.length).toBeLessThan(MAX_PAGES * SIZE);
    for (const keys of walk.values()) for (const k of keys) expect(k.slice(0, 10) <= BOUND, k).toBe(true);
    const [later] = await helper.run<{ n: number }>(
      `MATCH (:Actor {id: $id})-[:PARTICIPATED_IN]->(e:Event) WHERE e.earliest > date($to)
       RETURN count(DISTINCT e) AS n`,
      { id: hubs[0]!.id, to: BOUND },
    );
    expect(later!.n).toBeGreaterThan(MAX_PAGES * SIZE);
  });
});

describe('a neighbourhood: the index walk and the expansion find the same rings and events', () => {
  /** Mid-way through the generated years (1990–1995): the hubs have events on both sides. */
  const BOUND = '1993-06-30';

  it.each([
    ['the whole graph', {}],
    ['up to a date inside the data', { to: BOUND }],
  ] as [string, { to?: string }][])('%s', async (_name, window) => {
    const session = db.scoped(new QueryStats());
    const frontier = hubs.map((h) => h.id);
    const ring = (plan: 'expand' | 'walk') =>
      neighborhoodLayer(session, frontier, frontier, window, null, 50, 40, plan);
    const [walked, expanded] = [await ring('walk'), await ring('expand')];
    expect(walked.length).toBe(40);
    expect(walked).toEqual(expanded);
    const kept = [...frontier, ...walked.map((r) => r.actor.id)];
    const tying = (plan: 'expand' | 'walk') => eventsAmong(session, kept, window, null, 50, 80, plan);
    const [walkedEvents, expandedEvents] = [await tying('walk'), await tying('expand')];
    expect(walkedEvents.length).toBeGreaterThan(0);
    expect(walkedEvents).toEqual(expandedEvents);
    // Each actor reads its most recent events, so without a bound they come from after it,
    // and with one they stop at it.
    const days = walkedEvents.map((t) => String(t.event.earliest));
    if (window.to) expect(days.filter((d) => d > BOUND)).toEqual([]);
    else expect(days.some((d) => d > BOUND)).toBe(true);
  });
});

describe('exploration within its limits on hubs', () => {
  it('keeps a hub’s depth-2 neighbourhood within the limit, and says it was cut', async () => {
    const { data, extensions } = await execute<any>(
      app,
      'query($id: ID!) { neighborhood(actorId: $id, depth: 2, limit: 40) { truncated nodes { id type depth } edges { source target } } }',
      { id: hubs[0]!.id },
    );
    const g = data.neighborhood;
    expect(g.truncated).toBe(true);
    expect(g.nodes.filter((n: any) => n.type === 'ACTOR')).toHaveLength(40);
    expect(g.nodes.filter((n: any) => n.type === 'EVENT').length).toBeLessThanOrEqual(80);
    const ids = new Set(g.nodes.map((n: any) => n.id));
    for (const e of g.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(statements(extensions)).toBeLessThanOrEqual(6);
  });

  it('finds k shortest paths between two hubs, each hop explained', async () => {
    const { data } = await execute<any>(
      app,
      'query($a: ID!, $b: ID!) { paths(from: $a, to: $b, k: 5, maxHops: 2) { length hops { kind event { id } evidence { quote } } } }',
      { a: hubs[0]!.id, b: hubs[1]!.id },
    );
    expect(data.paths.length).toBeGreaterThan(0);
    expect(data.paths.length).toBeLessThanOrEqual(5);
    for (const p of data.paths) {
      expect(p.length).toBeLessThanOrEqual(2);
      for (const h of p.hops) if (h.kind === 'EVENT') expect(h.evidence.length).toBeGreaterThan(0);
    }
  });

  it('summarises two hubs’ relation consistently with the graph', async () => {
    const [a, b] = hubs;
    const [direct] = await helper.run<{ n: number }>(
      `MATCH (:Actor {id: $a})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(:Actor {id: $b}) RETURN count(DISTINCT e) AS n`,
      { a: a!.id, b: b!.id },
    );
    const { data } = await execute<any>(
      app,
      'query($a: ID!, $b: ID!) { relation(a: $a, b: $b, interval: YEAR) { sharedEventCount timeline { count } } }',
      { a: a!.id, b: b!.id },
    );
    const n = direct!.n;
    expect(data.relation.sharedEventCount).toBe(n);
    const total = data.relation.timeline.reduce((s: number, x: any) => s + x.count, 0);
    expect(total).toBeCloseTo(n, 6);
  });
});
