import { eld } from 'eld/small';
import { LANGUAGES, type Language } from '../types.ts';

/**
 * The language of an article, among the five extraction knows. eld's "small" n-gram table,
 * restricted to the five, measured against franc and eld's other sizes on our own short
 * sentences (scripts/measure-language.ts, docs/decisions.md "Language detection: eld small").
 * Importing this module loads the table: about 0.3 s and 50 MB of heap, once per process.
 */

export interface DetectedLanguage {
  language: Language | null;
  /** 0..1: eld's score of the winner; 1 for the Cyrillic rule, 0.5 for the Polish letters; 0 for none. */
  confidence: number;
  /** Which rule answered: `eld-small`, `script-cyrillic`, `script-polish` or `none`. */
  detector: string;
}

const detector = eld.newInstance();
detector.setLanguageSubset([...LANGUAGES]);

/** An article's first few thousand characters tell its language; the rest only costs time. */
const SAMPLE = 4_000;
const LETTER = /\p{L}/gu;
const LATIN = /\p{Script=Latin}/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const POLISH = /[ąęłńśźżĄĘŁŃŚŹŻ]/u;
/** Below this many letters there is nothing to go on (a name, an acronym, a number). */
const MIN_LETTERS = 8;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.slice(0, SAMPLE);
  const letters = count(sample, LETTER);
  if (letters < MIN_LETTERS) return { language: null, confidence: 0, detector: 'none' };
  // Of the five, only Russian is written in Cyrillic: a text of Cyrillic letters with no Latin
  // one is Russian (measured: 60 of 60 Russian sentences, no other sentence has a Cyrillic letter).
  if (count(sample, LATIN) === 0 && count(sample, CYRILLIC) === letters) {
    return { language: 'ru', confidence: 1, detector: 'script-cyrillic' };
  }
  const result = detector.detect(sample);
  const language = result.language as Language | '';
  if (!language || !LANGUAGES.includes(language) || !result.isReliable()) {
    // Too little for the n-grams, but ą ę ł ń ś ź ż are Polish's alone among the five
    // (measured: in 59 of 60 Polish sentences, in none of the 240 others). Names such as
    // Wałęsa in another language's text carry them too, hence only as a fallback.
    if (POLISH.test(sample)) return { language: 'pl', confidence: 0.5, detector: 'script-polish' };
    return { language: null, confidence: 0, detector: 'eld-small' };
  }
  const score = result.getScores()[language] ?? 0;
  return {
    language,
    confidence: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000,
    detector: 'eld-small',
  };
}
