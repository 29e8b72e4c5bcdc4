import { describe, expect, it } from 'vitest';
import { ParleyError } from '../../src/errors.ts';
import {
  type Bucket,
  bucketize,
  type IntervalRow,
  MAX_BUCKETS,
} from '../../src/modules/analytics/buckets.ts';

const day = (d: string, goldstein = 1, count = 1): IntervalRow => ({
  earliest: d,
  latest: d,
  goldstein,
  count,
});
const FIN_JANVIER: IntervalRow = { earliest: '2022-01-21', latest: '2022-01-31', goldstein: 1, count: 1 };

const total = (buckets: Bucket[]) => buckets.reduce((s, b) => s + b.count, 0);
const at = (buckets: Bucket[], start: string) => buckets.find((b) => b.start === start);

describe('bucketize', () => {
  it('counts day-precision events per day, contiguously from the first to the last non-empty day', () => {
    const b = bucketize([day('2022-02-09', 1, 2), day('2022-02-07', 3), day('2022-02-09', -2)], 'DAY');
    expect(b.map((x) => [x.start, x.end, x.count, x.exactCount])).toEqual([
      ['2022-02-07', '2022-02-07', 1, 1],
      ['2022-02-08', '2022-02-08', 0, 0],
      ['2022-02-09', '2022-02-09', 3, 3],
    ]);
    expect(b[1]!.goldsteinAverage).toBeNull();
    expect(b[2]!.goldsteinSum).toBe(0);
    expect(b[2]!.goldsteinAverage).toBe(0);
    expect(b[0]!.goldsteinAverage).toBe(3);
  });

  it('returns no bucket for no rows and no window', () => {
    expect(bucketize([], 'MONTH')).toEqual([]);
  });

  it('puts a MONTH-precision event ("fin janvier 2022") wholly in January in a MONTH histogram', () => {
    const b = bucketize([FIN_JANVIER, day('2022-02-09')], 'MONTH');
    expect(b).toEqual([
      {
        start: '2022-01-01',
        end: '2022-01-31',
        count: 1,
        exactCount: 1,
        goldsteinSum: 1,
        goldsteinAverage: 1,
      },
      {
        start: '2022-02-01',
        end: '2022-02-28',
        count: 1,
        exactCount: 1,
        goldsteinSum: 1,
        goldsteinAverage: 1,
      },
    ]);
  });

  it('spreads it 1/11 a day over 21…31 January in a DAY histogram, never on 1 January', () => {
    const b = bucketize([FIN_JANVIER], 'DAY');
    expect(b).toHaveLength(11);
    expect(b[0]!.start).toBe('2022-01-21');
    expect(b.at(-1)!.end).toBe('2022-01-31');
    for (const x of b) {
      expect(x.count).toBeCloseTo(1 / 11, 12);
      expect(x.exactCount).toBe(0);
      expect(x.goldsteinAverage).toBeCloseTo(1, 12);
    }
    expect(total(b)).toBeCloseTo(1, 12);
    expect(at(b, '2022-01-01')).toBeUndefined();

    // Even when the window starts on 1 January, that day gets nothing.
    const windowed = bucketize([FIN_JANVIER], 'DAY', { from: '2022-01-01', to: '2022-01-31' });
    expect(windowed).toHaveLength(31);
    expect(at(windowed, '2022-01-01')!.count).toBe(0);
    expect(at(windowed, '2022-01-20')!.count).toBe(0);
    expect(at(windowed, '2022-01-21')!.count).toBeCloseTo(1 / 11, 12);
    expect(total(windowed)).toBeCloseTo(1, 12);
  });

  it('starts WEEK buckets on Mondays and spreads an event over the weeks it overlaps', () => {
    // 2022-01-21 is a Friday: 3 days in the week of Monday 17 January, 7 in the next, 1 in the last.
    const b = bucketize([FIN_JANVIER], 'WEEK');
    expect(b.map((x) => [x.start, x.end])).toEqual([
      ['2022-01-17', '2022-01-23'],
      ['2022-01-24', '2022-01-30'],
      ['2022-01-31', '2022-02-06'],
    ]);
    for (const x of b) expect(new Date(`${x.start}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(b.map((x) => x.count)).toEqual([3 / 11, 7 / 11, 1 / 11]);
    expect(b.map((x) => x.exactCount)).toEqual([0, 0, 0]);
    // A Sunday belongs to the week of the Monday before it; a Monday starts its own.
    const w = bucketize([day('2022-01-23'), day('2022-01-24')], 'WEEK');
    expect(w.map((x) => [x.start, x.count, x.exactCount])).toEqual([
      ['2022-01-17', 1, 1],
      ['2022-01-24', 1, 1],
    ]);
    // Weeks across a year end, and before 1970.
    expect(bucketize([day('2021-01-01')], 'WEEK')[0]!.start).toBe('2020-12-28');
    expect(bucketize([day('1969-12-31')], 'WEEK')[0]!.start).toBe('1969-12-29');
  });

  it('counts by year, spreading a year-precision event only in finer histograms', () => {
    const year: IntervalRow = { earliest: '2021-01-01', latest: '2021-12-31', goldstein: -4, count: 2 };
    const y = bucketize([year, day('2022-06-01', 2)], 'YEAR');
    expect(y.map((x) => [x.start, x.end, x.count, x.exactCount, x.goldsteinSum])).toEqual([
      ['2021-01-01', '2021-12-31', 2, 2, -8],
      ['2022-01-01', '2022-12-31', 1, 1, 2],
    ]);
    const m = bucketize([year], 'MONTH');
    expect(m).toHaveLength(12);
    expect(m[1]!.count).toBeCloseTo((2 * 28) / 365, 12);
    expect(m[0]!.count).toBeCloseTo((2 * 31) / 365, 12);
    expect(m[0]!.goldsteinAverage).toBeCloseTo(-4, 12);
    expect(total(m)).toBeCloseTo(2, 12);
    expect(m.every((x) => x.exactCount === 0)).toBe(true);
  });

  it('handles leap years and month ends', () => {
    const feb = bucketize([day('2024-02-29')], 'MONTH');
    expect(feb[0]).toMatchObject({ start: '2024-02-01', end: '2024-02-29', count: 1 });
    const y = bucketize([{ earliest: '2024-01-01', latest: '2024-12-31', goldstein: 0, count: 1 }], 'MONTH');
    expect(y[1]!.count).toBeCloseTo(29 / 366, 12);
  });

  it('covers the whole window when it is given, and clips intervals to it (shares stay relative to the whole interval)', () => {
    const b = bucketize([FIN_JANVIER], 'MONTH', { from: '2021-12-01', to: '2022-03-15' });
    expect(b.map((x) => [x.start, x.end, x.count])).toEqual([
      ['2021-12-01', '2021-12-31', 0],
      ['2022-01-01', '2022-01-31', 1],
      ['2022-02-01', '2022-02-28', 0],
      ['2022-03-01', '2022-03-31', 0],
    ]);
    // The window cuts the event: 5 of its 11 days are inside, so it counts 5/11, and not exactly.
    const cut = bucketize([FIN_JANVIER], 'MONTH', { from: '2022-01-27', to: '2022-02-10' });
    expect(cut.map((x) => x.start)).toEqual(['2022-01-01', '2022-02-01']);
    expect(cut[0]!.count).toBeCloseTo(5 / 11, 12);
    expect(cut[0]!.exactCount).toBe(0);
    expect(cut[0]!.goldsteinSum).toBeCloseTo(5 / 11, 12);
    expect(cut[1]!.count).toBe(0);
    // One side given: that side is fixed, the other follows the data.
    const fromOnly = bucketize([day('2022-01-05')], 'DAY', { from: '2022-01-03' });
    expect(fromOnly.map((x) => x.start)).toEqual(['2022-01-03', '2022-01-04', '2022-01-05']);
    const toOnly = bucketize([FIN_JANVIER], 'DAY', { to: '2022-01-22' });
    expect(toOnly.map((x) => [x.start, x.count])).toEqual([
      ['2022-01-21', 1 / 11],
      ['2022-01-22', 1 / 11],
    ]);
    // Rows entirely outside the window are ignored; an empty window still has its buckets.
    const empty = bucketize([day('2020-05-05')], 'YEAR', { from: '2022-01-01', to: '2023-12-31' });
    expect(empty.map((x) => [x.start, x.count, x.goldsteinAverage])).toEqual([
      ['2022-01-01', 0, null],
      ['2023-01-01', 0, null],
    ]);
  });

  it('sums and averages Goldstein scores by weight', () => {
    const rows: IntervalRow[] = [
      day('2022-01-10', 4, 2),
      day('2022-01-12', -10),
      { earliest: '2022-01-01', latest: '2022-02-28', goldstein: 3, count: 1 },
    ];
    const [jan, feb] = bucketize(rows, 'MONTH');
    const janShare = 31 / 59;
    expect(jan!.count).toBeCloseTo(3 + janShare, 12);
    expect(jan!.exactCount).toBe(3);
    expect(jan!.goldsteinSum).toBeCloseTo(8 - 10 + 3 * janShare, 12);
    expect(jan!.goldsteinAverage).toBeCloseTo((8 - 10 + 3 * janShare) / (3 + janShare), 12);
    expect(feb!.count).toBeCloseTo(28 / 59, 12);
    expect(feb!.goldsteinAverage).toBeCloseTo(3, 12);
  });

  it(`refuses more than ${MAX_BUCKETS} buckets, suggesting a coarser interval`, () => {
    const wide = { from: '2000-01-01', to: '2020-12-31' };
    const err = (() => {
      try {
        bucketize([], 'DAY', wide);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ParleyError);
    expect((err as ParleyError).extensions.code).toBe('BAD_USER_INPUT');
    expect((err as ParleyError).message).toMatch(/coarser interval \(WEEK, MONTH or YEAR\)/);
    // The same span from the data alone, without a window.
    expect(() => bucketize([day('2000-01-01'), day('2020-12-31')], 'DAY')).toThrow(/coarser interval/);
    const weeks = bucketize([], 'WEEK', wide);
    // Monday 1999-12-27 … Monday 2020-12-28: 7672 days, 1097 weeks.
    expect(weeks).toHaveLength(1097);
    expect([weeks[0]!.start, weeks.at(-1)!.start, weeks.at(-1)!.end]).toEqual([
      '1999-12-27',
      '2020-12-28',
      '2021-01-03',
    ]);
    expect(bucketize([], 'MONTH', wide)).toHaveLength(252);
    expect(bucketize([], 'DAY', { from: '2000-01-01', to: '2013-09-08' })).toHaveLength(MAX_BUCKETS);
    expect(() => bucketize([], 'DAY', { from: '2000-01-01', to: '2013-09-09' })).toThrow(ParleyError);
  });

  it('refuses a window that ends before it starts, and malformed dates', () => {
    expect(() => bucketize([], 'DAY', { from: '2022-02-01', to: '2022-01-01' })).toThrow(/from > to/);
    expect(() => bucketize([], 'DAY', { from: '2022-02-30', to: '2022-03-01' })).toThrow(ParleyError);
    expect(() => bucketize([], 'DAY', { from: 'yesterday' })).toThrow(ParleyError);
  });
});
