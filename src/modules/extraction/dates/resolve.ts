import type { DraftWarning, Precision, Qualifier } from '../types.ts';
import {
  chooseReading,
  dayNumber,
  daysInMonth,
  type Interval,
  isoDay,
  isValidDate,
  parts,
  type Tense,
  weekdayNear,
} from './calendar.ts';
import type { Candidate, Direction } from './match.ts';

export type DateKind =
  | 'FULL'
  | 'DAY_MONTH'
  | 'MONTH'
  | 'MONTH_PART'
  | 'YEAR'
  | 'YEAR_PART'
  | 'RELATIVE_DAY'
  | 'WEEK'
  | 'RELATIVE_MONTH'
  | 'RELATIVE_YEAR'
  | 'WEEKDAY'
  | 'ANAPHORIC_DAY';

/** The warnings resolveCandidate derives from the tense: resolveForStatus derives them again. */
export const TENSE_WARNINGS: ReadonlySet<string> = new Set([
  'YEAR_INFERRED',
  'YEAR_UNSURE',
  'WEEKDAY_MISMATCH',
  'WEEKDAY_TENSE_UNKNOWN',
  'DATE_AFTER_PUBLICATION',
  'DATE_BEFORE_PUBLICATION',
]);

export interface Resolved {
  earliest: string;
  latest: string;
  precision: Precision;
  qualifier: Qualifier | null;
  kind: DateKind;
  confidence: number;
  warnings: DraftWarning[];
}

const PART_DAYS = { EARLY: [1, 10], MID: [11, 20], LATE: [21, 31] } as const;
const PART_MONTHS = { EARLY: [1, 4], MID: [5, 8], LATE: [9, 12] } as const;

function yearInterval(year: number, qualifier: keyof typeof PART_MONTHS | null): Interval {
  const [from, to] = qualifier ? PART_MONTHS[qualifier] : [1, 12];
  return { earliest: dayNumber(year, from, 1), latest: dayNumber(year, to, daysInMonth(year, to)) };
}

/** Monday to Sunday: the week of publication moved by `offset` weeks. */
function weekInterval(published: number, offset: number): Interval {
  const monday = published - ((parts(published).weekday + 6) % 7) + 7 * offset;
  return { earliest: monday, latest: monday + 6 };
}

/** The month of publication moved by `offset` months. */
function shiftedMonth(published: number, offset: number): { year: number; month: number } {
  const { year, month } = parts(published);
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * "mai dernier", "next May": the last reading that ends before publication, or the first that
 * begins after it, whatever the tense. `readings` are ordered by year.
 */
function byDirection<T extends Interval>(
  readings: T[],
  direction: Direction,
  published: number,
): T | undefined {
  if (direction === 'PAST') return readings.filter((r) => r.latest < published).at(-1);
  return readings.find((r) => r.earliest > published);
}

function monthInterval(year: number, month: number, qualifier: keyof typeof PART_DAYS | null): Interval {
  const last = daysInMonth(year, month);
  const [from, to] = qualifier ? PART_DAYS[qualifier] : [1, last];
  return { earliest: dayNumber(year, month, from), latest: dayNumber(year, month, Math.min(to, last)) };
}

/** The year before, of and after publication: the year rule picks among them. */
function yearsAround(published: number): number[] {
  const y = parts(published).year;
  return [y - 1, y, y + 1];
}

function yearInferred(year: number, tense: Tense | null): DraftWarning {
  const how =
    tense === 'PAST'
      ? 'the most recent one on or before publication (past tense)'
      : tense === 'FUTURE'
        ? 'the next one from publication (future tense)'
        : 'the nearest one to publication (tense unknown)';
  return { code: 'YEAR_INFERRED', message: `the text gives no year: ${year} is ${how}` };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** How far back a past reading of a month or day without a year may lie and still be meant. */
const UNSURE_PAST_DAYS = 300;
/** How soon the next reading must come for the sentence to be read as naming it. */
const UNSURE_NEXT_DAYS = 62;

/**
 * News names last year's months with their year ("in February 2024", "last February"); a month
 * or day without one in a past sentence that would lie almost a year back, while the next such is
 * weeks away, is mostly what was proposed or announced for it ("rejected the proposal to hold
 * talks in February"). The text does not say which: both readings, `YEAR`, `APPROX`.
 */
function unsureYear<T extends Interval>(
  readings: T[],
  chosen: T,
  tense: Tense | null,
  published: number,
): Interval | null {
  if (tense !== 'PAST' || chosen.latest >= published - UNSURE_PAST_DAYS) return null;
  const next = readings.find((x) => x.earliest > published);
  if (!next || next.earliest > published + UNSURE_NEXT_DAYS) return null;
  return { earliest: chosen.earliest, latest: next.latest };
}

const yearUnsure = (chosen: number): DraftWarning => ({
  code: 'YEAR_UNSURE',
  message: `the text gives no year: ${chosen} lies almost a year before publication and the next one weeks after it, so both are kept`,
});

/**
 * Turns what a finder read into an interval (docs/extraction.md, "Dates"), or null when the text
 * names a day that does not exist ("31 février").
 */
export function resolveCandidate(c: Candidate, tense: Tense | null, published: number): Resolved | null {
  const r = c.reading;
  const warnings: DraftWarning[] = [...c.warnings];
  let interval: Interval;
  let precision: Precision = 'DAY';
  let qualifier: Qualifier | null = null;
  let kind: DateKind;
  let confidence: number;

  switch (r.type) {
    case 'day': {
      const end = r.end;
      const at = (year: number): Interval | null => {
        if (!isValidDate(year, r.month, r.day)) return null;
        const earliest = dayNumber(year, r.month, r.day);
        if (!end) return { earliest, latest: earliest };
        // A range that crosses the new year ("du 28 décembre au 3 janvier") ends in the next one.
        let endYear = end.year ?? year;
        if (end.year === null && dayNumber(endYear, end.month, end.day) < earliest) endYear += 1;
        if (!isValidDate(endYear, end.month, end.day)) return null;
        const latest = dayNumber(endYear, end.month, end.day);
        return latest >= earliest ? { earliest, latest } : null;
      };
      const offsetYear = r.yearOffset === undefined ? null : parts(published).year + r.yearOffset;
      const givenYear =
        r.year ?? (end?.year != null ? end.year - (end.month < r.month ? 1 : 0) : null) ?? offsetYear;
      if (givenYear !== null) {
        const found = at(givenYear);
        if (!found) return null;
        interval = found;
        kind = 'FULL';
        // A year the text gives relative to publication ("прошлого года") is a little less sure.
        confidence = r.year === null && end?.year == null ? 0.9 : 0.95;
      } else {
        const readings = yearsAround(published).flatMap((year) => {
          const found = at(year);
          return found ? [{ ...found, year }] : [];
        });
        if (readings.length === 0) return null;
        // A weekday given with the date tells the year better than the tense does.
        const matching = readings.filter(
          (x) => r.weekday === null || parts(x.earliest).weekday === r.weekday,
        );
        const candidates = matching.length > 0 ? matching : readings;
        const directed = r.direction ? byDirection(candidates, r.direction, published) : undefined;
        kind = 'DAY_MONTH';
        if (directed) {
          interval = directed;
          confidence = 0.9;
        } else {
          const chosen = chooseReading(candidates, tense, published);
          const unsure = r.weekday === null ? unsureYear(candidates, chosen, tense, published) : null;
          if (unsure) {
            interval = unsure;
            precision = 'YEAR';
            qualifier = 'APPROX';
            confidence = 0.5;
            warnings.push(yearUnsure(chosen.year));
          } else {
            interval = chosen;
            confidence = tense === 'PAST' || tense === 'FUTURE' ? 0.85 : 0.8;
            warnings.push(yearInferred(chosen.year, tense));
          }
        }
      }
      if (r.weekday !== null && parts(interval.earliest).weekday !== r.weekday) {
        confidence -= 0.2;
        warnings.push({
          code: 'WEEKDAY_MISMATCH',
          message: `the weekday the text gives is not the weekday of ${isoDay(interval.earliest)}`,
        });
      }
      break;
    }
    case 'month': {
      precision = 'MONTH';
      qualifier = r.qualifier;
      kind = r.qualifier ? 'MONTH_PART' : 'MONTH';
      const year = r.year ?? (r.yearOffset === undefined ? null : parts(published).year + r.yearOffset);
      const readings = yearsAround(published).map((y) => ({
        ...monthInterval(y, r.month, r.qualifier),
        year: y,
      }));
      const directed = r.direction ? byDirection(readings, r.direction, published) : undefined;
      if (year !== null) {
        interval = monthInterval(year, r.month, r.qualifier);
        confidence = r.qualifier ? 0.85 : 0.9;
      } else if (directed) {
        interval = directed;
        confidence = 0.85;
      } else {
        const chosen = chooseReading(readings, tense, published);
        const unsure = unsureYear(readings, chosen, tense, published);
        if (unsure) {
          interval = unsure;
          precision = 'YEAR';
          qualifier = 'APPROX';
          confidence = 0.5;
          warnings.push(yearUnsure(chosen.year));
        } else {
          interval = chosen;
          confidence = 0.8;
          warnings.push(yearInferred(chosen.year, tense));
        }
      }
      break;
    }
    case 'year':
      precision = 'YEAR';
      qualifier = r.qualifier;
      kind = r.qualifier ? 'YEAR_PART' : 'YEAR';
      interval = yearInterval(r.year, r.qualifier);
      confidence = r.qualifier ? 0.85 : 0.9;
      break;
    case 'period':
      confidence = 0.85;
      if (r.unit === 'WEEK') {
        // A week is finer than a month but the schema has no WEEK precision: MONTH, APPROX.
        precision = 'MONTH';
        qualifier = 'APPROX';
        kind = 'WEEK';
        interval = weekInterval(published, r.offset);
      } else if (r.unit === 'MONTH') {
        precision = 'MONTH';
        qualifier = r.qualifier;
        kind = 'RELATIVE_MONTH';
        const { year, month } = shiftedMonth(published, r.offset);
        interval = monthInterval(year, month, r.qualifier);
      } else {
        precision = 'YEAR';
        qualifier = r.qualifier;
        kind = 'RELATIVE_YEAR';
        interval = yearInterval(parts(published).year + r.offset, r.qualifier);
      }
      break;
    case 'relative':
      kind = 'RELATIVE_DAY';
      interval = { earliest: published + r.offset, latest: published + r.offset };
      confidence = 0.9;
      break;
    case 'anaphoric':
      // Only the day stated before places it: findDates reads it against that day.
      return null;
    case 'weekday': {
      kind = 'WEEKDAY';
      const direction = r.direction ?? (tense === 'PAST' || tense === 'FUTURE' ? tense : null);
      const day = weekdayNear(r.weekday, published, direction ?? 'PAST', r.direction !== null);
      interval = { earliest: day, latest: day };
      if (r.direction) confidence = 0.8;
      else if (direction) confidence = 0.75;
      else {
        confidence = 0.5;
        warnings.push({
          code: 'WEEKDAY_TENSE_UNKNOWN',
          message: `the sentence's tense is ${tense === 'PRESENT' ? 'present' : 'unknown'}: read as the most recent such day on or before publication`,
        });
      }
      break;
    }
  }

  // "Depuis hier": from that day to publication, both stated; a beginning after publication is
  // no "since" the text can mean, and keeps its day.
  if ('since' in r && r.since && interval.latest < published) interval = { ...interval, latest: published };

  // Only a stated date can contradict the tense (the year rule follows it): the date stands,
  // but the sentence may report a plan or quote someone, which the editor should see.
  if (tense === 'PAST' && interval.earliest > published) {
    warnings.push({
      code: 'DATE_AFTER_PUBLICATION',
      message: 'a past-tense sentence dated after publication',
    });
  } else if (tense === 'FUTURE' && interval.latest < published) {
    warnings.push({
      code: 'DATE_BEFORE_PUBLICATION',
      message: 'a future-tense sentence dated before publication',
    });
  }

  return {
    earliest: isoDay(interval.earliest),
    latest: isoDay(interval.latest),
    precision,
    qualifier,
    kind,
    confidence: round(Math.max(0.05, confidence)),
    warnings,
  };
}
