/**
 * Folding for matching: case- and accent-insensitive, and the same for the text and for the
 * lexicons, so that a pattern is written as a reader would write it (docs/extraction.md).
 */
// German umlauts fold to their two-letter spellings, not to the bare vowel: würde (would) and
// wurde (was), fördert (promotes) and fordert (demands) must stay apart.
const SPECIAL: Record<string, string> = {
  ё: 'е',
  ł: 'l',
  ß: 'ss',
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  '’': "'",
  ʼ: "'",
  '‘': "'",
};
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
