import { fold } from './fold.ts';
import type { Token } from './tokens.ts';

/**
 * Lexicon patterns (docs/extraction.md, "Patterns"): tokens separated by spaces, `stem*`,
 * `*ending`, `a|b` alternatives of single words, `~` / `~N` gaps of 0–3 / 0–N tokens. Words
 * with apostrophes or hyphens split as the text does (`l'OTAN` is `l` then `otan`).
 */

type Test = (folded: string) => boolean;

interface Step {
  test: Test;
  /** How many other tokens may come between the previous step and this one. */
  gap: number;
  /** What a token must look like to pass: for indexing a lexicon by its patterns' first words. */
  keys: StepKeys;
}

/** Exact words, and prefixes of stems; `any` when a word test fits no index (`*ending`). */
export interface StepKeys {
  exact: string[];
  prefixes: string[];
  any: boolean;
}

export interface CompiledPattern {
  source: string;
  steps: Step[];
}

/** Stems of at least this many letters are indexed by their first PREFIX_KEY letters. */
export const PREFIX_KEY = 3;

export interface PatternMatch {
  /** Token indices of the first and last matched token. */
  first: number;
  last: number;
  /** Character offsets in the text: from the first token's start to the last token's end. */
  start: number;
  end: number;
  /** The indices of the tokens the pattern's words matched (a gap's tokens are not among them). */
  matched: number[];
}

export class PatternError extends Error {
  override name = 'PatternError';
}

const DEFAULT_GAP = 3;
const SPLIT = /[^\p{L}\p{N}\p{M}*]+/u;

function wordKeys(raw: string): StepKeys {
  const word = fold(raw);
  const head = word.startsWith('*');
  const tail = word.endsWith('*') && word.length > 1;
  const core = word.slice(head ? 1 : 0, tail ? -1 : undefined);
  if (head) return { exact: [], prefixes: [], any: true };
  if (tail) {
    return core.length >= PREFIX_KEY
      ? { exact: [], prefixes: [core.slice(0, PREFIX_KEY)], any: false }
      : { exact: [], prefixes: [], any: true };
  }
  return { exact: [core], prefixes: [], any: false };
}

function mergeKeys(list: StepKeys[]): StepKeys {
  return {
    exact: list.flatMap((k) => k.exact),
    prefixes: list.flatMap((k) => k.prefixes),
    any: list.some((k) => k.any),
  };
}

function wordTest(raw: string, source: string): Test {
  const word = fold(raw);
  if (!word.replaceAll('*', '')) throw new PatternError(`empty word in pattern "${source}"`);
  const head = word.startsWith('*');
  const tail = word.endsWith('*') && word.length > 1;
  const core = word.slice(head ? 1 : 0, tail ? -1 : undefined);
  if (core.includes('*')) throw new PatternError(`"*" only at a word's start or end in "${source}"`);
  if (head && tail) return (t) => t.includes(core);
  if (tail) return (t) => t.startsWith(core);
  if (head) return (t) => t.endsWith(core) && t.length > core.length;
  return (t) => t === core;
}

export function compilePattern(source: string): CompiledPattern {
  const steps: Step[] = [];
  let gap = 0;
  for (const element of source.trim().split(/\s+/)) {
    if (!element) continue;
    const gapMatch = /^~(\d+)?$/.exec(element);
    if (gapMatch) {
      if (steps.length === 0) throw new PatternError(`a pattern cannot start with a gap: "${source}"`);
      gap = gapMatch[1] ? Number(gapMatch[1]) : DEFAULT_GAP;
      continue;
    }
    if (element.includes('|')) {
      const alts = element.split('|').map((alt) => {
        const parts = alt.split(SPLIT).filter(Boolean);
        if (parts.length !== 1) throw new PatternError(`alternatives must be single words in "${source}"`);
        return parts[0]!;
      });
      const tests = alts.map((alt) => wordTest(alt, source));
      steps.push({ test: (t) => tests.some((test) => test(t)), gap, keys: mergeKeys(alts.map(wordKeys)) });
    } else {
      const parts = element.split(SPLIT).filter(Boolean);
      if (parts.length === 0) throw new PatternError(`nothing to match in "${element}" of "${source}"`);
      parts.forEach((part, i) => {
        steps.push({ test: wordTest(part, source), gap: i === 0 ? gap : 0, keys: wordKeys(part) });
      });
    }
    gap = 0;
  }
  if (steps.length === 0) throw new PatternError('an empty pattern');
  if (gap) throw new PatternError(`a pattern cannot end with a gap: "${source}"`);
  return { source, steps };
}

function extend(
  p: CompiledPattern,
  tokens: readonly Token[],
  step: number,
  prev: number,
  limit: number,
  matched: number[],
): boolean {
  if (step === p.steps.length) return true;
  const { test, gap } = p.steps[step]!;
  for (let j = prev + 1; j <= Math.min(prev + 1 + gap, limit - 1); j++) {
    if (!test(tokens[j]!.folded)) continue;
    matched.push(j);
    if (extend(p, tokens, step + 1, j, limit, matched)) return true;
    matched.pop();
  }
  return false;
}

/** The match whose first token is `tokens[i]`, if any (the shortest gaps win). */
export function matchAt(
  p: CompiledPattern,
  tokens: readonly Token[],
  i: number,
  limit = tokens.length,
): PatternMatch | undefined {
  if (i >= limit || !p.steps[0]!.test(tokens[i]!.folded)) return undefined;
  const matched = [i];
  if (!extend(p, tokens, 1, i, limit, matched)) return undefined;
  const last = matched[matched.length - 1]!;
  return { first: i, last, start: tokens[i]!.start, end: tokens[last]!.end, matched };
}

/** Every match between token `from` (inclusive) and `to` (exclusive), left to right, not overlapping. */
export function findAll(
  p: CompiledPattern,
  tokens: readonly Token[],
  from = 0,
  to = tokens.length,
): PatternMatch[] {
  const out: PatternMatch[] = [];
  for (let i = from; i < to; i++) {
    const m = matchAt(p, tokens, i, to);
    if (m) {
      out.push(m);
      i = m.last;
    }
  }
  return out;
}
