import type { DatesLexicon } from './lexicon.ts';
import {
  type Candidate,
  dayAt,
  formAt,
  joined,
  phraseAt,
  phraseBefore,
  type SentenceTokens,
  trailingYear,
  yearAt,
} from './match.ts';

/**
 * Dates with a day in Polish, which chrono-node does not read: "17 grudnia 2021 r.",
 * "28 stycznia", "5–7 lutego", "od 5 do 7 lutego", "17.12.2021 r.". Months, weekdays, parts of
 * months, years and today/yesterday words come from the shared finders (lexical.ts).
 */
export function polishCandidates(s: SentenceTokens, lex: DatesLexicon): Candidate[] {
  return [...dayMonthCandidates(s, lex), ...numericCandidates(s, lex)];
}

const RANGE_DASH = /^\s*[-–—]\s*$/u;

/**
 * "17 grudnia", "5–7 lutego", "od 5 do 7 lutego"; English uses it too, for the day-first ranges
 * chrono does not read ("from 1 to 4 May", "1–4 May").
 */
export function dayMonthCandidates(s: SentenceTokens, lex: DatesLexicon): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text } = s;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const day = dayAt(s, i);
    if (day === undefined || !/^\s+$/u.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start))) continue;
    let month = formAt(lex.months, s, i + 1);
    let monthEnd = tokens[i + 1]!.end;
    if (!month && text[monthEnd] === '.') {
      month = formAt(lex.monthAbbreviations, s, i + 1);
      monthEnd += 1;
    }
    if (!month) continue;
    const year = trailingYear(s, i + 1, lex.yearSuffixes);

    let first = i;
    let startDay = day;
    const previous = tokens[i - 1];
    const rangeStart = dayAt(s, i - 1);
    if (previous && rangeStart !== undefined && RANGE_DASH.test(text.slice(previous.end, tokens[i]!.start))) {
      first = i - 1;
      startDay = rangeStart;
    } else {
      const to = phraseBefore(lex.rangeTo, s, i);
      const from = to === undefined ? undefined : dayAt(s, to - 1);
      if (to !== undefined && from !== undefined && joined(s, to - 1, to)) {
        first = to - 1;
        startDay = from;
      }
    }
    first = phraseBefore(lex.dayPrepositions, s, first) ?? first;

    out.push({
      start: tokens[first]!.start,
      end: year?.end ?? monthEnd,
      sentence: s.sentence,
      reading: {
        type: 'day',
        day: startDay,
        month: month.value,
        year: year?.year ?? null,
        weekday: null,
        end: startDay === day ? null : { day, month: month.value, year: year?.year ?? null },
      },
      evidence: [
        { rule: lex.language === 'pl' ? 'date.polish' : 'date.day-month', detail: 'day and month name' },
        { rule: 'date.month', entry: month.entry },
      ],
      warnings: [],
      priority: 5,
    });
  }
  return out;
}

/** "17.12.2021", optionally "r." or "roku" after it. */
function numericCandidates(s: SentenceTokens, lex: DatesLexicon): Candidate[] {
  const out: Candidate[] = [];
  const { tokens, text } = s;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const day = dayAt(s, i);
    const monthToken = tokens[i + 1]!;
    const year = yearAt(s, i + 2);
    if (day === undefined || year === undefined || !/^\d{1,2}$/.test(monthToken.text)) continue;
    if (text.slice(tokens[i]!.end, monthToken.start) !== '.') continue;
    if (text.slice(monthToken.end, tokens[i + 2]!.start) !== '.') continue;
    const month = Number(monthToken.text);
    if (month < 1 || month > 12) continue;
    const suffix = joined(s, i + 2, i + 3) ? phraseAt(lex.yearSuffixes, s, i + 3) : undefined;
    const first = phraseBefore(lex.dayPrepositions, s, i) ?? i;
    out.push({
      start: tokens[first]!.start,
      end: suffix?.end ?? tokens[i + 2]!.end,
      sentence: s.sentence,
      reading: { type: 'day', day, month, year, weekday: null, end: null },
      evidence: [{ rule: 'date.polish', detail: 'numeric day.month.year' }],
      warnings: [],
      priority: 5,
    });
  }
  return out;
}
