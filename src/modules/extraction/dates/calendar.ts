/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC): no time of day and no time
 * zone, so a date never moves by one when the process runs elsewhere.
 */

const DAY_MS = 86_400_000;

export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function parseIsoDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: "${iso}"`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidDate(year, month, day)) throw new RangeError(`no such day: "${iso}"`);
  return dayNumber(year, month, day);
}

export function isoDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function parts(n: number): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(n * DAY_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
  };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export type Tense = 'PAST' | 'PRESENT' | 'FUTURE';

export interface Interval {
  earliest: number;
  latest: number;
}

/**
 * The year rule (docs/extraction.md, "Dates"), for an interval whose year the text omits:
 * past → the most recent reading that begins on or before publication; future → the first that
 * ends on or after it; otherwise the nearest (a reading containing the day is at distance 0;
 * ties go to the earlier one). `readings` are ordered by year.
 */
export function chooseReading<T extends Interval>(readings: T[], tense: Tense | null, published: number): T {
  if (readings.length === 0) throw new RangeError('no reading to choose from');
  if (tense === 'PAST') {
    const before = readings.filter((r) => r.earliest <= published);
    if (before.length > 0) return before[before.length - 1]!;
  } else if (tense === 'FUTURE') {
    const after = readings.find((r) => r.latest >= published);
    if (after) return after;
  }
  const distance = (r: Interval) =>
    r.earliest > published ? r.earliest - published : r.latest < published ? published - r.latest : 0;
  let best = readings[0]!;
  for (const r of readings) if (distance(r) < distance(best)) best = r;
  return best;
}

/**
 * The weekday on or before publication (past) or strictly after it (future). `strict` excludes
 * the publication day in the past too: "last Wednesday" written on a Wednesday is a week ago.
 */
export function weekdayNear(
  weekday: number,
  published: number,
  direction: 'PAST' | 'FUTURE',
  strict = false,
): number {
  const today = parts(published).weekday;
  if (direction === 'PAST') return published - ((today - weekday + 7) % 7 || (strict ? 7 : 0));
  return published + ((weekday - today + 7) % 7 || 7);
}
