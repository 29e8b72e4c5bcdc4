import { matchAt } from '../text/patterns.ts';
import type { Token } from '../text/tokens.ts';
import type { DraftWarning, Evidence } from '../types.ts';
import type { Phrase, RelativePeriod, WordForm } from './lexicon.ts';

/** What a finder read, before the year rule and the tense turn it into an interval. */
export type Part = 'EARLY' | 'MID' | 'LATE';
export type Direction = 'PAST' | 'FUTURE';

/**
 * How the text places a day or month it gives without a year: `yearOffset` from the year of
 * publication ("в мае прошлого года" −1), or `direction` ("mai dernier", "next May"). Either
 * one settles the year, so the tense (and resolveForStatus) no longer does.
 */
export interface YearAnchor {
  yearOffset?: number;
  direction?: Direction;
}

/** "depuis hier", "since Monday", "seit dem 3. Mai": the day something began, lasting to publication. */
export interface Since {
  since?: boolean;
}

export type Reading =
  | ({
      type: 'day';
      day: number;
      month: number;
      year: number | null;
      /** A weekday the text gives with the date, checked against it. */
      weekday: number | null;
      /** The last day of a range ("du 5 au 7 janvier"). */
      end: { day: number; month: number; year: number | null } | null;
    } & YearAnchor &
      Since)
  | ({ type: 'month'; month: number; year: number | null; qualifier: Part | null } & YearAnchor)
  | { type: 'year'; year: number; qualifier: Part | null }
  /** Days from publication: "hier" −1, "three days ago" −3. */
  | ({ type: 'relative'; offset: number } & Since)
  /** The week, month or year `offset` from publication's ("last week", "fin de l'année dernière"). */
  | { type: 'period'; unit: 'WEEK' | 'MONTH' | 'YEAR'; offset: number; qualifier: Part | null }
  | ({ type: 'weekday'; weekday: number; direction: Direction | null } & Since)
  /**
   * Days from the day the text stated just before ("le lendemain" +1, "ce jour-là" 0): findDates
   * turns it into that day once the earlier dates are read.
   */
  | {
      type: 'anaphoric';
      offset: number;
      /** "la veille du sommet": counted from a named event the finder cannot date. */
      unanchored?: boolean;
    };

export interface Candidate {
  start: number;
  end: number;
  sentence: number;
  reading: Reading;
  evidence: Evidence[];
  warnings: DraftWarning[];
  /** Breaks ties between overlapping candidates of the same length (higher wins). */
  priority: number;
}

/** The tokens of one sentence and the text they index. */
export interface SentenceTokens {
  text: string;
  sentence: number;
  tokens: Token[];
}

/** Between two words of one date phrase only spaces, hyphens and apostrophes may stand. */
const JOIN = /^[\s'’ʼ\-‐‑]+$/u;

export function joined(s: SentenceTokens, a: number, b: number): boolean {
  const left = s.tokens[a];
  const right = s.tokens[b];
  return !!left && !!right && JOIN.test(s.text.slice(left.end, right.start));
}

/** The longest phrase whose first token is `i`: its last token and end offset. */
export function phraseAt(
  phrases: readonly Phrase[],
  s: SentenceTokens,
  i: number,
): { last: number; end: number } | undefined {
  let best: { last: number; end: number } | undefined;
  for (const p of phrases) {
    const m = matchAt(p.pattern, s.tokens, i);
    if (!m || (best && m.last <= best.last)) continue;
    const end = p.dot && s.text[m.end] === '.' ? m.end + 1 : m.end;
    best = { last: m.last, end };
  }
  return best;
}

/**
 * The last tokens of every phrase that begins at token `i` and is joined to the token after
 * it, longest first: "fin de l'année dernière" needs the link "de" where "de l'année" matches too.
 */
export function linkEnds(phrases: readonly Phrase[], s: SentenceTokens, i: number): number[] {
  const ends = new Set<number>();
  for (const p of phrases) {
    const m = matchAt(p.pattern, s.tokens, i);
    if (m && joined(s, m.last, m.last + 1)) ends.add(m.last);
  }
  return [...ends].sort((a, b) => b - a);
}

/** The longest phrase that ends on token `i - 1` and is joined to token `i`: its first token. */
export function phraseBefore(phrases: readonly Phrase[], s: SentenceTokens, i: number): number | undefined {
  let best: number | undefined;
  for (const p of phrases) {
    const first = i - p.pattern.steps.length;
    if (first < 0 || (best !== undefined && first >= best)) continue;
    const m = matchAt(p.pattern, s.tokens, first, i);
    if (m && m.last === i - 1 && joined(s, i - 1, i)) best = first;
  }
  return best;
}

/** A form of the lexicon at token `i`, honouring capitals the lexicon wrote. */
export function formAt<T>(
  forms: Map<string, WordForm<T>>,
  s: SentenceTokens,
  i: number,
): WordForm<T> | undefined {
  const token = s.tokens[i];
  if (!token) return undefined;
  const form = forms.get(token.folded);
  if (!form || (form.capitalised && !token.capitalised)) return undefined;
  return form;
}

export function yearAt(s: SentenceTokens, i: number): number | undefined {
  const token = s.tokens[i];
  if (!token || !/^\d{4}$/.test(token.text)) return undefined;
  // "в начале 2000-х": a decade, not the year 2000.
  const next = s.tokens[i + 1];
  if (next?.folded === 'х' && /^[-‐‑]$/u.test(s.text.slice(token.end, next.start))) return undefined;
  const year = Number(token.text);
  return year >= 1900 && year <= 2100 ? year : undefined;
}

export function dayAt(s: SentenceTokens, i: number): number | undefined {
  const token = s.tokens[i];
  if (!token || !/^\d{1,2}$/.test(token.text)) return undefined;
  const day = Number(token.text);
  return day >= 1 && day <= 31 ? day : undefined;
}

/**
 * A year right after token `i` ("janvier 2022", "января 2022 года", "stycznia 2022 r."): the
 * year, and where the phrase now ends; a comma ("January, 2022") or an abbreviation's dot may
 * stand before the year.
 */
export function trailingYear(
  s: SentenceTokens,
  i: number,
  suffixes: readonly Phrase[],
): { year: number; last: number; end: number } | undefined {
  const year = yearAt(s, i + 1);
  const left = s.tokens[i];
  const right = s.tokens[i + 1];
  if (year === undefined || !left || !right) return undefined;
  if (!/^\.?[\s,]+$/u.test(s.text.slice(left.end, right.start))) return undefined;
  const suffix = joined(s, i + 1, i + 2) ? phraseAt(suffixes, s, i + 2) : undefined;
  if (suffix) return { year, last: suffix.last, end: suffix.end };
  return { year, last: i + 1, end: right.end };
}

/** The longest relative period ("la semaine prochaine", "прошлого года") whose first token is `i`. */
export function periodAt(
  periods: readonly RelativePeriod[],
  s: SentenceTokens,
  i: number,
): { period: RelativePeriod; last: number; end: number } | undefined {
  let best: { period: RelativePeriod; last: number; end: number } | undefined;
  const previous = s.tokens[i - 1];
  for (const period of periods) {
    if (previous && period.notPrecededBy.has(previous.folded) && joined(s, i - 1, i)) continue;
    const m = phraseAt(period.patterns, s, i);
    if (m && (!best || m.last > best.last)) best = { period, ...m };
  }
  return best;
}
