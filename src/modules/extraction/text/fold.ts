/**
 * Folding for matching: case- and accent-insensitive, and the same for the text and for the
 * lexicons, so that a pattern is written as a reader would write it (docs/extraction.md).
 */
const SPECIAL: Record<string, string> = { ё: 'е', ł: 'l', ß: 'ss', '’': "'", ʼ: "'", '‘': "'" };
const MARK = /\p{M}/u;

export function fold(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase()) {
    // й is its own letter in Russian (NFD would make it и plus a breve); keep it.
    if (ch === 'й') {
      out += ch;
      continue;
    }
    const special = SPECIAL[ch];
    if (special) {
      out += special;
      continue;
    }
    for (const part of ch.normalize('NFD')) if (!MARK.test(part)) out += part;
  }
  return out;
}
