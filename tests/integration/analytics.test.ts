import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBundles } from '../../src/generator/generate.ts';
import { PRECISIONS } from '../../src/modules/common/vocabulary.ts';

import { ingestBundle } from '../../src/modules/ingest/ingest.ts';
import { seed } from '../../src/modules/ingest/seed.ts';
import { execute, request, TestHelper, testApp } from '../support/harness.ts';

const helper = new TestHelper('analytics');
const db = helper.database;
const app = testApp(db);

/** The seed article's events all lie in this window, so nothing in it is clipped. */
const SEED_WINDOW = { from: '2021-12-01', to: '2022-02-28' };
const DAY_9 = { from: '2022-02-09', to: '2022-02-09' };

const cypherRows = (query: string, params: Record<string, unknown> = {}) => helper.run(query, params);

const HISTOGRAM = `query($filter: EventFilter, $interval: Interval!) {
  eventHistogram(filter: $filter, interval: $interval) {
    start end count exactCount goldsteinSum goldsteinAverage
  }
}`;

const TOP = `query($from: Date, $to: Date, $by: TopActorsBy, $kinds: [ActorKind!], $minEvents: Int, $first: Int) {
  topActors(from: $from, to: $to, by: $by, kinds: $kinds, minEvents: $minEvents, first: $first) {
    rank events partners goldsteinAverage actor { id name kind }
  }
}`;

const BY_TYPE = `query($filter: EventFilter, $level: Int) {
  eventCountsByType(filter: $filter, level: $level) { count goldsteinSum type { code name level } }
}`;

const BY_QUAD = `query($filter: EventFilter) {
  eventCountsByQuadClass(filter: $filter) { quadClass name count }
}`;

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

beforeAll(async () => {
  await seed(db);
});
afterAll(() => helper.close());

describe('analytics on the seed article', () => {
  /** The seed's events with the Goldstein score of their type, as the graph holds them. */
  let seedEvents: {
    id: string;
    code: string;
    earliest: string;
    latest: string;
    goldstein: number;
    quadClass: number;
  }[];

  beforeAll(async () => {
    seedEvents = (await cypherRows(
      `MATCH (:Article {id: 'bbabo-2022-02-09-minsk-ready-security-guarantees'})<-[:IN]-(:Mention)-[:SUPPORTS]->(e:Event)
       MATCH (e)-[:OF_TYPE]->(t:EventType)
       RETURN DISTINCT e.id AS id, e.cameoCode AS code, toString(e.earliest) AS earliest, toString(e.latest) AS latest,
              t.goldstein AS goldstein, t.quadClass AS quadClass`,
    )) as typeof seedEvents;
    expect(seedEvents).toHaveLength(10);
  });

  const goldsteinOf = (pred: (e: (typeof seedEvents)[number]) => boolean) =>
    sum(seedEvents.filter(pred).map((e) => e.goldstein));

  it('counts December 1, January 3 and February 6 by MONTH, with their Goldstein sums', async () => {
    const { data, extensions } = await execute<any>(app, HISTOGRAM, {
      filter: SEED_WINDOW,
      interval: 'MONTH',
    });
    const buckets = data.eventHistogram;
    expect(buckets.map((b: any) => [b.start, b.end, b.count, b.exactCount])).toEqual([
      ['2021-12-01', '2021-12-31', 1, 1],
      ['2022-01-01', '2022-01-31', 3, 3],
      ['2022-02-01', '2022-02-28', 6, 6],
    ]);
    const dec = goldsteinOf((e) => e.earliest.startsWith('2021-12'));
    const jan = goldsteinOf((e) => e.earliest.startsWith('2022-01'));
    const feb = goldsteinOf((e) => e.earliest.startsWith('2022-02'));
    // 020 (3); 2 × 040 (1) + 020 (3); 040 + 2 × 051 + 036 + 012 + 020.
    expect([dec, jan, feb]).toEqual([3, 5, expect.closeTo(14.4, 10)]);
    expect(buckets[0].goldsteinSum).toBeCloseTo(dec, 10);
    expect(buckets[1].goldsteinSum).toBeCloseTo(jan, 10);
    expect(buckets[2].goldsteinSum).toBeCloseTo(feb, 10);
    expect(buckets[2].goldsteinAverage).toBeCloseTo(feb / 6, 10);
    expect(extensions?.parley?.cypherQueries).toBe(1);
    expect(extensions?.parley?.statements).toEqual(['analytics/interval-rows']);
  });

  it('spreads the two "fin janvier" replies over 21…31 January by DAY, and puts nothing on 1 January', async () => {
    const { data, extensions } = await execute<any>(app, HISTOGRAM, {
      filter: SEED_WINDOW,
      interval: 'DAY',
    });
    const buckets: any[] = data.eventHistogram;
    expect(buckets).toHaveLength(31 + 31 + 28);
    expect(buckets[0].start).toBe('2021-12-01');
    expect(buckets.at(-1).end).toBe('2022-02-28');
    const byDay = new Map(buckets.map((b) => [b.start, b]));
    expect(byDay.get('2022-01-01')).toMatchObject({ count: 0, exactCount: 0, goldsteinAverage: null });
    expect(byDay.get('2022-01-20')!.count).toBe(0);
    for (let d = 21; d <= 31; d++) {
      const b = byDay.get(`2022-01-${d}`)!;
      const lavrov = d === 28 ? 1 : 0;
      expect(b.count, `2022-01-${d}`).toBeCloseTo(2 / 11 + lavrov, 10);
      expect(b.exactCount).toBe(lavrov);
      // The replies are 040 Consult (Goldstein 1), the 28 January message 020 (3).
      expect(b.goldsteinSum).toBeCloseTo((2 / 11) * 1 + lavrov * 3, 10);
    }
    expect(byDay.get('2022-02-01')!.count).toBe(0);
    expect(byDay.get('2021-12-17')).toMatchObject({ count: 1, exactCount: 1, goldsteinSum: 3 });
    expect(byDay.get('2022-02-09')).toMatchObject({ count: 6, exactCount: 6 });
    expect(sum(buckets.map((b) => b.count))).toBeCloseTo(10, 10);
    expect(sum(buckets.map((b) => b.exactCount))).toBe(8);
    expect(extensions?.parley?.cypherQueries).toBe(1);
  });

  it('starts WEEK buckets on Mondays and spreads the replies over the weeks they overlap', async () => {
    const { data } = await execute<any>(app, HISTOGRAM, {
      filter: { from: '2022-01-17', to: '2022-02-13' },
      interval: 'WEEK',
    });
    expect(data.eventHistogram.map((b: any) => [b.start, b.end])).toEqual([
      ['2022-01-17', '2022-01-23'],
      ['2022-01-24', '2022-01-30'],
      ['2022-01-31', '2022-02-06'],
      ['2022-02-07', '2022-02-13'],
    ]);
    const counts = data.eventHistogram.map((b: any) => b.count);
    [(2 * 3) / 11, (2 * 7) / 11 + 1, (2 * 1) / 11, 6].forEach((c, i) => {
      expect(counts[i]).toBeCloseTo(c, 10);
    });
  });

  it('honours the event filter as `events` does, including actorId and role', async () => {
    const filters = [
      SEED_WINDOW,
      { ...SEED_WINDOW, actorId: 'belarus' },
      { ...SEED_WINDOW, actorId: 'sergei-aleinik', role: 'SPEAKER' },
      { ...SEED_WINDOW, actorId: 'sergei-aleinik', role: 'PARTICIPANT' },
      { ...SEED_WINDOW, actorId: 'russia' },
      { ...SEED_WINDOW, role: 'RECIPIENT' },
      { ...SEED_WINDOW, typePrefix: '0', status: 'ASSERTED' },
      { ...SEED_WINDOW, type: '040' },
      { ...SEED_WINDOW, typePrefix: '05' },
      { from: '2022-01-25', to: '2022-02-09', actorId: 'united-states' },
      { ...SEED_WINDOW, status: 'PLANNED' },
      { ...SEED_WINDOW, actorId: 'atlantis' },
    ];
    const expected = [10, 4, 4, 1, 8, 3, 10, 3, 2, 5, 0, 0];
    for (const [i, filter] of filters.entries()) {
      const { data } = await execute<any>(
        app,
        `query($filter: EventFilter) {
          events(filter: $filter, first: 1) { totalCount }
          eventHistogram(filter: $filter, interval: YEAR) { count }
          eventCountsByType(filter: $filter) { count }
          eventCountsByQuadClass(filter: $filter) { count }
        }`,
        { filter },
      );
      const label = JSON.stringify(filter);
      expect(data.events.totalCount, label).toBe(expected[i]);
      // The 25 January window cuts the US reply (7 of its 11 days are inside it).
      const histogram = sum(data.eventHistogram.map((b: any) => b.count));
      if (filter.from === '2022-01-25') expect(histogram, label).toBeCloseTo(7 / 11 + 4, 10);
      else expect(histogram, label).toBeCloseTo(expected[i]!, 10);
      expect(sum(data.eventCountsByType.map((c: any) => c.count)), label).toBe(expected[i]);
      expect(sum(data.eventCountsByQuadClass.map((c: any) => c.count)), label).toBe(expected[i]);
    }
  });

  it('ranks actors by EVENTS on 9 February 2022: Sergei Aleinik, then Belarus', async () => {
    const { data, extensions } = await execute<any>(app, TOP, { ...DAY_9, first: 100 });
    expect(data.topActors.map((r: any) => [r.rank, r.actor.id, r.events])).toEqual([
      [1, 'sergei-aleinik', 5],
      [2, 'belarus', 4],
      [3, 'russia', 4],
      [4, 'united-states', 3],
      [5, 'nato', 2],
      [6, 'canada', 1],
      [7, 'csto', 1],
      [8, 'european-countries', 1],
      [9, 'the-west', 1],
      [10, 'valdai-club', 1],
    ]);
    expect(data.topActors[0]).toMatchObject({
      partners: 7,
      goldsteinAverage: expect.closeTo((1 + 3.4 + 4 + 3.4 - 0.4) / 5, 10),
      actor: { id: 'sergei-aleinik', name: 'Sergei Aleinik', kind: 'PERSON' },
    });
    // The actors come with the ranking: no loader round trip for actor { id name kind }.
    expect(extensions?.parley?.cypherQueries).toBe(1);
    expect(extensions?.parley?.statements).toEqual(['analytics/top-actors']);
  });

  it('ranks actors by PARTNERS and by GOLDSTEIN as computed by hand from the bundle', async () => {
    const partners = await execute<any>(app, TOP, { ...DAY_9, by: 'PARTNERS' });
    expect(partners.data.topActors.map((r: any) => [r.actor.id, r.partners])).toEqual([
      ['russia', 7],
      ['sergei-aleinik', 7],
      ['united-states', 6],
      ['belarus', 5],
      ['nato', 4],
      ['canada', 3],
      ['european-countries', 3],
      ['the-west', 3],
      ['csto', 2],
      ['valdai-club', 2],
    ]);
    expect(partners.extensions?.parley?.cypherQueries).toBe(1);

    const goldstein = await execute<any>(app, TOP, { ...DAY_9, by: 'GOLDSTEIN' });
    const g = goldstein.data.topActors.map((r: any) => [r.actor.id, r.goldsteinAverage]);
    expect(g.map((x: any) => x[0])).toEqual([
      'the-west', // 036 alone: 4
      'canada', // 020: 3
      'european-countries', // 020: 3
      'belarus', // (3.4 + 4 + 3.4 − 0.4) / 4 = 2.6
      'russia', // (4 + 3.4 − 0.4 + 3) / 4 = 2.5
      'sergei-aleinik', // (1 + 3.4 + 4 + 3.4 − 0.4) / 5 = 2.28
      'united-states', // (3.4 − 0.4 + 3) / 3 = 2
      'nato', // (3.4 − 0.4) / 2 = 1.5
      'csto', // 040: 1
      'valdai-club', // 040: 1
    ]);
    [4, 3, 3, 2.6, 2.5, 2.28, 2, 1.5, 1, 1].forEach((v, i) => {
      expect(g[i][1]).toBeCloseTo(v, 10);
    });

    const seasoned = await execute<any>(app, TOP, { ...DAY_9, by: 'GOLDSTEIN', minEvents: 2, first: 3 });
    expect(seasoned.data.topActors.map((r: any) => [r.rank, r.actor.id, r.events])).toEqual([
      [1, 'belarus', 4],
      [2, 'russia', 4],
      [3, 'sergei-aleinik', 5],
    ]);
    expect(seasoned.extensions?.parley?.cypherQueries).toBe(1);
  });

  it('filters topActors by kind, and counts only events in the window', async () => {
    const countries = await execute<any>(app, TOP, { ...DAY_9, kinds: ['COUNTRY'] });
    expect(countries.data.topActors.map((r: any) => [r.actor.id, r.events, r.partners])).toEqual([
      ['belarus', 4, 5],
      ['russia', 4, 7],
      ['united-states', 3, 6],
      ['canada', 1, 3],
    ]);
    // Over the whole article, Russia takes part in all but the conference and the praise.
    const all = await execute<any>(app, TOP, { ...SEED_WINDOW, first: 2 });
    expect(all.data.topActors.map((r: any) => [r.actor.id, r.events])).toEqual([
      ['russia', 8],
      ['united-states', 6],
    ]);
  });

  it('counts events per CAMEO root, and per code one level down, with their Goldstein sums', async () => {
    const { data, extensions } = await execute<any>(app, BY_TYPE, { filter: SEED_WINDOW });
    expect(data.eventCountsByType.map((c: any) => [c.type.code, c.count, c.type.level])).toEqual([
      ['02', 3, 1],
      ['04', 3, 1],
      ['05', 2, 1],
      ['01', 1, 1],
      ['03', 1, 1],
    ]);
    expect(sum(data.eventCountsByType.map((c: any) => c.count))).toBe(10);
    const byCode = new Map(data.eventCountsByType.map((c: any) => [c.type.code, c.goldsteinSum]));
    for (const root of ['01', '02', '03', '04', '05']) {
      // Each event's own type's score, summed under its root (the 051s: 3.4, not the root's 3.5).
      expect(byCode.get(root), root).toBeCloseTo(
        goldsteinOf((e) => e.code.startsWith(root)),
        10,
      );
    }
    // Counts and sums in one query, the types through the batched EventType loader: 2 in all.
    expect(extensions?.parley?.cypherQueries).toBe(2);
    expect(extensions?.parley?.statements).toEqual(['analytics/counts-by-type', 'event/types-by-codes']);

    const level2 = await execute<any>(app, BY_TYPE, { filter: SEED_WINDOW, level: 2 });
    expect(level2.data.eventCountsByType.map((c: any) => [c.type.code, c.count])).toEqual([
      ['020', 3],
      ['040', 3],
      ['051', 2],
      ['012', 1],
      ['036', 1],
    ]);
    const countsOnly = await execute<any>(app, '{ eventCountsByType(level: 3) { count } }');
    expect(countsOnly.extensions?.parley?.cypherQueries).toBe(1);
  });

  it('counts events per QuadClass, all four in order', async () => {
    const { data, extensions } = await execute<any>(app, BY_QUAD, { filter: SEED_WINDOW });
    const expected = [1, 2, 3, 4].map((q) => seedEvents.filter((e) => e.quadClass === q).length);
    expect(data.eventCountsByQuadClass).toEqual([
      { quadClass: 1, name: 'VERBAL_COOPERATION', count: expected[0] },
      { quadClass: 2, name: 'MATERIAL_COOPERATION', count: expected[1] },
      { quadClass: 3, name: 'VERBAL_CONFLICT', count: expected[2] },
      { quadClass: 4, name: 'MATERIAL_CONFLICT', count: expected[3] },
    ]);
    expect(sum(data.eventCountsByQuadClass.map((c: any) => c.count))).toBe(10);
    expect(extensions?.parley?.cypherQueries).toBe(1);
  });

  it('refuses bad windows and sizes with BAD_USER_INPUT, before asking the database', async () => {
    const cases: [string, Record<string, unknown>][] = [
      [HISTOGRAM, { filter: { from: '2022-02-01', to: '2022-01-01' }, interval: 'DAY' }],
      [HISTOGRAM, { filter: { from: '1900-01-01', to: '2022-01-01' }, interval: 'DAY' }],
      [HISTOGRAM, { filter: { type: '3' }, interval: 'DAY' }],
      [TOP, { from: '2022-02-10', to: '2022-02-09' }],
      [TOP, { first: 0 }],
      [TOP, { first: 101 }],
      [TOP, { minEvents: 0 }],
      [BY_TYPE, { level: 0 }],
      [BY_TYPE, { level: 4 }],
      [BY_TYPE, { filter: { from: '2022-02-01', to: '2022-01-01' } }],
      [BY_QUAD, { filter: { from: '2022-02-01', to: '2022-01-01' } }],
    ];
    for (const [query, variables] of cases) {
      const res = await request<any>(app, query, variables);
      const label = JSON.stringify(variables);
      expect(res.errors?.[0]?.extensions?.code, label).toBe('BAD_USER_INPUT');
      expect(res.extensions?.parley?.cypherQueries ?? 0, label).toBe(0);
    }
    const wide = await request<any>(app, HISTOGRAM, {
      filter: { from: '1900-01-01', to: '2022-01-01' },
      interval: 'DAY',
    });
    expect(wide.errors?.[0]?.message).toMatch(/coarser interval/);
    const ok = await execute<any>(app, HISTOGRAM, {
      filter: { from: '1900-01-01', to: '2022-01-01' },
      interval: 'MONTH',
    });
    expect(ok.data.eventHistogram).toHaveLength(122 * 12 + 1);
  });
});

describe('analytics on a synthetic graph', () => {
  const prefix = helper.prefix;
  // Dated in the 1950s, far from the seed, so every window below holds only this graph.
  const WINDOW = { from: '1949-06-01', to: '1955-06-30' };
  const CUT = { from: '1951-03-15', to: '1952-08-20' };
  let events = 0;

  beforeAll(async () => {
    for (const bundle of generateBundles({
      seed: 20261127,
      actors: 400,
      events: 5_000,
      eventsPerArticle: 1_000,
      startYear: 1950,
      years: 5,
      idPrefix: prefix,
    })) {
      await ingestBundle(db, bundle);
    }
    const [row] = await cypherRows('MATCH (e:Event) WHERE e.id STARTS WITH $p RETURN count(e) AS n', {
      p: prefix,
    });
    events = row!.n;
  }, 600_000);

  afterAll(async () => {
    await helper.cleanup();
    const [left] = await cypherRows('MATCH (n) WHERE n.id STARTS WITH $p RETURN count(n) AS n', {
      p: prefix,
    });
    if (left!.n !== 0) throw new Error(`${left!.n} nodes of ${prefix} were left behind`);
  });

  /** Matching events by direct Cypher: how many, and their total share inside the window. */
  async function direct(filter: Record<string, string>) {
    const [row] = await cypherRows(
      `MATCH (e:Event)
       WHERE e.latest >= date($from) AND e.earliest <= date($to)
         AND ($typePrefix IS NULL OR e.cameoCode STARTS WITH $typePrefix)
         AND ($status IS NULL OR e.status = $status)
         AND ($actorId IS NULL OR EXISTS {
           MATCH (:Actor {id: $actorId})-[p:PARTICIPATED_IN]->(e) WHERE $role IS NULL OR p.role = $role })
       WITH e,
            CASE WHEN e.earliest > date($from) THEN e.earliest ELSE date($from) END AS c0,
            CASE WHEN e.latest < date($to) THEN e.latest ELSE date($to) END AS c1
       RETURN count(e) AS n,
              sum(toFloat(duration.inDays(c0, c1).days + 1) / (duration.inDays(e.earliest, e.latest).days + 1)) AS share,
              sum(CASE WHEN e.earliest.year = e.latest.year AND e.earliest.month = e.latest.month
                        AND c0 = e.earliest AND c1 = e.latest THEN 1 ELSE 0 END) AS monthExact,
              sum(CASE WHEN e.earliest.year = e.latest.year
                        AND c0 = e.earliest AND c1 = e.latest THEN 1 ELSE 0 END) AS yearExact`,
      {
        typePrefix: null,
        status: null,
        actorId: null,
        role: null,
        ...filter,
      },
    );
    return row as { n: number; share: number; monthExact: number; yearExact: number };
  }

  it('ingested 5,000 events, some dated to each precision the model has', async () => {
    expect(events).toBe(5_000);
    const precisions = await cypherRows(
      'MATCH (e:Event) WHERE e.id STARTS WITH $p RETURN e.precision AS precision, count(*) AS n ORDER BY precision',
      { p: prefix },
    );
    // Every precision appears, so the histograms below spread month- and year-long intervals too.
    expect(precisions.map((r) => r.precision)).toEqual([...PRECISIONS].sort());
  });

  it('sums the histogram to the number of matching events, whatever the interval', async () => {
    const all = await direct(WINDOW);
    expect(all.n).toBe(events);
    expect(all.share).toBeCloseTo(events, 6);
    for (const interval of ['DAY', 'WEEK', 'MONTH', 'YEAR']) {
      const { data, extensions } = await execute<any>(app, HISTOGRAM, { filter: WINDOW, interval });
      const buckets: any[] = data.eventHistogram;
      expect(Math.abs(sum(buckets.map((b) => b.count)) - all.n), interval).toBeLessThan(1e-6);
      for (const b of buckets)
        expect(b.exactCount, `${interval} ${b.start}`).toBeLessThanOrEqual(b.count + 1e-9);
      if (interval === 'MONTH') expect(sum(buckets.map((b) => b.exactCount))).toBe(all.monthExact);
      if (interval === 'YEAR') expect(sum(buckets.map((b) => b.exactCount))).toBe(all.yearExact);
      expect(extensions?.parley?.cypherQueries).toBe(1);
    }
  });

  it('counts only the share of each event inside a window that cuts it', async () => {
    const cut = await direct(CUT);
    expect(cut.share).toBeLessThan(cut.n);
    for (const interval of ['DAY', 'WEEK', 'MONTH', 'YEAR']) {
      const { data } = await execute<any>(app, HISTOGRAM, { filter: CUT, interval });
      const buckets: any[] = data.eventHistogram;
      expect(Math.abs(sum(buckets.map((b) => b.count)) - cut.share), interval).toBeLessThan(1e-6);
      if (interval === 'MONTH') expect(sum(buckets.map((b) => b.exactCount))).toBe(cut.monthExact);
    }
  });

  it('agrees with direct counts under filters, and so do the counts by type and QuadClass', async () => {
    const hub = `${prefix}-actor-000000`;
    const filters: Record<string, string>[] = [
      { ...WINDOW, typePrefix: '0' },
      { ...WINDOW, status: 'ASSERTED' },
      { ...WINDOW, actorId: hub },
      { ...WINDOW, actorId: hub, role: 'ACTOR' },
      { ...CUT, actorId: hub },
    ];
    for (const filter of filters) {
      const expected = await direct(filter);
      const label = JSON.stringify(filter);
      const { data } = await execute<any>(
        app,
        `query($filter: EventFilter) {
          eventHistogram(filter: $filter, interval: WEEK) { count }
          l1: eventCountsByType(filter: $filter, level: 1) { count type { code level } }
          l2: eventCountsByType(filter: $filter, level: 2) { count }
          l3: eventCountsByType(filter: $filter, level: 3) { count }
          eventCountsByQuadClass(filter: $filter) { count }
        }`,
        { filter },
      );
      expect(expected.n, label).toBeGreaterThan(0);
      expect(
        Math.abs(sum(data.eventHistogram.map((b: any) => b.count)) - expected.share),
        label,
      ).toBeLessThan(1e-6);
      for (const key of ['l1', 'l2', 'l3', 'eventCountsByQuadClass']) {
        expect(sum(data[key].map((c: any) => c.count)), `${label} ${key}`).toBe(expected.n);
      }
      for (const c of data.l1) expect([c.type.code.length, c.type.level]).toEqual([2, 1]);
    }
  });

  it('puts four-digit codes under their root at level 1', async () => {
    const rows = await cypherRows(
      `MATCH (e:Event) WHERE e.id STARTS WITH $p
       RETURN left(e.cameoCode, 2) AS root, count(*) AS n ORDER BY n DESC, root`,
      { p: prefix },
    );
    const { data } = await execute<any>(app, BY_TYPE, { filter: WINDOW, level: 1 });
    expect(data.eventCountsByType.map((c: any) => [c.type.code, c.count])).toEqual(
      rows.map((r) => [r.root, r.n]),
    );
  });

  it('ranks the synthetic actors as direct counts do', async () => {
    const expected = await cypherRows(
      `MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event)
       WHERE a.id STARTS WITH $p AND e.latest >= date($from) AND e.earliest <= date($to)
       WITH a, count(DISTINCT e) AS events
       ORDER BY events DESC, a.id LIMIT 10
       CALL (a) {
         MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)
         WHERE b <> a AND e.latest >= date($from) AND e.earliest <= date($to)
         RETURN count(DISTINCT b) AS partners
       }
       RETURN a.id AS id, events, partners`,
      { p: prefix, ...CUT },
    );
    const { data, extensions } = await execute<any>(app, TOP, { ...CUT, first: 10 });
    expect(
      data.topActors.map((r: any) => ({ id: r.actor.id, events: r.events, partners: r.partners })),
    ).toEqual(expected);
    expect(extensions?.parley?.cypherQueries).toBe(1);

    const byPartners = await execute<any>(app, TOP, { ...CUT, by: 'PARTNERS', first: 5 });
    const partners = byPartners.data.topActors.map((r: any) => r.partners);
    expect(partners).toEqual([...partners].sort((a: number, b: number) => b - a));
    const byGoldstein = await execute<any>(app, TOP, { ...CUT, by: 'GOLDSTEIN', minEvents: 20, first: 5 });
    const averages = byGoldstein.data.topActors.map((r: any) => r.goldsteinAverage);
    expect(averages).toEqual([...averages].sort((a: number, b: number) => b - a));
    for (const r of byGoldstein.data.topActors) expect(r.events).toBeGreaterThanOrEqual(20);
  });
});
