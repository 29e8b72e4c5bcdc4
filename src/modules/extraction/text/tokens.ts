import { fold } from './fold.ts';

/** A word of the text with its place: `text.slice(start, end) === text` of the token. */
export interface Token {
  start: number;
  end: number;
  text: string;
  folded: string;
  /** Whether the word begins with a capital letter (names, sentence starts). */
  capitalised: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Words are runs of letters, digits and marks; apostrophes, hyphens and the rest split them. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(WORD)) {
    const start = from + (m.index ?? 0);
    const word = m[0];
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      folded: fold(word),
      capitalised: /^\p{Lu}/u.test(word),
    });
  }
  return tokens;
}
