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
import type { Candidate } from './match.ts';

export type DateKind = 'FULL' | 'DAY_MONTH' | 'MONTH' | 'MONTH_PART' | 'YEAR' | 'RELATIVE_DAY' | 'WEEKDAY';

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
      const givenYear = r.year ?? (end?.year != null ? end.year - (end.month < r.month ? 1 : 0) : null);
      if (givenYear !== null) {
        const found = at(givenYear);
        if (!found) return null;
        interval = found;
        kind = 'FULL';
        confidence = 0.95;
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
        const chosen = chooseReading(matching.length > 0 ? matching : readings, tense, published);
        interval = chosen;
        kind = 'DAY_MONTH';
        confidence = tense === 'PAST' || tense === 'FUTURE' ? 0.85 : 0.8;
        warnings.push(yearInferred(chosen.year, tense));
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
      if (r.year !== null) {
        interval = monthInterval(r.year, r.month, r.qualifier);
        confidence = r.qualifier ? 0.85 : 0.9;
      } else {
        const readings = yearsAround(published).map((year) => ({
          ...monthInterval(year, r.month, r.qualifier),
          year,
        }));
        const chosen = chooseReading(readings, tense, published);
        interval = chosen;
        confidence = 0.8;
        warnings.push(yearInferred(chosen.year, tense));
      }
      break;
    }
    case 'year':
      precision = 'YEAR';
      kind = 'YEAR';
      interval = { earliest: dayNumber(r.year, 1, 1), latest: dayNumber(r.year, 12, 31) };
      confidence = 0.9;
      break;
    case 'relative':
      kind = 'RELATIVE_DAY';
      interval = { earliest: published + r.offset, latest: published + r.offset };
      confidence = 0.9;
      break;
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
