/**
 * Time histograms that honour date precision. An event is an interval [earliest, latest] of
 * days: an event known only to the month ("fin janvier 2022" = 2022-01-21…2022-01-31) is not
 * put on its first day. When its interval lies inside one bucket it counts 1 there (and in
 * `exactCount`); when it spans several buckets it is spread over them, each getting the share
 * of its days that fall in it (overlapDays / intervalDays), and adds nothing to `exactCount`.
 * Pure code: no database, no clock; every day is a UTC calendar day.
 */
import { ErrorCode, ParleyError } from '../../errors.ts';

export type Interval = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

/** `count` events that share one date interval and one Goldstein score. */
export interface IntervalRow {
  earliest: string;
  latest: string;
  goldstein: number;
  count: number;
}

export interface Bucket {
  /** First day of the calendar period (a Monday for WEEK, the 1st for MONTH, 1 January for YEAR). */
  start: string;
  /** Last day of the period, inclusive. */
  end: string;
  /** Events in the bucket, fractional where an event's interval spans several buckets. */
  count: number;
  /** Events whose whole interval lies in this bucket (and in the window). */
  exactCount: number;
  /** Sum of weight × Goldstein score. */
  goldsteinSum: number;
  /** goldsteinSum / count; null for an empty bucket. */
  goldsteinAverage: number | null;
}

/** Beyond this many buckets a histogram is refused: ask for a coarser interval. */
export const MAX_BUCKETS = 5_000;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const COARSER: Record<Interval, string> = {
  DAY: 'WEEK, MONTH or YEAR',
  WEEK: 'MONTH or YEAR',
  MONTH: 'YEAR',
  YEAR: 'a narrower window',
};

/** Days since 1970-01-01 (UTC) of a 'YYYY-MM-DD' date; years below 100 are taken literally. */
function toDay(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m)
    throw new ParleyError(ErrorCode.BAD_USER_INPUT, `"${iso.slice(0, 40)}" is not a date (YYYY-MM-DD).`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new ParleyError(ErrorCode.BAD_USER_INPUT, `"${iso}" is not a calendar date.`);
  }
  return Math.round(date.getTime() / DAY_MS);
}

/** The 'YYYY-MM-DD' date of a day number. */
function fromDay(day: number): string {
  const date = new Date(day * DAY_MS);
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function yearMonth(day: number): { y: number; m: number } {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() };
}

function firstOfMonth(y: number, m: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m, 1);
  return Math.round(date.getTime() / DAY_MS);
}

/** Day 0 (1970-01-01) was a Thursday: 3 days after a Monday. */
const mondayOf = (day: number) => day - ((((day + 3) % 7) + 7) % 7);

/** Numbers the buckets of an interval: `key` of a day, and the first day of a key. */
const CALENDARS: Record<Interval, { key: (day: number) => number; start: (key: number) => number }> = {
  DAY: { key: (d) => d, start: (k) => k },
  WEEK: { key: (d) => (mondayOf(d) + 3) / 7, start: (k) => k * 7 - 3 },
  MONTH: {
    key: (d) => {
      const { y, m } = yearMonth(d);
      return y * 12 + m;
    },
    start: (k) => firstOfMonth(Math.floor(k / 12), ((k % 12) + 12) % 12),
  },
  YEAR: { key: (d) => yearMonth(d).y, start: (k) => firstOfMonth(k, 0) },
};

/**
 * Spreads interval rows over calendar buckets. Buckets run contiguously from the first to the
 * last non-empty one; a window side that is given fixes that end instead, and intervals are
 * clipped to the window (the share of a clipped event is still relative to its whole interval,
 * so an event half outside the window counts ½). The first and last buckets keep their calendar
 * start and end even when the window cuts them; only days inside the window are counted.
 */
export function bucketize(
  rows: IntervalRow[],
  interval: Interval,
  window: { from?: string | null; to?: string | null } = {},
): Bucket[] {
  const cal = CALENDARS[interval];
  if (!cal) throw new ParleyError(ErrorCode.BAD_USER_INPUT, `Unknown interval "${String(interval)}".`);
  const w0 = window.from ? toDay(window.from) : Number.NEGATIVE_INFINITY;
  const w1 = window.to ? toDay(window.to) : Number.POSITIVE_INFINITY;
  if (w0 > w1)
    throw new ParleyError(ErrorCode.BAD_USER_INPUT, 'The window starts after it ends (from > to).');

  // Clip every row to the window first, to find the range of buckets before allocating any.
  const clipped: { e0: number; e1: number; c0: number; c1: number; count: number; goldstein: number }[] = [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    if (!(row.count > 0)) continue;
    const e0 = toDay(row.earliest);
    const e1 = toDay(row.latest);
    if (e1 < e0) throw new Error(`An event interval ends before it starts: ${row.earliest}…${row.latest}.`);
    const c0 = Math.max(e0, w0);
    const c1 = Math.min(e1, w1);
    if (c0 > c1) continue;
    clipped.push({ e0, e1, c0, c1, count: row.count, goldstein: row.goldstein });
    lo = Math.min(lo, c0);
    hi = Math.max(hi, c1);
  }
  const first = Number.isFinite(w0) ? w0 : lo;
  const last = Number.isFinite(w1) ? w1 : hi;
  if (!Number.isFinite(first) || !Number.isFinite(last) || first > last) return [];

  const k0 = cal.key(first);
  const k1 = cal.key(last);
  const n = k1 - k0 + 1;
  if (n > MAX_BUCKETS) {
    throw new ParleyError(
      ErrorCode.BAD_USER_INPUT,
      `A ${interval} histogram from ${fromDay(first)} to ${fromDay(last)} would have ${n} buckets, more than ${MAX_BUCKETS}: use a coarser interval (${COARSER[interval]}) or a narrower window.`,
      { argument: 'interval', buckets: n, maxBuckets: MAX_BUCKETS },
    );
  }

  const starts = Array.from({ length: n + 1 }, (_, i) => cal.start(k0 + i));
  const count = new Float64Array(n);
  const exact = new Float64Array(n);
  const goldstein = new Float64Array(n);
  for (const r of clipped) {
    const days = r.e1 - r.e0 + 1;
    const i0 = cal.key(r.c0) - k0;
    const i1 = cal.key(r.c1) - k0;
    if (i0 === i1 && r.c0 === r.e0 && r.c1 === r.e1) {
      // Wholly inside one bucket and inside the window: an exact count.
      count[i0]! += r.count;
      exact[i0]! += r.count;
      goldstein[i0]! += r.count * r.goldstein;
      continue;
    }
    for (let i = i0; i <= i1; i++) {
      const overlap = Math.min(starts[i + 1]! - 1, r.c1) - Math.max(starts[i]!, r.c0) + 1;
      const weight = (r.count * overlap) / days;
      count[i]! += weight;
      goldstein[i]! += weight * r.goldstein;
    }
  }

  return Array.from({ length: n }, (_, i) => ({
    start: fromDay(starts[i]!),
    end: fromDay(starts[i + 1]! - 1),
    count: count[i]!,
    exactCount: exact[i]!,
    goldsteinSum: goldstein[i]!,
    goldsteinAverage: count[i]! > 0 ? goldstein[i]! / count[i]! : null,
  }));
}
