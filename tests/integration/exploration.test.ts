import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleInput } from '../../src/modules/ingest/bundle.ts';
import { ingestBundle } from '../../src/modules/ingest/ingest.ts';
import { seed } from '../../src/modules/ingest/seed.ts';
import { execute, request, TestHelper, testApp } from '../support/harness.ts';

const helper = new TestHelper('exploration');
const app = testApp(helper.database);

beforeAll(async () => {
  await seed(helper.database);
});
afterAll(async () => {
  await helper.cleanup();
  await helper.close();
});

const PATHS = `query($from: ID!, $to: ID!, $k: Int, $maxHops: Int, $windowFrom: Date, $windowTo: Date) {
  paths(from: $from, to: $to, k: $k, maxHops: $maxHops, windowFrom: $windowFrom, windowTo: $windowTo) {
    length
    actors { id }
    hops {
      kind from { id } to { id } fromRole toRole
      event { id date { earliest latest } }
      fact { type sources }
      evidence { quote article { id publisher } }
    }
  }
}`;

describe('paths: how is Belarus connected to NATO, and on whose word?', () => {
  it('finds the one-step paths through Aleinik’s statements, each hop with its quote', async () => {
    const { data, extensions } = await execute<any>(app, PATHS, { from: 'belarus', to: 'nato', k: 3 });
    const paths = data.paths;
    expect(paths.length).toBe(3);
    expect(paths[0].length).toBe(1);
    const first = paths[0].hops[0];
    expect(first).toMatchObject({
      kind: 'EVENT',
      from: { id: 'belarus' },
      to: { id: 'nato' },
      fromRole: 'ON_BEHALF_OF',
      toRole: 'SUBJECT',
    });
    expect(first.evidence.length).toBeGreaterThan(0);
    const text = (
      await execute<any>(app, '{ article(id: "bbabo-2022-02-09-minsk-ready-security-guarantees") { text } }')
    ).data.article.text as string;
    for (const path of paths) {
      expect(path.actors[0].id).toBe('belarus');
      expect(path.actors.at(-1).id).toBe('nato');
      for (const hop of path.hops) {
        for (const m of hop.evidence) expect(text).toContain(m.quote);
      }
    }
    // Round trips depend on depth: path query, actors, and one per kind of nested list.
    expect(extensions?.parley?.cypherQueries).toBeLessThanOrEqual(5);
  });

  it('crosses structural facts and says where they come from', async () => {
    // Canada and the United States share Lavrov's message (one event step, two relationships)
    // and NATO membership (two structural steps, two relationships): both are shortest.
    const { data } = await execute<any>(app, PATHS, {
      from: 'canada',
      to: 'united-states',
      k: 5,
      maxHops: 2,
    });
    const kinds = data.paths.map((p: any) => p.hops.map((h: any) => h.kind).join('+'));
    expect(kinds).toContain('EVENT');
    expect(kinds).toContain('MEMBER_OF+MEMBER_OF');
    const hops = data.paths.find((p: any) => p.hops[0].kind === 'MEMBER_OF').hops;
    expect(hops.map((h: any) => h.to.id)).toEqual(['nato', 'united-states']);
    expect(hops[0].fact).toEqual({ type: 'MEMBER_OF', sources: ['wikidata'] });
    expect(hops[0].evidence).toEqual([]);
  });

  it('crosses only events inside the window, and still finds the paths through them', async () => {
    const between = { from: 'russia', to: 'nato', k: 5, maxHops: 2 };
    const window = { windowFrom: '2021-12-01', windowTo: '2022-01-31' };
    const eventsOf = (paths: any[]) =>
      paths.flatMap((p: any) => p.hops.flatMap((h: any) => (h.event ? [h.event] : [])));
    // Without the window, the shortest paths go through the meetings of 9 February 2022.
    const open = eventsOf((await execute<any>(app, PATHS, between)).data.paths);
    expect(open.some((e: any) => e.date.earliest > window.windowTo)).toBe(true);

    const { data } = await execute<any>(app, PATHS, { ...between, ...window });
    const crossed = eventsOf(data.paths);
    expect(data.paths.length).toBe(5);
    expect(crossed.map((e: any) => e.id)).toEqual(
      expect.arrayContaining([
        'evt-2021-12-17-russia-publishes-security-guarantee-drafts',
        'evt-2022-01-late-nato-written-reply',
      ]),
    );
    for (const e of crossed) {
      expect(e.date.latest >= window.windowFrom, e.id).toBe(true);
      expect(e.date.earliest <= window.windowTo, e.id).toBe(true);
    }
  });

  it('refuses k and maxHops outside their limits, and unknown actors, with stable codes', async () => {
    const bigK = await request<any>(app, PATHS, { from: 'belarus', to: 'nato', k: 50 });
    expect(bigK.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const deep = await request<any>(app, PATHS, { from: 'belarus', to: 'nato', maxHops: 9 });
    expect(deep.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await request<any>(app, PATHS, { from: 'belarus', to: 'atlantis' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

/**
 * A graph where the shortest connections by relationships are not the admissible ones: A and B
 * share an event (1 step, 2 relationships) and meet through C (2 steps, 4 relationships), and a
 * chain of memberships A–S1–S2–B takes 3 steps in only 3 relationships.
 */
function pathsBundle(id: (suffix: string) => string): BundleInput {
  const text = `${id('report')}. A met B. A met C. C met B.`;
  const at = (quote: string) => {
    const start = text.indexOf(quote);
    return { quote, start, end: start + quote.length, confidence: 0.9 };
  };
  const event = (suffix: string, quote: string, x: string, y: string, day: string) => ({
    id: id(suffix),
    summary: quote,
    cameoCode: '040',
    status: 'ASSERTED' as const,
    date: { earliest: day, latest: day, precision: 'DAY' as const, qualifier: null, text: null },
    participants: [
      { actorId: id(x), role: 'ACTOR' as const },
      { actorId: id(y), role: 'PARTICIPANT' as const },
    ],
    mentions: [at(quote)],
  });
  const member = (subject: string, object: string) => ({
    type: 'MEMBER_OF' as const,
    subjectId: id(subject),
    objectId: id(object),
    source: 'wikidata',
  });
  return {
    bundleVersion: 1,
    article: {
      id: id('article'),
      title: id('report'),
      publisher: 'example.org',
      publishedAt: '2023-03-31',
      language: 'en',
      text,
    },
    actors: ['a', 'b', 'c', 's1', 's2'].map((x) => ({
      id: id(x),
      kind: 'COUNTRY' as const,
      name: x.toUpperCase(),
    })),
    events: [
      event('a-b', 'A met B.', 'a', 'b', '2023-03-20'),
      event('a-c', 'A met C.', 'a', 'c', '2023-01-10'),
      event('c-b', 'C met B.', 'c', 'b', '2023-01-12'),
    ],
    facts: [member('a', 's1'), member('s2', 's1'), member('s2', 'b')],
  };
}

describe('paths: the k shortest among those within maxHops', () => {
  const id = (suffix: string) => helper.id(`paths-${suffix}`);
  const steps = (paths: any[]) =>
    paths.map((p: any) =>
      p.hops.map((h: any) => (h.event ? h.event.id.slice(id('').length) : h.kind)).join(' '),
    );

  beforeAll(async () => {
    await ingestBundle(helper.database, pathsBundle(id));
  });

  it('returns k paths when k exist, though a longer chain of facts has fewer relationships', async () => {
    // The 3-step chain (3 relationships) is shorter than the 2-step path through C (4); with
    // maxHops 2 it must not take one of the k places.
    const { data } = await execute<any>(app, PATHS, { from: id('a'), to: id('b'), k: 2, maxHops: 2 });
    expect(steps(data.paths)).toEqual(['a-b', 'a-c c-b']);
  });

  it('ranks a chain of facts before an event path of as many steps once maxHops admits it', async () => {
    const { data } = await execute<any>(app, PATHS, { from: id('a'), to: id('b'), k: 3, maxHops: 3 });
    expect(steps(data.paths)).toEqual(['a-b', 'MEMBER_OF MEMBER_OF MEMBER_OF', 'a-c c-b']);
  });

  it('does not count the steps of an event outside the window', async () => {
    const { data } = await execute<any>(app, PATHS, {
      from: id('a'),
      to: id('b'),
      k: 2,
      maxHops: 2,
      windowTo: '2023-01-31',
    });
    expect(steps(data.paths)).toEqual(['a-c c-b']);
  });
});

describe('neighborhood', () => {
  const NEIGHBORHOOD = `query($id: ID!, $depth: Int, $limit: Int, $roles: [Role!]) {
    neighborhood(actorId: $id, depth: $depth, limit: $limit, roles: $roles) {
      center truncated
      nodes { id type label depth weight }
      edges { id source target type role }
    }
  }`;

  it('returns the actors and events around Belarus, ready to draw', async () => {
    const { data } = await execute<any>(app, NEIGHBORHOOD, { id: 'belarus', depth: 1, limit: 20 });
    const g = data.neighborhood;
    const ids = new Set(g.nodes.map((n: any) => n.id));
    expect(g.center).toBe('belarus');
    expect(g.nodes[0]).toMatchObject({ id: 'belarus', type: 'ACTOR', depth: 0 });
    const ring1 = g.nodes.filter((n: any) => n.type === 'ACTOR' && n.depth === 1).map((n: any) => n.id);
    expect(ring1[0]).toBe('sergei-aleinik');
    expect(ring1).toEqual(expect.arrayContaining(['russia', 'nato', 'united-states', 'the-west']));
    // Every edge joins two nodes of the graph.
    for (const e of g.edges) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
    }
    expect(g.edges.some((e: any) => e.type === 'PARTICIPATED_IN' && e.role === 'ON_BEHALF_OF')).toBe(true);
    expect(g.truncated).toBe(false);
  });

  it('keeps the most relevant when the limit bites, and says so', async () => {
    const { data } = await execute<any>(app, NEIGHBORHOOD, { id: 'belarus', depth: 2, limit: 3 });
    const actors = data.neighborhood.nodes.filter((n: any) => n.type === 'ACTOR');
    expect(actors.map((n: any) => n.id)).toEqual(['belarus', 'sergei-aleinik', 'russia']);
    expect(data.neighborhood.truncated).toBe(true);
    expect(data.neighborhood.nodes.filter((n: any) => n.type === 'EVENT').length).toBeLessThanOrEqual(6);
  });

  it('labels events as precisely as the article dates them', async () => {
    const { data } = await execute<any>(app, NEIGHBORHOOD, { id: 'russia', depth: 1, limit: 20 });
    const reply = data.neighborhood.nodes.find((n: any) => n.id === 'evt-2022-01-late-nato-written-reply');
    expect(reply.label).toBe('2022-01 late · 040');
  });

  it('refuses a depth or limit outside the bounds', async () => {
    for (const vars of [{ depth: 4 }, { depth: 0 }, { limit: 1000 }]) {
      const res = await request<any>(app, NEIGHBORHOOD, { id: 'belarus', ...vars });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('provenance', () => {
  it('gives the quotes, articles and distinct sources of an event and of a fact', async () => {
    const { data } = await execute<any>(
      app,
      `{ e: provenance(eventId: "evt-2022-02-09-aleinik-ready-to-discuss") { mentionCount sourceCount publishers articles { id } mentions { quote } }
         f: provenance(factId: "HOLDS_POSITION:sergei-aleinik:belarus-foreign-ministry:deputy-minister-of-foreign-affairs") { sourceCount mentions { quote } } }`,
    );
    expect(data.e.sourceCount).toBe(1);
    expect(data.e.mentionCount).toBeGreaterThanOrEqual(2);
    expect(data.e.publishers).toEqual(['bbabo.net']);
    expect(data.f.mentions.map((m: any) => m.quote)).toContain('le vice-ministre biélorusse');
    const bad = await request<any>(app, '{ provenance { sourceCount } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('relation', () => {
  it('summarises what Belarus and Russia share: events, dates, Goldstein, types and a timeline', async () => {
    const { data, extensions } = await execute<any>(
      app,
      `{ relation(a: "belarus", b: "russia", interval: MONTH) {
          a { id } b { id } sharedEventCount first last goldsteinAverage
          countsByType { type { code goldstein } count }
          timeline { start end count exactCount goldsteinSum }
          events(first: 2) { totalCount nodes { id } pageInfo { hasNextPage endCursor } }
        } }`,
    );
    const r = data.relation;
    expect(r.sharedEventCount).toBe(3);
    expect(r.first).toBe('2022-02-09');
    expect(r.last).toBe('2022-02-09');
    const goldsteins = r.countsByType.flatMap((c: any) => Array(c.count).fill(c.type.goldstein));
    expect(goldsteins).toHaveLength(3);
    expect(r.goldsteinAverage).toBeCloseTo(goldsteins.reduce((x: number, y: number) => x + y, 0) / 3, 6);
    expect(r.timeline).toEqual([
      { start: '2022-02-01', end: '2022-02-28', count: 3, exactCount: 3, goldsteinSum: expect.any(Number) },
    ]);
    expect(r.timeline[0].goldsteinSum).toBeCloseTo(r.goldsteinAverage * 3, 6);
    expect(r.events.totalCount).toBe(3);
    expect(r.events.nodes).toHaveLength(2);
    expect(r.events.pageInfo.hasNextPage).toBe(true);
    const next = await execute<any>(
      app,
      'query($after: String) { relation(a: "belarus", b: "russia") { events(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage } } } }',
      { after: r.events.pageInfo.endCursor },
    );
    expect(next.data.relation.events.nodes).toHaveLength(1);
    expect(next.data.relation.events.pageInfo.hasNextPage).toBe(false);
    expect(extensions?.parley?.cypherQueries).toBeLessThanOrEqual(6);
  });

  it('spreads an imprecise shared event over the days it may have happened', async () => {
    const { data } = await execute<any>(
      app,
      '{ relation(a: "nato", b: "russia", from: "2022-01-01", to: "2022-01-31", interval: DAY) { sharedEventCount timeline { start count } } }',
    );
    // The NATO reply of "fin janvier": 21..31 January, one eleventh a day, nothing on the 1st.
    const byDay = new Map(data.relation.timeline.map((b: any) => [b.start, b.count]));
    expect(byDay.get('2022-01-01') ?? 0).toBe(0);
    expect(byDay.get('2022-01-25')).toBeCloseTo(1 / 11, 6);
  });
});
