import type { DraftWarning } from '../types.ts';
import { parseIsoDay, type Tense } from './calendar.ts';
import type { DateExpression } from './index.ts';
import type { Reading } from './match.ts';
import { resolveCandidate, TENSE_WARNINGS } from './resolve.ts';

type Status = 'ASSERTED' | 'PLANNED' | 'HYPOTHETICAL' | 'NEGATED';

/** The tense an event's status stands for; a hypothesis has none, so its date stays as read. */
const TENSE_OF: Record<Status, Tense | null> = {
  ASSERTED: 'PAST',
  NEGATED: 'PAST',
  PLANNED: 'FUTURE',
  HYPOTHETICAL: null,
};

/**
 * Whether the year or weekday of a reading came from the tense rule: a day and month, a month
 * or a part of one without a year, or a bare weekday. A year the text gives, relative or not,
 * and words that place the date themselves ("mai dernier", "next Friday", "hier") are not.
 */
function placedByTense(r: Reading): boolean {
  switch (r.type) {
    case 'day':
      return (
        r.year === null &&
        (r.end === null || r.end.year === null) &&
        r.yearOffset === undefined &&
        r.direction === undefined
      );
    case 'month':
      return r.year === null && r.yearOffset === undefined && r.direction === undefined;
    case 'weekday':
      return r.direction === null;
    default:
      return false;
  }
}

const sameWarnings = (a: DraftWarning[], b: DraftWarning[]) =>
  a.length === b.length && a.every((w, i) => w.code === b[i]!.code && w.message === b[i]!.message);

/**
 * Re-applies the year and weekday rule with the tense of the event's status, once the rules
 * know it (the sentence's tense may be unknown, or another clause's): PLANNED → the next
 * occurrence, ASSERTED and NEGATED → the most recent one, HYPOTHETICAL → unchanged. Returns `d`
 * itself when nothing changes; otherwise a copy whose evidence ends with `date.year-by-status`.
 */
export function resolveForStatus(
  d: DateExpression,
  status: 'ASSERTED' | 'PLANNED' | 'HYPOTHETICAL' | 'NEGATED',
  publishedAt: string,
): DateExpression {
  const tense = TENSE_OF[status];
  if (tense === null || !placedByTense(d.reading)) return d;
  const resolved = resolveCandidate(
    {
      start: d.start,
      end: d.end,
      sentence: d.sentence,
      reading: d.reading,
      evidence: d.evidence,
      warnings: d.warnings.filter((w) => !TENSE_WARNINGS.has(w.code)),
      priority: 0,
    },
    tense,
    parseIsoDay(publishedAt),
  );
  if (
    !resolved ||
    (resolved.earliest === d.earliest &&
      resolved.latest === d.latest &&
      resolved.confidence === d.confidence &&
      sameWarnings(resolved.warnings, d.warnings))
  )
    return d;
  return {
    ...d,
    ...resolved,
    evidence: [...d.evidence, { rule: 'date.year-by-status', detail: status }],
  };
}
