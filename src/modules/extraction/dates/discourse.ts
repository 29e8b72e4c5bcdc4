import { z } from 'zod';
import { LexiconError, type LexiconSet, memoizeLexicon } from '../lexicons.ts';
import { type CompiledPattern, compilePattern } from '../text/patterns.ts';
import { LANGUAGES, type Language } from '../types.ts';

/**
 * The keys of `data/lexicons/<lang>/discourse.json` that date an event by what the text said
 * before it (docs/extraction.md, "Dates"). They sit beside the keys rules/discourse.ts reads,
 * which ignores them.
 */
const file = z.object({
  /**
   * "at the press conference", "lors de la rencontre", "на переговорах", "bei dem Treffen",
   * "podczas rozmów": the sentence happens at an occasion the text dated before.
   */
  dateOccasions: z.array(z.string()).default([]),
  /**
   * "Previously", "Last month", "ранее", "zuvor", "wcześniej": what the sentence reports comes
   * before the news, so the paragraph's day is not its day.
   */
  dateBackground: z.array(z.string()).default([]),
  /** "then", "wówczas", "тогда", "damals": the date the text gave just before. */
  dateThen: z.array(z.string()).default([]),
  /** "that", "que", "dass", "что", "że": they open what a verb of saying says. */
  dateComplementizers: z.array(z.string()).default([]),
  /** "would", "werde", "позже"…: the future of a past saying, beyond the grammar's future tense. */
  dateFutureInPast: z.array(z.string()).default([]),
});

export interface DiscourseDates {
  occasions: CompiledPattern[];
  background: CompiledPattern[];
  pointBack: CompiledPattern[];
  complementizers: CompiledPattern[];
  futureInPast: CompiledPattern[];
}

const compileAll = (lang: Language, key: string, list: string[]) =>
  list.map((p) => {
    try {
      return compilePattern(p);
    } catch (error) {
      throw new LexiconError(`${lang}/discourse.json ${key} "${p}": ${(error as Error).message}`);
    }
  });

const parseAll = memoizeLexicon((set: LexiconSet) => {
  const out = {} as Record<Language, DiscourseDates>;
  for (const lang of LANGUAGES) {
    const parsed = file.safeParse(set.byLanguage[lang]?.discourse ?? {});
    if (!parsed.success) throw new LexiconError(`${lang}/discourse.json: ${parsed.error.issues[0]?.message}`);
    const d = parsed.data;
    out[lang] = {
      occasions: compileAll(lang, 'dateOccasions', d.dateOccasions),
      background: compileAll(lang, 'dateBackground', d.dateBackground),
      pointBack: compileAll(lang, 'dateThen', d.dateThen),
      complementizers: compileAll(lang, 'dateComplementizers', d.dateComplementizers),
      futureInPast: compileAll(lang, 'dateFutureInPast', d.dateFutureInPast),
    };
  }
  return out;
});

export function discourseDates(set: LexiconSet, lang: Language): DiscourseDates {
  return parseAll(set)[lang];
}
