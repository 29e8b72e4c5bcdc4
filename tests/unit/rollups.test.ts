import { describe, expect, it } from 'vitest';
import {
  type EventSnapshot,
  goldsteinTenths,
  RollupDelta,
  rollupDelta,
  yearWindow,
} from '../../src/modules/analytics/rollups.ts';
import { readCodebook } from '../../src/modules/ingest/codebook.ts';

const event = (over: Partial<EventSnapshot> = {}): EventSnapshot => ({
  id: 'e1',
  earliest: '2022-02-09',
  latest: '2022-02-09',
  status: 'ASSERTED',
  code: '036',
  goldstein: 4,
  actorIds: ['a', 'b'],
  ...over,
});

const keys = (rows: { key: string }[]) => rows.map((r) => r.key);

describe('rollup deltas', () => {
  it('count an actor in two roles of one event once, and pair two actors in one row', () => {
    const p = new RollupDelta().add(event({ actorIds: ['b', 'a', 'a'] }), 1).params();
    expect(
      p.actorTotal!.map((r) => [r.key, r.count, r.typed, r.goldstein10, r.c2022, r.t2022, r.g2022]),
    ).toEqual([
      ['a', 1, 1, 40, 1, 1, 40],
      ['b', 1, 1, 40, 1, 1, 40],
    ]);
    // Rows per actor and interval are kept only for intervals across a new year.
    expect(p.actor).toEqual([]);
    expect(p.pair!.map((r) => [r.key, r.actorId, r.partnerId, r.count, r.y2022])).toEqual([
      ['a/b', 'a', 'b', 1, 1],
    ]);
    expect(p.pairSpan).toEqual([]);
  });

  it('keep an interval across a new year out of the year counters, in the span rows and the totals', () => {
    const p = new RollupDelta().add(event({ earliest: '2021-12-28', latest: '2022-01-03' }), 1).params();
    expect(p.actor!.map((r) => [r.key, r.single])).toEqual([
      ['a/2021-12-28/2022-01-03', false],
      ['b/2021-12-28/2022-01-03', false],
    ]);
    expect(p.actorTotal!.map((r) => Object.keys(r).sort())).toEqual([
      ['actorId', 'count', 'goldstein10', 'key', 'typed'],
      ['actorId', 'count', 'goldstein10', 'key', 'typed'],
    ]);
    expect(p.pair!.map((r) => [r.key, r.count, Object.keys(r).some((k) => /^y\d/.test(k))])).toEqual([
      ['a/b', 1, false],
    ]);
    expect(keys(p.pairSpan!)).toEqual(['a/b/2021-12-28/2022-01-03']);
  });

  it('move an event between years in the year counters, leaving the totals and dropping zero counters', () => {
    const moved = rollupDelta([event()], [event({ earliest: '2023-03-01', latest: '2023-03-01' })]).params();
    expect(moved.actorTotal!.map((r) => [r.key, r.count, r.c2022, r.c2023, 't2022' in r])).toEqual([
      ['a', 0, -1, 1, true],
      ['b', 0, -1, 1, true],
    ]);
    expect(moved.pair!.map((r) => [r.key, r.count, r.y2022, r.y2023])).toEqual([['a/b', 0, -1, 1]]);
    const same = rollupDelta([event()], [event({ earliest: '2022-05-01', latest: '2022-05-01' })]).params();
    expect(same.actorTotal).toEqual([]);
    expect(same.pair).toEqual([]);
  });

  it('leave out rows whose changes cancel, and keep the ones that move', () => {
    const before = event();
    expect(Object.values(rollupDelta([before], [before]).params()).flat()).toEqual([]);
    const moved = rollupDelta(
      [before],
      [event({ code: '040', goldstein: 1, actorIds: ['a', 'c'] })],
    ).params();
    expect(moved.interval!.map((r) => [r.key, r.count, r.goldstein10])).toEqual([
      ['2022-02-09/2022-02-09', 0, -30],
    ]);
    expect(moved.code!.map((r) => [r.key, r.count])).toEqual([
      ['036/ASSERTED', -1],
      ['040/ASSERTED', 1],
    ]);
    expect(moved.pair!.map((r) => [r.key, r.count])).toEqual([
      ['a/b', -1],
      ['a/c', 1],
    ]);
  });

  it("send the totals of a changed pair's ends even when their own counts cancel", () => {
    // a swaps partner b for c: a's counts do not change, but its partners may, so its total row
    // travels (and is locked with the others, in key order).
    const p = rollupDelta([event()], [event({ actorIds: ['a', 'c'] })]).params();
    expect(p.actorTotal!.map((r) => [r.key, r.count, r.typed, r.goldstein10])).toEqual([
      ['a', 0, 0, 0],
      ['b', -1, -1, -40],
      ['c', 1, 1, 40],
    ]);
    expect(p.pair!.map((r) => r.key)).toEqual(['a/b', 'a/c']);
  });

  it("count an event's code and status on its interval row, and drop a code counter that comes to 0", () => {
    const p = new RollupDelta()
      .add(event(), 1)
      .add(event({ id: 'e2', status: 'PLANNED' }), 1)
      .params();
    expect(p.interval).toEqual([
      {
        key: '2022-02-09/2022-02-09',
        earliest: '2022-02-09',
        latest: '2022-02-09',
        count: 2,
        goldstein10: 80,
        x036_ASSERTED: 1,
        x036_PLANNED: 1,
      },
    ]);
    const recoded = rollupDelta([event()], [event({ code: '042', goldstein: 1.9 })]).params();
    expect(recoded.interval).toEqual([
      {
        key: '2022-02-09/2022-02-09',
        earliest: '2022-02-09',
        latest: '2022-02-09',
        count: 0,
        goldstein10: -21,
        x036_ASSERTED: -1,
        x042_ASSERTED: 1,
      },
    ]);
    const same = rollupDelta([event()], [event({ actorIds: ['a', 'c'] })]).params();
    expect(same.interval).toEqual([]);
  });

  it('count an event without a type for its actors only', () => {
    const p = new RollupDelta().add(event({ code: null, goldstein: null }), 1).params();
    expect(p.interval).toEqual([]);
    expect(p.code).toEqual([]);
    expect(p.actorTotal!.map((r) => [r.count, r.typed, r.goldstein10, r.c2022, 't2022' in r])).toEqual([
      [1, 0, 0, 1, false],
      [1, 0, 0, 1, false],
    ]);
  });

  it('keep Goldstein scores as exact tenths: the codebook has no finer score', () => {
    expect([3.4, -0.4, -9.2, 10].map(goldsteinTenths)).toEqual([34, -4, -92, 100]);
    for (const t of readCodebook()) expect(goldsteinTenths(t.goldstein) / 10, t.code).toBe(t.goldstein);
  });
});

describe('yearWindow', () => {
  it('reads whole years from year rows and nothing else', () => {
    expect(yearWindow('2023-01-01', '2024-12-31')).toEqual({ fromYear: 2023, toYear: 2024, edges: [] });
    expect(yearWindow(null, null)).toMatchObject({ edges: [] });
  });

  it('cuts the first and last years of a window that does not start or end with them', () => {
    expect(yearWindow('2022-03-15', '2024-06-30')).toEqual({
      fromYear: 2023,
      toYear: 2023,
      edges: [
        { start: '2022-01-01', end: '2022-12-31', minLatest: '2022-03-15' },
        { start: '2024-01-01', end: '2024-06-30', minLatest: '2024-01-01' },
      ],
    });
  });

  it('cuts one year once when the window lies inside it', () => {
    const w = yearWindow('2022-02-09', '2022-02-09');
    expect(w.fromYear).toBeGreaterThan(w.toYear);
    expect(w.edges).toEqual([{ start: '2022-01-01', end: '2022-02-09', minLatest: '2022-02-09' }]);
  });

  it('leaves an open side open', () => {
    const w = yearWindow(null, '2022-06-30');
    expect(w.toYear).toBe(2021);
    expect(w.fromYear).toBeLessThan(1000);
    expect(w.edges).toEqual([{ start: '2022-01-01', end: '2022-06-30', minLatest: '2022-01-01' }]);
  });
});
