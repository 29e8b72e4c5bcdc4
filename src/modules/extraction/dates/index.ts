import type { LexiconSet } from '../lexicons.ts';
import { findAll } from '../text/patterns.ts';
import { tokenize } from '../text/tokens.ts';
import type { Language, Precision, Qualifier, Scored, Sentence, Span } from '../types.ts';
import { isoDay, parseIsoDay, parts, type Tense } from './calendar.ts';
import { chronoCandidates } from './chrono.ts';
import { discourseDates } from './discourse.ts';
import {
  anaphoricCandidates,
  anchorDays,
  daysAgoCandidates,
  monthCandidates,
  monthPartCandidates,
  periodCandidates,
  relativeCandidates,
  weekdayCandidates,
  yearCandidates,
} from './lexical.ts';
import { type DatesLexicon, datesLexicon } from './lexicon.ts';
import type { Candidate, Reading, SentenceTokens } from './match.ts';
import { dayMonthCandidates, polishCandidates } from './polish.ts';
import { type DateKind, resolveCandidate } from './resolve.ts';

export type { Tense } from './calendar.ts';
export type { Reading } from './match.ts';
export type { DateKind } from './resolve.ts';
export { resolveForStatus } from './status.ts';

/** A date the text states, resolved against the publication date (docs/extraction.md, "Dates"). */
export interface DateExpression extends Span, Scored {
  /** The index of the sentence it is in. */
  sentence: number;
  /** YYYY-MM-DD. */
  earliest: string;
  latest: string;
  precision: Precision;
  qualifier: Qualifier | null;
  kind: DateKind;
  /** What the words said before the year and tense rules: resolveForStatus re-applies them. */
  reading: Reading;
}

export interface FindDatesArgs {
  text: string;
  sentences: Sentence[];
  language: Language;
  /** YYYY-MM-DD. */
  publishedAt: string;
  /** The caller decides tense from grammar; null when it cannot tell. */
  tenseOf: (sentenceIndex: number) => Tense | null;
}

const overlaps = (a: Candidate, b: Candidate) => a.start < b.end && b.start < a.end;

/**
 * Overlapping readings of the same words: the longest wins, so "fin janvier" beats the bare
 * "janvier" inside it and "mardi 8 février" beats "mardi"; equal lengths go by finder priority.
 */
function settle(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ordered) if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

/** "we wtorek, 8 lutego": a weekday just before a date with a day is that date's weekday. */
function mergeWeekdays(kept: Candidate[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < kept.length; i++) {
    const c = kept[i]!;
    const next = kept[i + 1];
    if (
      c.reading.type === 'weekday' &&
      c.reading.direction === null &&
      next?.reading.type === 'day' &&
      next.reading.weekday === null &&
      next.sentence === c.sentence &&
      /^[\s,]+$/u.test(text.slice(c.end, next.start))
    ) {
      out.push({
        ...next,
        start: c.start,
        reading: { ...next.reading, weekday: c.reading.weekday },
        evidence: [...next.evidence, ...c.evidence],
      });
      i++;
      continue;
    }
    out.push(c);
  }
  return out;
}

const NUMERIC_DATE = /\d[./-]\d{1,2}[./-]\d/;

/**
 * Chrono is the slow part, and we keep only its dates that name a month or are numeric
 * (chrono.ts): a sentence with neither a digit and a month word nor a numeric date is skipped.
 */
function mayHoldDayDate(s: SentenceTokens, lexicon: DatesLexicon, sentence: string): boolean {
  if (NUMERIC_DATE.test(sentence)) return true;
  if (!/\d/.test(sentence)) return false;
  return s.tokens.some((t) => lexicon.months.has(t.folded) || lexicon.monthAbbreviations.has(t.folded));
}

/**
 * A single day after "depuis", "since", "seit", "od": the span takes the word, and the reading
 * lasts from that day to publication. A range ("od 5 do 7 lutego") already has its end.
 */
function markSince(c: Candidate, text: string, lexicon: DatesLexicon): void {
  const r = c.reading;
  if (!lexicon.sinceBefore || !lexicon.sinceStart) return;
  if (r.type !== 'relative' && r.type !== 'weekday' && !(r.type === 'day' && r.end === null)) return;
  if (r.type === 'relative' && r.offset > 0) return;
  if (lexicon.sinceStart.test(text.slice(c.start, c.end))) {
    c.reading = { ...r, since: true };
    c.evidence = [...c.evidence, { rule: 'date.since' }];
    return;
  }
  const before = text.slice(Math.max(0, c.start - 30), c.start);
  const m = lexicon.sinceBefore.exec(before);
  if (!m) return;
  // The match may begin with the character before the word: the span starts at the word.
  const word = m[0].search(/[\p{L}]/u);
  c.start = c.start - before.length + m.index + word;
  c.reading = { ...r, since: true };
  c.evidence = [...c.evidence, { rule: 'date.since' }];
}

/** How many sentences back the day "ce jour-là", "the next day" or "на следующий день" counts from may lie. */
const ANAPHORIC_SENTENCES = 3;

/**
 * "Le différend remonte au 1er mars. […] Ce jour-là, …", "Drei Tage später …": the day the text
 * stated last before the words (a single day, in this sentence or the last three, and after any
 * "la veille du sommet" the finder cannot date), moved by their offset; none when no such day
 * was stated, which leaves the event to the discourse rules.
 */
function anaphoricDay(
  c: Candidate,
  offset: number,
  pointsBack: boolean,
  text: string,
  before: readonly DateExpression[],
): DateExpression | undefined {
  const from = [...before]
    .reverse()
    .find(
      (d) =>
        d.sentence >= c.sentence - ANAPHORIC_SENTENCES && d.earliest === d.latest && d.precision === 'DAY',
    );
  if (!from) return undefined;
  // "The same day" right after the sentence that states the day is date.then's (rules/engine.ts):
  // it takes the date of that sentence's event, not whichever day the sentence names last. Nor
  // does it point to a day of its own sentence ("hier il a parlé ; ce jour-là il pleuvait").
  if (pointsBack && from.sentence >= c.sentence - 1) return undefined;
  const day = parseIsoDay(from.earliest) + offset;
  const { year, month, day: dayOfMonth } = parts(day);
  return {
    start: c.start,
    end: c.end,
    quote: text.slice(c.start, c.end),
    sentence: c.sentence,
    earliest: isoDay(day),
    latest: isoDay(day),
    precision: 'DAY',
    qualifier: null,
    kind: 'ANAPHORIC_DAY',
    confidence: Math.round(Math.max(0.05, from.confidence - 0.1) * 100) / 100,
    warnings: [],
    evidence: c.evidence.map((e) => ({ ...e, detail: `${offset} days from "${from.quote}"` })),
    // A day with its year: the event's status no longer moves it (status.ts).
    reading: { type: 'day', day: dayOfMonth, month, year, weekday: null, end: null },
  };
}

/** Every date the text states, sorted by start, not overlapping; offsets are exact into `text`. */
export function findDates(args: FindDatesArgs, lexicons: LexiconSet): DateExpression[] {
  const { text, sentences, language } = args;
  const lexicon = datesLexicon(lexicons, language);
  const published = parseIsoDay(args.publishedAt);
  // Noon UTC: chrono fills implied parts in local time, and noon is the same day in every zone we meet.
  const reference = new Date(`${args.publishedAt}T12:00:00Z`);

  const candidates: Candidate[] = [];
  for (const sentence of sentences) {
    const start = Math.max(0, sentence.start);
    const end = Math.min(text.length, sentence.end);
    if (start >= end) continue;
    const s: SentenceTokens = { text, sentence: sentence.index, tokens: tokenize(text, start, end) };
    if (s.tokens.length === 0) continue;
    const days =
      language === 'pl'
        ? polishCandidates(s, lexicon)
        : mayHoldDayDate(s, lexicon, text.slice(start, end))
          ? [
              ...chronoCandidates(s, start, end, language, lexicon, reference),
              // Day-first ranges chrono's English parser leaves out ("from 1 to 4 May").
              ...(language === 'en'
                ? dayMonthCandidates(s, lexicon).filter((c) => c.reading.type === 'day' && c.reading.end)
                : []),
            ]
          : [];
    anchorDays(s, lexicon, days);
    candidates.push(
      ...days,
      ...periodCandidates(s, lexicon),
      ...daysAgoCandidates(s, lexicon),
      ...anaphoricCandidates(s, lexicon),
      ...monthPartCandidates(s, lexicon),
      ...monthCandidates(s, lexicon),
      ...relativeCandidates(s, lexicon),
      ...weekdayCandidates(s, lexicon),
      ...yearCandidates(s, lexicon),
    );
  }

  const tenses = new Map<number, Tense | null>();
  const tenseOf = (index: number) => {
    if (!tenses.has(index)) tenses.set(index, args.tenseOf(index));
    return tenses.get(index) ?? null;
  };

  // The words of discourse.json `dateThen` ("the same day", "ce jour-là") the engine reads too.
  const then = discourseDates(lexicons, language).pointBack;
  const pointsBack = (c: Candidate) => {
    const tokens = tokenize(text, c.start, c.end);
    return then.some((p) => findAll(p, tokens).length > 0);
  };
  const out: DateExpression[] = [];
  /** Where the last day counted from a named event was ("la veille du sommet"). */
  let barrier = -1;
  for (const c of mergeWeekdays(settle(candidates), text)) {
    if (c.reading.type === 'anaphoric') {
      if (c.reading.unanchored) barrier = c.start;
      const d = c.reading.unanchored
        ? undefined
        : anaphoricDay(
            c,
            c.reading.offset,
            pointsBack(c),
            text,
            out.filter((x) => x.start > barrier),
          );
      if (d) out.push(d);
      continue;
    }
    markSince(c, text, lexicon);
    const resolved = resolveCandidate(c, tenseOf(c.sentence), published);
    if (!resolved) continue;
    out.push({
      start: c.start,
      end: c.end,
      quote: text.slice(c.start, c.end),
      sentence: c.sentence,
      ...resolved,
      evidence: c.evidence,
      reading: c.reading,
    });
  }
  return out;
}
