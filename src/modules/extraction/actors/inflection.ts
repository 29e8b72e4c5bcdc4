import type { ActorMention } from '../types.ts';

/**
 * Case forms of names from suffix tables (`data/lexicons/{ru,pl,de}/inflection.json`): a table
 * says which nominative ending it applies to and what replaces it in each case. The tables
 * generate forms of the graph's names and of country names, so that `Лавровым` or `Polsce`
 * are found by the same exact lookup as `Лавров` or `Polska`.
 */
export type GrammaticalCase = NonNullable<ActorMention['grammaticalCase']>;
export const CASES: readonly GrammaticalCase[] = ['NOM', 'GEN', 'DAT', 'ACC', 'INS', 'LOC', 'VOC'];

/** Whether a name is a person's (all its words decline) or a thing's (the head and its adjectives). */
export type NameTarget = 'person' | 'thing';

export interface InflectionTable {
  id: string;
  pos: 'noun' | 'adj';
  for: NameTarget | 'any';
  /** The nominative ending the table replaces (may be empty: consonant stems). */
  suffix: string;
  /** The letter before the suffix must match this (a character class). */
  after: RegExp | null;
  forms: Partial<Record<GrammaticalCase, string[]>>;
}

export interface IrregularName {
  id: string;
  base: string;
  forms: Partial<Record<GrammaticalCase, string[]>>;
}

export interface InflectionSet {
  language: string;
  /** `run`: leading words decline (ru, pl); `last`: only the last word does (de genitive -s). */
  mode: 'run' | 'last';
  tables: InflectionTable[];
  irregular: Map<string, IrregularName>;
}

export interface InflectedForm {
  form: string;
  /** The case when only one case yields this form, otherwise null. */
  grammaticalCase: GrammaticalCase | null;
  /** The form is the base form itself (as written in the graph or lexicon). */
  base: boolean;
  /** The table or irregular entry that made it. */
  source: string | null;
}

function lower(s: string): string {
  return s.toLowerCase();
}

/** The table for one word: the longest matching suffix, then the first listed. */
export function tableFor(word: string, set: InflectionSet, target: NameTarget): InflectionTable | undefined {
  const w = lower(word);
  let best: InflectionTable | undefined;
  for (const t of set.tables) {
    if (t.for !== 'any' && t.for !== target) continue;
    if (!w.endsWith(t.suffix) || w.length <= t.suffix.length) continue;
    if (t.after && !t.after.test(w[w.length - t.suffix.length - 1]!)) continue;
    if (!best || t.suffix.length > best.suffix.length) best = t;
  }
  return best;
}

type WordForms = Map<GrammaticalCase, string[]>;

function wordForms(word: string, table: InflectionTable): WordForms {
  const stem = word.slice(0, word.length - table.suffix.length);
  const out: WordForms = new Map();
  for (const c of CASES) {
    const endings = table.forms[c];
    if (endings)
      out.set(
        c,
        endings.map((e) => stem + e),
      );
  }
  return out;
}

function irregularForms(entry: IrregularName): WordForms {
  const out: WordForms = new Map();
  for (const c of CASES) {
    const forms = entry.forms[c];
    if (forms) out.set(c, forms);
  }
  return out;
}

/** Every case form of a name (words separated by spaces), the base form included. */
export function inflectName(name: string, set: InflectionSet, target: NameTarget): InflectedForm[] {
  const byForm = new Map<string, { cases: Set<GrammaticalCase>; source: string | null }>();
  const add = (form: string, c: GrammaticalCase, source: string | null) => {
    const seen = byForm.get(form);
    if (seen) seen.cases.add(c);
    else byForm.set(form, { cases: new Set([c]), source });
  };
  const whole = set.irregular.get(lower(name));
  if (whole) {
    for (const [c, forms] of irregularForms(whole)) for (const f of forms) add(f, c, whole.id);
  } else {
    const words = name.split(' ');
    const perWord: (WordForms | null)[] = words.map(() => null);
    const sources: string[] = [];
    let nouns = 0;
    const first = set.mode === 'last' ? words.length - 1 : 0;
    for (let i = first; i < words.length; i++) {
      const word = words[i]!;
      const irregular = set.irregular.get(lower(word));
      if (irregular) {
        perWord[i] = irregularForms(irregular);
        sources.push(irregular.id);
        nouns++;
        if (target === 'thing') break;
        continue;
      }
      // Acronyms (`НАТО`, `ONZ`) do not decline here.
      const table = /\p{Ll}/u.test(word) ? tableFor(word, set, target) : undefined;
      if (!table) {
        if (target === 'thing') break;
        continue;
      }
      // A thing's name declines its head noun and the adjectives around it; a second noun is a
      // complement in the genitive (`Министерство иностранных дел`, `Республика Беларусь`).
      if (target === 'thing' && table.pos === 'noun' && nouns === 1) break;
      if (table.pos === 'noun') nouns++;
      perWord[i] = wordForms(word, table);
      sources.push(table.id);
    }
    const source = sources.length ? sources.join('+') : null;
    for (const c of CASES) {
      if (!perWord.some((w) => w?.has(c))) continue;
      let combos: string[] = [''];
      words.forEach((word, i) => {
        const options = perWord[i]?.get(c) ?? [word];
        const next: string[] = [];
        for (const prefix of combos) for (const o of options) next.push(prefix ? `${prefix} ${o}` : o);
        combos = next;
      });
      for (const f of combos) add(f, c, source);
    }
  }
  const out: InflectedForm[] = [];
  let sawBase = false;
  for (const [form, { cases, source }] of byForm) {
    const base = form === name;
    sawBase ||= base;
    out.push({ form, grammaticalCase: cases.size === 1 ? [...cases][0]! : null, base, source });
  }
  if (!sawBase) out.unshift({ form: name, grammaticalCase: null, base: true, source: null });
  return out;
}

export interface LemmaCandidate {
  lemma: string;
  grammaticalCase: GrammaticalCase | null;
  /** Every case the ending can mark (`Ławrowa`: GEN and ACC). */
  cases: GrammaticalCase[];
}

/**
 * The nominative forms a declined word could come from (`Ławrowa` → `Ławrow`, GEN or ACC):
 * used to compare a name the graph does not spell this way.
 */
export function lemmaCandidates(word: string, set: InflectionSet, target: NameTarget): LemmaCandidate[] {
  const w = lower(word);
  const out: LemmaCandidate[] = [{ lemma: word, grammaticalCase: null, cases: [] }];
  for (const t of set.tables) {
    if (t.for !== 'any' && t.for !== target) continue;
    const cases = new Map<string, GrammaticalCase[]>();
    for (const c of CASES) for (const e of t.forms[c] ?? []) cases.set(e, [...(cases.get(e) ?? []), c]);
    for (const [ending, cs] of cases) {
      if (!ending || !w.endsWith(ending)) continue;
      const stem = word.slice(0, word.length - ending.length);
      if (!stem) continue;
      if (t.after && !t.after.test(lower(stem[stem.length - 1]!))) continue;
      out.push({ lemma: stem + t.suffix, grammaticalCase: cs.length === 1 ? cs[0]! : null, cases: cs });
    }
  }
  return out;
}
