import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGUAGES, type Language } from './types.ts';

/**
 * The lexicons are data files (`data/lexicons/<lang>/<name>.json`, and shared ones in
 * `data/lexicons/*.json`). They are read once, as JSON; each module parses the files it owns
 * with its own schema (so a bad entry is reported with its file and id).
 */
export interface LexiconSet {
  /** `byLanguage.fr.triggers` is the parsed JSON of `data/lexicons/fr/triggers.json`. */
  byLanguage: Record<Language, Record<string, unknown>>;
  /** Files shared by every language, such as `data/lexicons/countries.json`. */
  shared: Record<string, unknown>;
}

export const LEXICON_DIR = fileURLToPath(new URL('../../../data/lexicons/', import.meta.url));

export class LexiconError extends Error {
  override name = 'LexiconError';
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LexiconError(`cannot read lexicon ${file}: ${(error as Error).message}`);
  }
}

function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
}

export function loadLexicons(dir = LEXICON_DIR): LexiconSet {
  const shared: Record<string, unknown> = {};
  for (const f of jsonFiles(dir)) shared[f.slice(0, -5)] = readJson(`${dir}/${f}`);
  const byLanguage = {} as Record<Language, Record<string, unknown>>;
  for (const lang of LANGUAGES) {
    const files: Record<string, unknown> = {};
    for (const f of jsonFiles(`${dir}/${lang}`)) files[f.slice(0, -5)] = readJson(`${dir}/${lang}/${f}`);
    byLanguage[lang] = files;
  }
  return { byLanguage, shared };
}

let cached: LexiconSet | undefined;
/** The repository's lexicons, read on first use. */
export function defaultLexicons(): LexiconSet {
  cached ??= loadLexicons();
  return cached;
}

/** Parses one file with `parse` once per LexiconSet, so engines can ask for it on every call. */
export function memoizeLexicon<T>(parse: (set: LexiconSet) => T): (set: LexiconSet) => T {
  const memo = new WeakMap<LexiconSet, T>();
  return (set) => {
    let value = memo.get(set);
    if (value === undefined) {
      value = parse(set);
      memo.set(set, value);
    }
    return value;
  };
}
