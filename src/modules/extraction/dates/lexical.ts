import { matchAt } from '../text/patterns.ts';
import type { Evidence } from '../types.ts';
import type { DatesLexicon } from './lexicon.ts';
import {
  type Candidate,
  type Direction,
  formAt,
  joined,
  linkEnds,
  type Part,
  periodAt,
  phraseAt,
  phraseBefore,
  type SentenceTokens,
  trailingYear,
  type YearAnchor,
  yearAt,
} from './match.ts';

/**
 * The finders every language shares, driven by `dates.json`: parts of months, months with a
 * preposition or a year, today/yesterday words, weekdays and years. Each returns candidates;
 * overlapping ones are settled by the caller (the longest wins).
 */

function candidate(
  s: SentenceTokens,
  first: number,
  end: number,
  reading: Candidate['reading'],
  evidence: Evidence[],
  priority: number,
): Candidate {
  return {
    start: s.tokens[first]!.start,
    end,
    sentence: s.sentence,
    reading,
    evidence,
    warnings: [],
    priority,
  };
}

/**
 * What may follow a month (or the last token of a day and month, `i`): a year ("janvier 2022",
 * "января 2022 года"), a relative year ("в мае прошлого года", "en mai de l'an dernier", "in
 * May last year") or a past/next word ("mai dernier"). Undefined when none does.
 */
export function monthTail(
  s: SentenceTokens,
  i: number,
  lex: DatesLexicon,
): ({ end: number; year: number | null; evidence: Evidence[] } & YearAnchor) | undefined {
  const year = trailingYear(s, i, lex.yearSuffixes);
  if (year) return { end: year.end, year: year.year, evidence: [] };
  if (!joined(s, i, i + 1)) return undefined;
  for (const at of [...linkEnds(lex.monthPartLinks, s, i + 1).map((last) => last + 1), i + 1]) {
    const relative = periodAt(lex.relativeYears, s, at);
    if (relative)
      return {
        end: relative.end,
        year: null,
        yearOffset: relative.period.offset,
        evidence: [{ rule: 'date.relative-period', entry: relative.period.entry }],
      };
  }
  for (const mod of lex.monthModifiersAfter) {
    const at = phraseAt([mod.pattern], s, i + 1);
    if (at)
      return {
        end: at.end,
        year: null,
        direction: mod.direction,
        evidence: [{ rule: 'date.month-modifier', entry: mod.entry }],
      };
  }
  return undefined;
}

/** The anchor fields of a tail, without the fields that are undefined (exact optional types). */
function anchorOf(tail: YearAnchor | undefined): YearAnchor {
  const out: YearAnchor = {};
  if (tail?.yearOffset !== undefined) out.yearOffset = tail.yearOffset;
  if (tail?.direction !== undefined) out.direction = tail.direction;
  return out;
}

/**
 * Parts of months, of years and of relative months and years: "fin janvier", "à la fin de
 * janvier", "в конце января 2022 года", "mid-January", "début 2022", "late last year",
 * "в конце прошлого месяца".
 */
export function monthPartCandidates(s: SentenceTokens, lex: DatesLexicon): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    if (lex.partStarts && !lex.partStarts.has(s.tokens[i]!.folded)) continue;
    for (const part of lex.monthParts) {
      for (const p of part.patterns) {
        const m = matchAt(p.pattern, s.tokens, i);
        if (!m) continue;
        const links = joined(s, m.last, m.last + 1) ? linkEnds(lex.monthPartLinks, s, m.last + 1) : [];
        const partEvidence: Evidence = { rule: 'date.month-part', entry: part.entry };
        // With and without a link: "fin de janvier", and "fin" right before the month.
        for (const before of [...links, m.last]) {
          const at = before + 1;
          if (!joined(s, before, at)) continue;
          const found = partAnchor(s, at, lex, part.qualifier);
          if (!found) continue;
          out.push(candidate(s, i, found.end, found.reading, [partEvidence, ...found.evidence], 4));
          break;
        }
      }
    }
  }
  return out;
}

/** What a part of a month or year stands before, at token `at`: a month, a year or a relative month or year. */
function partAnchor(
  s: SentenceTokens,
  at: number,
  lex: DatesLexicon,
  qualifier: Part,
): { end: number; reading: Candidate['reading']; evidence: Evidence[] } | undefined {
  const month = formAt(lex.months, s, at);
  if (month) {
    const tail = monthTail(s, at, lex);
    return {
      end: tail?.end ?? s.tokens[at]!.end,
      reading: { type: 'month', month: month.value, year: tail?.year ?? null, qualifier, ...anchorOf(tail) },
      evidence: [{ rule: 'date.month', entry: month.entry }, ...(tail?.evidence ?? [])],
    };
  }
  const year = yearAt(s, at);
  if (year !== undefined) {
    const suffix = joined(s, at, at + 1) ? phraseAt(lex.yearSuffixes, s, at + 1) : undefined;
    return {
      end: suffix?.end ?? s.tokens[at]!.end,
      reading: { type: 'year', year, qualifier },
      evidence: [{ rule: 'date.year-part' }],
    };
  }
  const relative = periodAt(lex.relativePeriods, s, at);
  if (relative && relative.period.unit !== 'WEEK') {
    return {
      end: relative.end,
      reading: { type: 'period', unit: relative.period.unit, offset: relative.period.offset, qualifier },
      evidence: [{ rule: 'date.relative-period', entry: relative.period.entry }],
    };
  }
  return undefined;
}

/**
 * A month alone is a date only after a preposition ("en janvier", "w styczniu"), before a year
 * or a relative year ("в мае прошлого года"), or with a past/next word ("mai dernier", "last May").
 */
export function monthCandidates(s: SentenceTokens, lex: DatesLexicon): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    const month = formAt(lex.months, s, i);
    if (!month) continue;
    const evidence: Evidence[] = [{ rule: 'date.month', entry: month.entry }];
    let first = i;
    let direction: Direction | undefined;
    for (const mod of lex.monthModifiersBefore) {
      const at = phraseBefore([mod.pattern], s, i);
      if (at === undefined) continue;
      first = at;
      direction = mod.direction;
      evidence.push({ rule: 'date.month-modifier', entry: mod.entry });
      break;
    }
    const preposition = phraseBefore(lex.monthPrepositions, s, first);
    const tail = direction ? undefined : monthTail(s, i, lex);
    if (preposition === undefined && !tail && !direction) continue;
    out.push(
      candidate(
        s,
        preposition ?? first,
        tail?.end ?? s.tokens[i]!.end,
        {
          type: 'month',
          month: month.value,
          year: tail?.year ?? null,
          qualifier: null,
          ...anchorOf(direction ? { direction } : tail),
        },
        [...evidence, ...(tail?.evidence ?? [])],
        1,
      ),
    );
  }
  return out;
}

/**
 * A day and month without a year that the text places in time ("le 5 mai dernier", "5 мая
 * прошлого года", "5 maja ubiegłego roku"): the candidate grows over those words, in place.
 */
export function anchorDays(s: SentenceTokens, lex: DatesLexicon, candidates: Candidate[]): void {
  for (const c of candidates) {
    const r = c.reading;
    if (r.type !== 'day' || r.year !== null || (r.end && r.end.year !== null)) continue;
    let last = -1;
    for (let k = 0; k < s.tokens.length && s.tokens[k]!.end <= c.end; k++) last = k;
    if (last < 0 || s.tokens[last]!.end !== c.end) continue;
    const tail = monthTail(s, last, lex);
    if (!tail || tail.year !== null) continue;
    c.end = tail.end;
    c.reading = { ...r, ...anchorOf(tail) };
    c.evidence = [...c.evidence, ...tail.evidence];
  }
}

/** "la semaine prochaine", "last month", "в прошлом году", "im vergangenen Jahr", "w tym tygodniu". */
export function periodCandidates(s: SentenceTokens, lex: DatesLexicon): Candidate[] {
  const out: Candidate[] = [];
  if (lex.relativePeriods.length === 0) return out;
  for (let i = 0; i < s.tokens.length; i++) {
    if (lex.periodStarts && !lex.periodStarts.has(s.tokens[i]!.folded)) continue;
    const found = periodAt(lex.relativePeriods, s, i);
    if (!found) continue;
    const { unit, offset, entry } = found.period;
    out.push(
      candidate(
        s,
        i,
        found.end,
        { type: 'period', unit, offset, qualifier: null },
        [{ rule: 'date.relative-period', entry }],
        3,
      ),
    );
  }
  return out;
}

const DIGITS = /^\d{1,3}$/;

/** A number of days at token `k`: digits (1–366) or a number word of the lexicon. */
function numberAt(s: SentenceTokens, lex: DatesLexicon, k: number): number | undefined {
  const token = s.tokens[k];
  if (!token) return undefined;
  if (DIGITS.test(token.text)) {
    const n = Number(token.text);
    return n >= 1 && n <= 366 ? n : undefined;
  }
  return lex.numbers.get(token.folded);
}

/** "il y a trois jours", "3 days ago", "три дня назад", "vor drei Tagen", "trzy dni temu". */
export function daysAgoCandidates(s: SentenceTokens, lex: DatesLexicon): Candidate[] {
  const out: Candidate[] = [];
  if (lex.daysAgo.length === 0) return out;
  for (let i = 0; i < s.tokens.length; i++) {
    const token = s.tokens[i]!;
    if (lex.periodStarts && !lex.periodStarts.has(token.folded) && !DIGITS.test(token.text)) continue;
    for (const d of lex.daysAgo) {
      let at = i;
      if (d.before) {
        const m = matchAt(d.before.pattern, s.tokens, i);
        if (!m || !joined(s, m.last, m.last + 1)) continue;
        at = m.last + 1;
      }
      const days = numberAt(s, lex, at);
      if (days === undefined) continue;
      let end = s.tokens[at]!.end;
      if (d.after) {
        const m = joined(s, at, at + 1) ? matchAt(d.after.pattern, s.tokens, at + 1) : undefined;
        if (!m) continue;
        end = m.end;
      }
      out.push(
        candidate(
          s,
          i,
          end,
          { type: 'relative', offset: -days },
          [{ rule: 'date.days-ago', entry: d.entry, detail: `${days} days` }],
          3,
        ),
      );
      break;
    }
  }
  return out;
}

/**
 * "ce jour-là", "le lendemain", "the day before", "днём ранее", "drei Tage später", "dzień
 * wcześniej": days counted from the day the text stated before (findDates finds that day).
 * "la veille du sommet", "the day before the vote": a day counted from a named event, which the
 * finder cannot date, is `unanchored` (`notFollowedBy`): no date, but what follows it can no
 * longer count from a day stated before it.
 */
export function anaphoricCandidates(s: SentenceTokens, lex: DatesLexicon): Candidate[] {
  const out: Candidate[] = [];
  if (lex.anaphoricDays.length === 0) return out;
  for (let i = 0; i < s.tokens.length; i++) {
    const token = s.tokens[i]!;
    if (lex.anaphoricStarts && !lex.anaphoricStarts.has(token.folded) && !DIGITS.test(token.text)) continue;
    let found:
      | { last: number; end: number; days: number; entry: string; offset: number; unanchored: boolean }
      | undefined;
    for (const a of lex.anaphoricDays) {
      for (const p of a.patterns) {
        let last = i - 1;
        let days = 1;
        if (p.before) {
          const m = matchAt(p.before.pattern, s.tokens, i);
          if (!m) continue;
          last = m.last;
        }
        if (p.counted) {
          const at = last + 1;
          if (at > i && !joined(s, last, at)) continue;
          const n = numberAt(s, lex, at);
          if (n === undefined) continue;
          days = n;
          last = at;
          if (p.after) {
            const m = joined(s, at, at + 1) ? matchAt(p.after.pattern, s.tokens, at + 1) : undefined;
            if (!m) continue;
            last = m.last;
          }
        }
        // "the day before 9 May", "la veille du sommet": counted from what follows, not from before.
        const next = s.tokens[last + 1];
        const unanchored =
          !!next &&
          joined(s, last, last + 1) &&
          (/^\d/.test(next.text) || a.notFollowedBy.some((f) => matchAt(f.pattern, s.tokens, last + 1)));
        if (!found || last > found.last)
          found = { last, end: s.tokens[last]!.end, days, entry: a.entry, offset: a.offset, unanchored };
      }
    }
    if (!found) continue;
    out.push(
      candidate(
        s,
        i,
        found.end,
        { type: 'anaphoric', offset: found.offset * found.days, unanchored: found.unanchored },
        [{ rule: 'date.anaphoric', entry: found.entry }],
        3,
      ),
    );
  }
  return out;
}

/** "aujourd'hui", "yesterday", "позавчера", "übermorgen", "dziś". */
export function relativeCandidates(s: SentenceTokens, lex: DatesLexicon): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    if (lex.relativeDayStarts && !lex.relativeDayStarts.has(s.tokens[i]!.folded)) continue;
    for (const r of lex.relativeDays) {
      const previous = s.tokens[i - 1];
      if (previous && r.notPrecededBy.has(previous.folded) && joined(s, i - 1, i)) continue;
      for (const p of r.patterns) {
        const m = matchAt(p.pattern, s.tokens, i);
        if (!m) continue;
        const next = s.tokens[m.last + 1];
        if (next && r.notFollowedBy.has(next.folded) && joined(s, m.last, m.last + 1)) continue;
        out.push(
          candidate(
            s,
            i,
            m.end,
            { type: 'relative', offset: r.offset },
            [{ rule: 'date.relative', entry: r.entry }],
            3,
          ),
        );
      }
    }
  }
  return out;
}

/** "mardi", "on Tuesday", "am vergangenen Dienstag", "в прошлую среду", "we wtorek", "mardi dernier". */
export function weekdayCandidates(s: SentenceTokens, lex: DatesLexicon): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    const weekday = formAt(lex.weekdays, s, i);
    if (!weekday) continue;
    const evidence: Evidence[] = [{ rule: 'date.weekday', entry: weekday.entry }];
    let direction: 'PAST' | 'FUTURE' | null = null;
    let first = i;
    let end = s.tokens[i]!.end;
    for (const mod of lex.modifiersBefore) {
      const at = phraseBefore([mod.pattern], s, i);
      if (at === undefined) continue;
      first = at;
      direction = mod.direction;
      evidence.push({ rule: 'date.weekday', entry: mod.entry });
      break;
    }
    if (direction === null && joined(s, i, i + 1)) {
      for (const mod of lex.modifiersAfter) {
        const at = phraseAt([mod.pattern], s, i + 1);
        if (!at) continue;
        end = at.end;
        direction = mod.direction;
        evidence.push({ rule: 'date.weekday', entry: mod.entry });
        break;
      }
    }
    first = phraseBefore(lex.weekdayPrepositions, s, first) ?? first;
    out.push(candidate(s, first, end, { type: 'weekday', weekday: weekday.value, direction }, evidence, 2));
  }
  return out;
}

/** "en 2021", "in 2021", "в 2021 году", "im Jahr 2021", "w 2021 roku": a preposition or a suffix. */
export function yearCandidates(s: SentenceTokens, lex: DatesLexicon): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    const year = yearAt(s, i);
    if (year === undefined) continue;
    const preposition = phraseBefore(lex.yearPrepositions, s, i);
    const suffix = joined(s, i, i + 1) ? phraseAt(lex.yearSuffixes, s, i + 1) : undefined;
    if (preposition === undefined && !suffix) continue;
    out.push(
      candidate(
        s,
        preposition ?? i,
        suffix?.end ?? s.tokens[i]!.end,
        { type: 'year', year, qualifier: null },
        [{ rule: 'date.year' }],
        1,
      ),
    );
  }
  return out;
}
