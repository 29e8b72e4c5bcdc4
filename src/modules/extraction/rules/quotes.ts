import type { Span } from '../types.ts';

/**
 * Quoted speech: the spans between paired quotation marks, in the styles of the five
 * languages (« » French and Russian, “ ” and " " English, „ “ German, „ ” Polish, » « German too).
 */
const PAIRS: Record<string, string> = { '«': '»', '“': '”', '„': '“”', '»': '«', '"': '"' };

export interface Quote extends Span {
  /** Offsets of the opening and closing marks. */
  open: number;
  close: number;
}

export function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const closers = PAIRS[ch];
    if (!closers) {
      i++;
      continue;
    }
    // A closing mark within 5 000 characters that is not across a blank line.
    let j = i + 1;
    let found = -1;
    while (j < text.length && j - i < 5_000) {
      const c = text[j]!;
      if (closers.includes(c)) {
        found = j;
        break;
      }
      if (c === '\n' && text[j + 1] === '\n') break;
      j++;
    }
    if (found < 0) {
      i++;
      continue;
    }
    const start = i + 1;
    quotes.push({ start, end: found, quote: text.slice(start, found), open: i, close: found });
    i = found + 1;
  }
  return quotes;
}
