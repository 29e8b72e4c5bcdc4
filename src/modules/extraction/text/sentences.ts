import { LexiconError, type LexiconSet, memoizeLexicon } from '../lexicons.ts';
import { LANGUAGES, type Language, type Sentence } from '../types.ts';
import { fold } from './fold.ts';

/**
 * Sentences: ICU's sentence segmenter (Intl.Segmenter), then a pass that re-joins the breaks
 * it makes after a full stop that does not end a sentence — abbreviations (`M.`, `ул.`),
 * initials (`V. Poutine`, `В.В. Путин`) and German ordinals (`am 17. Januar`). ICU already
 * keeps a full stop followed by a lower-case word inside the sentence, so only the stops
 * followed by a capital or a digit need the pass. Blank lines always end a sentence.
 */

interface SentenceRules {
  /** Exact forms, e.g. `M.`, `z.B.`; a lower-case one also matches capitalised (`art.`, `Art.`). */
  abbreviations: Set<string>;
  /** Abbreviations written with spaces, as [first word, the rest]: `z. B.` is ["z.", "B."]. */
  spaced: [string, string][];
  /** Folded month names: an ordinal `17.` before one of them is not a sentence end. */
  months: Set<string>;
  /** Folded words after which `17.` is an ordinal (`am 17.`, `zum 3.`). */
  ordinalContext: Set<string>;
}

function strings(value: unknown, file: string, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !v.trim())) {
    throw new LexiconError(`${file}: "${field}" must be an array of non-empty strings`);
  }
  return value as string[];
}

/** Month names in de/dates.json, whatever the dates module nests them in: every string under `months`. */
function monthNames(dates: unknown): string[] {
  if (!dates || typeof dates !== 'object') return [];
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string' && key !== 'id') out.push(v);
    else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk((dates as Record<string, unknown>).months, 'months');
  return out.filter((s) => /^\p{L}+\.?$/u.test(s));
}

const rulesOf = memoizeLexicon((set: LexiconSet): Record<Language, SentenceRules> => {
  const out = {} as Record<Language, SentenceRules>;
  for (const lang of LANGUAGES) {
    const files = set.byLanguage[lang] ?? {};
    const file = `${lang}/abbreviations.json`;
    const raw = (files.abbreviations ?? {}) as Record<string, unknown>;
    const months = [
      ...strings(raw.monthsAfterOrdinal, file, 'monthsAfterOrdinal'),
      ...monthNames(files.dates),
    ];
    const abbreviations = strings(raw.abbreviations, file, 'abbreviations');
    out[lang] = {
      abbreviations: new Set(abbreviations),
      spaced: abbreviations
        .filter((a) => a.includes(' '))
        .map((a) => [a.slice(0, a.indexOf(' ')), a.slice(a.indexOf(' ') + 1)]),
      months: new Set(months.map((m) => fold(m.replace(/\.$/, '')))),
      ordinalContext: new Set(strings(raw.ordinalContext, file, 'ordinalContext').map(fold)),
    };
  }
  return out;
});

const segmenters = new Map<Language, Intl.Segmenter>();
function segmenter(language: Language): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, s);
  }
  return s;
}

const INITIALS = /^(?:\p{Lu}\.)+$/u;
const ORDINAL = /^\d{1,2}\.$/;
/** Opening punctuation a word may carry: `(M.`, `«Д.`. */
const OPENING = /^[\p{Ps}\p{Pi}"'«„]+/u;

function isAbbreviation(rules: SentenceRules, word: string): boolean {
  if (rules.abbreviations.has(word)) return true;
  // `Art. 5` at a sentence start is the lexicon's `art.`.
  const lowered = word.charAt(0).toLowerCase() + word.slice(1);
  return lowered !== word && rules.abbreviations.has(lowered);
}

/** Whether the break after `before` (a segment, trimmed) and before `after` is not a sentence end. */
function falseBreak(rules: SentenceRules, before: string, after: string): boolean {
  if (!before.endsWith('.')) return false;
  const words = before.split(/\s+/);
  const last = (words.at(-1) ?? '').replace(OPENING, '');
  if (!last) return false;
  if (isAbbreviation(rules, last)) return true;
  // Abbreviations written with a space inside: `z. B.`, `т. е.`, `Dz. U.`.
  if (words.length >= 2 && isAbbreviation(rules, `${(words.at(-2) ?? '').replace(OPENING, '')} ${last}`))
    return true;
  // ICU breaks inside `z. B.` itself (after `z.`, before the capital `B.`).
  for (const [head, tail] of rules.spaced) if (last === head && after.startsWith(tail)) return true;
  if (INITIALS.test(last)) return true;
  if (ORDINAL.test(last)) {
    const next = /^[\s\p{Ps}\p{Pi}"'«„]*([\p{L}\p{M}]+)/u.exec(after)?.[1];
    if (next && rules.months.has(fold(next))) return true;
    const previous = words.at(-2);
    if (previous && rules.ordinalContext.has(fold(previous.replace(OPENING, '')))) return true;
  }
  return false;
}

/** Paragraph ranges: blank lines (a line break, spaces, a line break) separate them. */
function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (const m of text.matchAll(/\n[^\S\n]*\n/g)) {
    out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  out.push([from, text.length]);
  return out;
}

const WINDOW = 4_000;

/**
 * ICU's segments of text[from, to], read through windows of a few thousand characters: V8's
 * Intl.Segmenter costs time proportional to the string's length for every segment it yields,
 * so one 200 000-character paragraph took 5 s, and windows take 50 ms. A window's last segment
 * may be cut short by the window's end, so the next window starts at it; a window holding a
 * single segment (one very long sentence) grows instead.
 */
function* segments(text: string, from: number, to: number, seg: Intl.Segmenter): Generator<[number, number]> {
  let pos = from;
  let size = WINDOW;
  while (pos < to) {
    const end = Math.min(to, pos + size);
    const found: [number, number][] = [];
    for (const s of seg.segment(text.slice(pos, end)))
      found.push([pos + s.index, pos + s.index + s.segment.length]);
    if (end === to) {
      yield* found;
      return;
    }
    if (found.length < 2) {
      size *= 2;
      continue;
    }
    found.pop();
    yield* found;
    pos = found.at(-1)![1];
    size = WINDOW;
  }
}

const SPACE = /\s/u;

function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  return [s, e];
}

export function splitSentences(text: string, language: Language, lexicons: LexiconSet): Sentence[] {
  const rules = rulesOf(lexicons)[language];
  const sentences: Sentence[] = [];
  for (const [pStart, pEnd] of paragraphs(text)) {
    const pieces: [number, number][] = [];
    for (const [s0, e0] of segments(text, pStart, pEnd, segmenter(language))) {
      const [s, e] = trimmed(text, s0, e0);
      if (s < e) pieces.push([s, e]);
    }
    let current: [number, number] | undefined;
    for (const piece of pieces) {
      // Only the last words before the break and the first after it matter; slicing a bounded
      // tail keeps a long run of joined pieces linear.
      const before = current && text.slice(Math.max(current[0], current[1] - 120), current[1]);
      if (current && before && falseBreak(rules, before, text.slice(piece[0], piece[0] + 60))) {
        current[1] = piece[1];
        continue;
      }
      if (current) sentences.push(span(text, current, sentences.length));
      current = [piece[0], piece[1]];
    }
    if (current) sentences.push(span(text, current, sentences.length));
  }
  return sentences;
}

function span(text: string, [start, end]: [number, number], index: number): Sentence {
  return { start, end, quote: text.slice(start, end), index };
}
