import { matchAt } from '../text/patterns.ts';
import type { Evidence } from '../types.ts';
import type { DatesLexicon } from './lexicon.ts';
import {
  type Candidate,
  formAt,
  joined,
  phraseAt,
  phraseBefore,
  type SentenceTokens,
  trailingYear,
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

/** "fin janvier", "à la fin de janvier", "в конце января 2022 года", "mid-January". */
export function monthPartCandidates(s: SentenceTokens, lex: DatesLexicon): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    for (const part of lex.monthParts) {
      for (const p of part.patterns) {
        const m = matchAt(p.pattern, s.tokens, i);
        if (!m) continue;
        const link = joined(s, m.last, m.last + 1) ? phraseAt(lex.monthPartLinks, s, m.last + 1) : undefined;
        // With and without the link: "fin de janvier", and "fin" right before the month.
        for (const before of link ? [link.last, m.last] : [m.last]) {
          const at = before + 1;
          const month = joined(s, before, at) ? formAt(lex.months, s, at) : undefined;
          if (!month) continue;
          const year = trailingYear(s, at, lex.yearSuffixes);
          out.push(
            candidate(
              s,
              i,
              year?.end ?? s.tokens[at]!.end,
              { type: 'month', month: month.value, year: year?.year ?? null, qualifier: part.qualifier },
              [
                { rule: 'date.month-part', entry: part.entry },
                { rule: 'date.month', entry: month.entry },
              ],
              4,
            ),
          );
          break;
        }
      }
    }
  }
  return out;
}

/** A month alone is a date only after a preposition ("en janvier", "w styczniu") or before a year. */
export function monthCandidates(s: SentenceTokens, lex: DatesLexicon): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    const month = formAt(lex.months, s, i);
    if (!month) continue;
    const preposition = phraseBefore(lex.monthPrepositions, s, i);
    const year = trailingYear(s, i, lex.yearSuffixes);
    if (preposition === undefined && !year) continue;
    out.push(
      candidate(
        s,
        preposition ?? i,
        year?.end ?? s.tokens[i]!.end,
        { type: 'month', month: month.value, year: year?.year ?? null, qualifier: null },
        [{ rule: 'date.month', entry: month.entry }],
        1,
      ),
    );
  }
  return out;
}

/** "aujourd'hui", "yesterday", "позавчера", "übermorgen", "dziś". */
export function relativeCandidates(s: SentenceTokens, lex: DatesLexicon): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
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
        { type: 'year', year },
        [{ rule: 'date.year' }],
        1,
      ),
    );
  }
  return out;
}
