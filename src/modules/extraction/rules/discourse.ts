import { z } from 'zod';
import { LexiconError, type LexiconSet, memoizeLexicon } from '../lexicons.ts';
import { fold } from '../text/fold.ts';
import { type CompiledPattern, compilePattern } from '../text/patterns.ts';
import { LANGUAGES, type Language } from '../types.ts';

/**
 * data/lexicons/<lang>/discourse.json: the small words that tie clauses to speakers —
 * pronouns that point back to the last person named, demonstratives that point to the last
 * sentence ("Cela a été annoncé par…"), attribution ("selon lui"), coordination, clause breaks.
 */
const file = z.object({
  language: z.string(),
  pronouns: z.array(z.string()),
  demonstratives: z.array(z.string()),
  attribution: z.array(z.string()),
  coordination: z.array(z.string()),
  clauseBreaks: z.array(z.string()),
  /** Words before a date that make it a deadline ("by 7 February"), not when the event happened. */
  deadline: z.array(z.string()).default([]),
  /** Subject relative pronouns: "Zakharova, qui a dénoncé …" — the actor just before is the agent. */
  relativePronouns: z.array(z.string()).default([]),
  /** Conjunctions that open a subordinate clause ("nachdem Ottawa Anfang Juli …"): its date is its own. */
  subordinators: z.array(z.string()).default([]),
  /** The past perfect ("had been criticised", "war … kritisiert worden"): background, older than the news. */
  pluperfect: z.array(z.string()).default([]),
  /**
   * Words that open a condition ("si", "if", "falls", "если", "jeśli"), and the words before them
   * that make it concessive instead ("même si", "even if"): what a condition says may happen is
   * not reported as an event; the main clause's event is (HYPOTHETICAL).
   */
  conditionals: z.array(z.string()).default([]),
  concessive: z.array(z.string()).default([]),
  /** "after the meeting", "po spotkaniu", "nach dem Treffen": a noun behind these names an act told before. */
  after: z.array(z.string()).default([]),
});

export interface Discourse {
  pronouns: CompiledPattern[];
  demonstratives: CompiledPattern[];
  attribution: CompiledPattern[];
  coordination: CompiledPattern[];
  clauseBreaks: CompiledPattern[];
  deadline: CompiledPattern[];
  relativePronouns: Set<string>;
  subordinators: CompiledPattern[];
  pluperfect: CompiledPattern[];
  conditionals: CompiledPattern[];
  concessive: Set<string>;
  after: Set<string>;
}

const compileAll = (lang: Language, list: string[]) =>
  list.map((p) => {
    try {
      return compilePattern(p);
    } catch (error) {
      throw new LexiconError(`${lang}/discourse.json "${p}": ${(error as Error).message}`);
    }
  });

const parseAll = memoizeLexicon((set: LexiconSet) => {
  const out = {} as Record<Language, Discourse>;
  for (const lang of LANGUAGES) {
    const raw = set.byLanguage[lang]?.discourse;
    const parsed = file.safeParse(
      raw ?? {
        language: lang,
        pronouns: [],
        demonstratives: [],
        attribution: [],
        coordination: [],
        clauseBreaks: [],
      },
    );
    if (!parsed.success) throw new LexiconError(`${lang}/discourse.json: ${parsed.error.issues[0]?.message}`);
    const d = parsed.data;
    out[lang] = {
      pronouns: compileAll(lang, d.pronouns),
      demonstratives: compileAll(lang, d.demonstratives),
      attribution: compileAll(lang, d.attribution),
      coordination: compileAll(lang, d.coordination),
      clauseBreaks: compileAll(lang, d.clauseBreaks),
      deadline: compileAll(lang, d.deadline),
      relativePronouns: new Set(d.relativePronouns.map((w) => fold(w))),
      subordinators: compileAll(lang, d.subordinators),
      pluperfect: compileAll(lang, d.pluperfect),
      conditionals: compileAll(lang, d.conditionals),
      concessive: new Set(d.concessive.map((w) => fold(w))),
      after: new Set(d.after.map((w) => fold(w))),
    };
  }
  return out;
});

export function discourse(set: LexiconSet, lang: Language): Discourse {
  return parseAll(set)[lang];
}
