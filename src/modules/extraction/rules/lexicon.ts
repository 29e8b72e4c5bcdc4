import { z } from 'zod';
import { LexiconError, type LexiconSet, memoizeLexicon } from '../lexicons.ts';
import { fold } from '../text/fold.ts';
import { type CompiledPattern, compilePattern } from '../text/patterns.ts';
import { LANGUAGES, type Language } from '../types.ts';

/** The two files the rules engine reads per language: triggers.json and grammar.json. */

export const FRAMES = ['DEFAULT', 'SPEECH', 'ADDRESS', 'RECEIVE', 'MEET'] as const;
export type Frame = (typeof FRAMES)[number];

const triggerFile = z.object({
  language: z.string(),
  patterns: z
    .array(
      z
        .object({
          id: z.string().min(1),
          pattern: z.string().min(1),
          code: z.string().regex(/^\d{2,4}$/),
          pos: z.enum(['VERB', 'NOUN', 'ADJ']),
          frame: z.enum(FRAMES),
          summary: z.string().min(1),
        })
        .passthrough(),
    )
    .min(1),
});

const marker = z.object({ id: z.string().min(1), pattern: z.string().min(1) }).passthrough();
const words = z.array(z.string());
const grammarFile = z
  .object({
    language: z.string(),
    negation: z.array(marker).default([]),
    planned: z.array(marker).default([]),
    hypothetical: z.array(marker).default([]),
    passiveAgent: words.default([]),
    sourcePrepositions: words.default([]),
    addresseePrepositions: words.default([]),
    withPrepositions: words.default([]),
    pastTense: z.array(marker).default([]),
    futureTense: z.array(marker).default([]),
    infinitiveMarkers: words.default([]),
    litotes: z.array(z.string()).default([]),
  })
  .passthrough();

export interface Trigger {
  id: string;
  code: string;
  pos: 'VERB' | 'NOUN' | 'ADJ';
  frame: Frame;
  summary: string;
  pattern: CompiledPattern;
  /** How many tokens the pattern names: longer phrases are more specific. */
  length: number;
}

export interface Marker {
  id: string;
  pattern: CompiledPattern;
}

export interface Grammar {
  negation: Marker[];
  planned: Marker[];
  hypothetical: Marker[];
  pastTense: Marker[];
  futureTense: Marker[];
  passiveAgent: Set<string>;
  sourcePrepositions: Set<string>;
  addresseePrepositions: Set<string>;
  withPrepositions: Set<string>;
  /**
   * Words that open an infinitive or a purpose clause ("to", "pour", "um … zu", "чтобы", "by"):
   * its verb has the subject of the verb before it ("met Scholz to discuss", "agreed to extend").
   */
  infinitiveMarkers: Set<string>;
  /**
   * Verbs of hesitating whose negation affirms what follows ("n'hésiterons pas à saisir", "will
   * not hesitate to expel", "nie zawaha się użyć"): the negation is not the act's status.
   */
  litotes: CompiledPattern[];
  /**
   * Every preposition of the four lists as written, lower case: folding merges some of them with
   * words that are none ("że" and "ze", "a" and "à"), and a preposition must be written as listed.
   */
  prepositionsAsWritten: Set<string>;
}

export interface RuleLexicon {
  language: Language;
  triggers: Trigger[];
  grammar: Grammar;
}

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.')}: ${i.message}`)
    .join('; ');
}

function markers(lang: Language, file: string, list: { id: string; pattern: string }[]): Marker[] {
  return list.map((m) => {
    try {
      return { id: `${lang}/${file}#${m.id}`, pattern: compilePattern(m.pattern) };
    } catch (error) {
      throw new LexiconError(`${lang}/${file}#${m.id}: ${(error as Error).message}`);
    }
  });
}

const foldedSet = (list: string[]) => new Set(list.map(fold));

function parseLanguage(set: LexiconSet, lang: Language): RuleLexicon {
  const files = set.byLanguage[lang] ?? {};
  const empty = { language: lang, triggers: [], grammar: emptyGrammar() };
  if (!files.triggers) return empty;
  const t = triggerFile.safeParse(files.triggers);
  if (!t.success) throw new LexiconError(`${lang}/triggers.json: ${issues(t.error)}`);
  const g = grammarFile.safeParse(files.grammar ?? { language: lang });
  if (!g.success) throw new LexiconError(`${lang}/grammar.json: ${issues(g.error)}`);
  const triggers = t.data.patterns.map((p) => {
    try {
      const pattern = compilePattern(p.pattern);
      return {
        id: `${lang}/triggers#${p.id}`,
        code: p.code,
        pos: p.pos,
        frame: p.frame,
        summary: p.summary,
        pattern,
        length: pattern.steps.length,
      };
    } catch (error) {
      throw new LexiconError(`${lang}/triggers#${p.id}: ${(error as Error).message}`);
    }
  });
  const gr = g.data;
  return {
    language: lang,
    triggers,
    grammar: {
      negation: markers(lang, 'grammar', gr.negation),
      planned: markers(lang, 'grammar', gr.planned),
      hypothetical: markers(lang, 'grammar', gr.hypothetical),
      pastTense: markers(lang, 'grammar', gr.pastTense),
      futureTense: markers(lang, 'grammar', gr.futureTense),
      passiveAgent: foldedSet(gr.passiveAgent),
      sourcePrepositions: foldedSet(gr.sourcePrepositions),
      addresseePrepositions: foldedSet(gr.addresseePrepositions),
      withPrepositions: foldedSet(gr.withPrepositions),
      infinitiveMarkers: foldedSet(gr.infinitiveMarkers),
      litotes: gr.litotes.map((w) => {
        try {
          return compilePattern(w);
        } catch (error) {
          throw new LexiconError(`${lang}/grammar.json litotes "${w}": ${(error as Error).message}`);
        }
      }),
      prepositionsAsWritten: new Set(
        [
          ...gr.passiveAgent,
          ...gr.sourcePrepositions,
          ...gr.addresseePrepositions,
          ...gr.withPrepositions,
        ].map((w) => w.normalize('NFC').toLowerCase()),
      ),
    },
  };
}

function emptyGrammar(): Grammar {
  return {
    negation: [],
    planned: [],
    hypothetical: [],
    pastTense: [],
    futureTense: [],
    passiveAgent: new Set(),
    sourcePrepositions: new Set(),
    addresseePrepositions: new Set(),
    withPrepositions: new Set(),
    infinitiveMarkers: new Set(),
    litotes: [],
    prepositionsAsWritten: new Set(),
  };
}

const parseAll = memoizeLexicon((set) => {
  const out = {} as Record<Language, RuleLexicon>;
  for (const lang of LANGUAGES) out[lang] = parseLanguage(set, lang);
  return out;
});

export function ruleLexicon(set: LexiconSet, lang: Language): RuleLexicon {
  return parseAll(set)[lang];
}
