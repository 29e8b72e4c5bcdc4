import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOfActors } from '../../src/modules/actor/actor.repository.ts';
import type { EventFilter } from '../../src/modules/event/event.repository.ts';
import { eventsAmong, neighborhoodLayer } from '../../src/modules/exploration/exploration.repository.ts';
import { QueryStats } from '../../src/neo4j/database.ts';
import { ensureGeneratedGraph, GENERATED } from '../support/generated.ts';
import { execute, testApp, testDatabase } from '../support/harness.ts';

// Query-count and limit assertions on a graph of 1 000 actors and 20 000 events: the number
// of Cypher round trips of an operation depends on its depth, never on its number of rows.
const db = testDatabase();
const app = testApp(db);
let hubs: { id: string; events: number }[] = [];

beforeAll(async () => {
  const started = Date.now();
  const summary = await ensureGeneratedGraph(db);
  process.stdout.write(
    `[generated-graph] ${summary.counts.created} created, ${summary.counts.unchanged} unchanged, ${summary.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  const r = await db.driver.executeQuery(
    `MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event) WHERE a.id STARTS WITH $p
     WITH a, count(DISTINCT e) AS events ORDER BY events DESC, a.id LIMIT 2
     RETURN a.id AS id, events`,
    { p: `${GENERATED.idPrefix}-` },
  );
  hubs = r.records.map((x) => ({ id: x.get('id'), events: x.get('events').toNumber() }));
}, 900_000);
afterAll(() => db.close());

const statements = (ext: any) => ext?.parley?.cypherQueries as number;

describe('round trips on a graph of 1 000 actors and 20 000 events', () => {
  it('has the size and the hubs it claims', async () => {
    const r = await db.driver.executeQuery(
      `CALL () { MATCH (a:Actor) WHERE a.id STARTS WITH $p RETURN count(a) AS actors }
       CALL () { MATCH (e:Event) WHERE e.id STARTS WITH $p RETURN count(e) AS events }
       RETURN actors, events`,
      { p: `${GENERATED.idPrefix}-` },
    );
    expect(r.records[0]!.get('actors').toNumber()).toBeGreaterThanOrEqual(1_000);
    expect(r.records[0]!.get('events').toNumber()).toBe(20_000);
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

  it('pages a hub’s events by keyset: consecutive, disjoint, ordered, and two queries a page', async () => {
    const hub = hubs[0]!;
    const direct = await db.driver.executeQuery(
      `MATCH (:Actor {id: $id})-[:PARTICIPATED_IN]->(e:Event) WITH DISTINCT e
       RETURN e.id AS id ORDER BY e.earliest DESC, e.id DESC LIMIT 500`,
      { id: hub.id },
    );
    const expected = direct.records.map((r) => r.get('id'));
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
      expect(statements(res.extensions)).toBe(2);
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
  const pages = async (plan: 'expand' | 'walk', ids: string[], filter: EventFilter, size: number) => {
    const session = db.scoped(new QueryStats());
    const out = new Map<string, string[]>(ids.map((id) => [id, []]));
    let after: Record<string, { date: string; id: string } | null> = Object.fromEntries(
      ids.map((id) => [id, null]),
    );
    for (let page = 0; page < 3; page++) {
      for (const id of ids) {
        const rows =
          (await eventsOfActors(session, [id], filter, after[id] ?? null, size, plan)).get(id) ?? [];
        out.get(id)!.push(...rows.map((e) => `${e.earliest}/${e.id}`));
        const last = rows.at(-1);
        after = { ...after, [id]: last ? { date: String(last.earliest), id: last.id } : null };
      }
    }
    return out;
  };

  it.each([
    ['newest first', { order: 'DESC' }],
    ['oldest first', { order: 'ASC' }],
    ['newest first up to a date', { order: 'DESC', to: '2021-06-30' }],
    ['oldest first up to a date', { order: 'ASC', to: '2021-06-30' }],
  ] as [string, EventFilter][])('%s', async (_name, filter) => {
    const quiet = await db.driver.executeQuery(
      `MATCH (a:Actor) WHERE a.id STARTS WITH $p WITH a, COUNT { (a)-[:PARTICIPATED_IN]->() } AS d
       WHERE d > 0 RETURN a.id AS id ORDER BY d, a.id LIMIT 2`,
      { p: `${GENERATED.idPrefix}-` },
    );
    const ids = [...hubs.map((h) => h.id), ...quiet.records.map((r) => r.get('id') as string)];
    const walk = await pages('walk', ids, filter, 40);
    const expand = await pages('expand', ids, filter, 40);
    expect(walk).toEqual(expand);
    expect(walk.get(hubs[0]!.id)).toHaveLength(120);
    const hub = walk.get(hubs[0]!.id)!;
    const sorted = [...hub].sort();
    expect(hub).toEqual(filter.order === 'DESC' ? sorted.reverse() : sorted);
    if (filter.to) expect(hub.every((k) => k.slice(0, 10) <= filter.to!)).toBe(true);
  });
});

describe('a neighbourhood: the index walk and the expansion find the same rings and events', () => {
  it.each([
    ['the whole graph', {}],
    ['up to a date', { to: '2021-06-30' }],
  ])('%s', async (_name, window) => {
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
    const direct = await db.driver.executeQuery(
      `MATCH (:Actor {id: $a})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(:Actor {id: $b}) RETURN count(DISTINCT e) AS n`,
      { a: a!.id, b: b!.id },
    );
    const { data } = await execute<any>(
      app,
      'query($a: ID!, $b: ID!) { relation(a: $a, b: $b, interval: YEAR) { sharedEventCount timeline { count } } }',
      { a: a!.id, b: b!.id },
    );
    const n = direct.records[0]!.get('n').toNumber();
    expect(data.relation.sharedEventCount).toBe(n);
    const total = data.relation.timeline.reduce((s: number, x: any) => s + x.count, 0);
    expect(total).toBeCloseTo(n, 6);
  });
});
