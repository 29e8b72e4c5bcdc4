import { expect } from 'vitest';
import { loadLexicons } from '../../src/modules/extraction/lexicons.ts';
import { ruleLexicon } from '../../src/modules/extraction/rules/lexicon.ts';
import { matchTriggers } from '../../src/modules/extraction/rules/triggers.ts';
import { tokenize } from '../../src/modules/extraction/text/tokens.ts';
import type { Language } from '../../src/modules/extraction/types.ts';

export interface SelectedTrigger {
  /** The entry's id in its triggers.json. */
  id: string;
  code: string;
  frame: string;
  first: number;
  last: number;
}

const lexicons = loadLexicons();

/** The triggers the rules engine itself keeps in a sentence (rules/triggers.ts), left to right. */
export function selectTriggers(lang: Language, sentence: string): SelectedTrigger[] {
  return matchTriggers(ruleLexicon(lexicons, lang).triggers, tokenize(sentence)).map((m) => ({
    id: m.trigger.id.slice(m.trigger.id.indexOf('#') + 1),
    code: m.trigger.code,
    frame: m.trigger.frame,
    first: m.first,
    last: m.last,
  }));
}

/** A lexicon test's one check: the sentence keeps the entry `id`, with `code`. */
export function expectSelected(lang: Language, sentence: string, id: string, code: string): void {
  const selected = selectTriggers(lang, sentence);
  const hit = selected.find((s) => s.id === id);
  expect(hit, JSON.stringify(selected)).toBeDefined();
  expect(hit!.code).toBe(code);
}
