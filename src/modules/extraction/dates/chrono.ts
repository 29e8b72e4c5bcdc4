import * as chrono from 'chrono-node';
import type { Token } from '../text/tokens.ts';
import type { DraftWarning, Evidence } from '../types.ts';
import type { DatesLexicon } from './lexicon.ts';
import { type Candidate, joined, phraseAt, phraseBefore, type SentenceTokens } from './match.ts';

export type ChronoLanguage = 'fr' | 'en' | 'ru' | 'de';

// Strict parsers: no casual words (today, Tuesday, bare months); our lexicons read those so
// that every reading cites an entry and follows the tense rules, not chrono's forward guesses.
const PARSERS: Record<ChronoLanguage, chrono.Chrono> = {
  fr: chrono.fr.strict,
  en: chrono.en.strict,
  ru: chrono.ru.strict,
  de: chrono.de.strict,
};

const EDGE = /[\s,;:!?«»"“”„()[\]]/u;

/** Chrono's text may carry spaces or punctuation at its edges ("в январе, "). */
function trim(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && EDGE.test(text[s]!)) s++;
  while (e > s && EDGE.test(text[e - 1]!)) e--;
  // A final dot is the sentence's, unless it ends an abbreviation ("Jan.", "г.").
  if (e > s && text[e - 1] === '.') {
    const word = /(\p{L}+)\.$/u.exec(text.slice(s, e));
    if (!word || word[1]!.length > 4) e--;
  }
  return [s, e];
}

/**
 * Chrono's text runs on over a time ("le 9 février 2022 à 10 h"): the date ends at its last
 * month word, year ("2021 года", "2021 r." with the lexicon's suffix) or day after a month
 * ("January 28").
 */
function dateEnd(
  s: SentenceTokens,
  inside: readonly Token[],
  lexicon: DatesLexicon,
  year: number | null,
): number | undefined {
  const isMonth = (t: Token | undefined) =>
    !!t && (lexicon.months.has(t.folded) || lexicon.monthAbbreviations.has(t.folded));
  let last: Token | undefined;
  let lastIsYear = false;
  inside.forEach((t, k) => {
    const isYear = /^\d{4}$/.test(t.text) && Number(t.text) === year;
    if (isYear || isMonth(t) || (/^\d{1,2}$/.test(t.text) && isMonth(inside[k - 1]))) {
      last = t;
      lastIsYear = isYear;
    }
  });
  if (!last) return undefined;
  const end = last.end + (lexicon.monthAbbreviations.has(last.folded) && s.text[last.end] === '.' ? 1 : 0);
  if (!lastIsYear) return end;
  const at = s.tokens.indexOf(last);
  const suffix = joined(s, at, at + 1) ? phraseAt(lexicon.yearSuffixes, s, at + 1) : undefined;
  return suffix?.end ?? end;
}

/**
 * A time before the date ("в 10:00, 17 декабря", "at 5 pm on 28 January"): the date begins at
 * the day right before the month (or the first day of a range), or at the weekday before them,
 * or at the month itself.
 */
function dateStart(
  s: SentenceTokens,
  inside: readonly Token[],
  lexicon: DatesLexicon,
  range: boolean,
): number | undefined {
  const at = inside.findIndex(
    (t) => lexicon.months.has(t.folded) || lexicon.monthAbbreviations.has(t.folded),
  );
  if (at < 0) return undefined;
  const isDay = (k: number) => {
    const t = inside[k];
    if (!t || !/^\d{1,2}$/.test(t.text) || Number(t.text) < 1 || Number(t.text) > 31) return false;
    const before = inside[k - 1];
    return !before || !s.text.slice(before.end, t.start).includes(':');
  };
  let first = at;
  if (isDay(at - 1)) {
    first = at - 1;
    if (range && isDay(at - 3)) first = at - 3;
  }
  if (inside[first - 1] && lexicon.weekdays.has(inside[first - 1]!.folded)) first -= 1;
  return inside[first]!.start;
}

const NUMERIC = /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/;

/**
 * Dates with a day, read by chrono-node in one sentence. A result is kept only when its words
 * name a month or a four-digit year: "3/4 majority" is not the 4th of March.
 */
export function chronoCandidates(
  s: SentenceTokens,
  sentenceStart: number,
  sentenceEnd: number,
  language: ChronoLanguage,
  lexicon: DatesLexicon,
  reference: Date,
): Candidate[] {
  const out: Candidate[] = [];
  const sentenceText = s.text.slice(sentenceStart, sentenceEnd);
  for (const result of PARSERS[language].parse(sentenceText, reference)) {
    const c = result.start;
    if (!c.isCertain('day') || !c.isCertain('month')) continue;
    const rawStart = sentenceStart + result.index;
    if (s.text.slice(rawStart, rawStart + result.text.length) !== result.text) continue;
    let [start, end] = trim(s.text, rawStart, rawStart + result.text.length);
    if (start >= end) continue;

    const inside = s.tokens.filter((t) => t.start >= start && t.end <= end);
    const monthWord = inside
      .map((t) => lexicon.months.get(t.folded) ?? lexicon.monthAbbreviations.get(t.folded))
      .find((m) => m !== undefined);
    const yearCertain = c.isCertain('year') && inside.some((t) => /^\d{4}$/.test(t.text));
    if (!monthWord && !yearCertain) continue;

    end = dateEnd(s, inside, lexicon, c.get('year')) ?? end;
    if (c.isCertain('hour'))
      start = dateStart(s, inside, lexicon, result.end !== undefined && result.end !== null) ?? start;
    const first = s.tokens.findIndex((t) => t.start === start);
    const preposition = first >= 0 ? phraseBefore(lexicon.dayPrepositions, s, first) : undefined;
    if (preposition !== undefined) start = s.tokens[preposition]!.start;

    const e = result.end;
    const evidence: Evidence[] = [{ rule: 'date.chrono', detail: `chrono.${language}` }];
    if (monthWord) evidence.push({ rule: 'date.month', entry: monthWord.entry });
    const warnings: DraftWarning[] = [];
    const quote = s.text.slice(start, end);
    const numeric = NUMERIC.exec(s.text.slice(rawStart, rawStart + result.text.length).trim());
    if (language === 'en' && numeric && c.get('day')! <= 12 && c.get('month')! <= 12) {
      warnings.push({
        code: 'DAY_MONTH_ORDER_AMBIGUOUS',
        message: `"${quote}" is read month first; it could be day first`,
      });
    }
    out.push({
      start,
      end,
      sentence: s.sentence,
      reading: {
        type: 'day',
        day: c.get('day')!,
        month: c.get('month')!,
        year: c.isCertain('year') ? c.get('year')! : null,
        weekday: c.isCertain('weekday') ? c.get('weekday')! : null,
        end:
          e?.isCertain('day') === true
            ? {
                day: e.get('day')!,
                month: e.isCertain('month') ? e.get('month')! : c.get('month')!,
                year: e.isCertain('year') ? e.get('year')! : null,
              }
            : null,
      },
      evidence,
      warnings,
      priority: 5,
    });
  }
  return out;
}
