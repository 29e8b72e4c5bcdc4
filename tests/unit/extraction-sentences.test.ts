import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLexicons, type LexiconSet } from '../../src/modules/extraction/lexicons.ts';
import { splitSentences } from '../../src/modules/extraction/text/sentences.ts';
import { LANGUAGES, type Language } from '../../src/modules/extraction/types.ts';

const lexicons = defaultLexicons();
const quotes = (text: string, lang: Language, set: LexiconSet = lexicons) =>
  splitSentences(text, lang, set).map((s) => s.quote);

describe('splitSentences', () => {
  const seed = readFileSync(new URL('../../data/seed/bbabo-2022-02-09.txt', import.meta.url), 'utf8');

  it('keeps the seed sentence "Cela a été annoncé aujourd\'hui, 9 février, par le vice-ministre…" whole', () => {
    const found = splitSentences(seed, 'fr', lexicons);
    const sentence = found.find((s) => s.quote.startsWith('Cela a été annoncé'));
    expect(sentence?.quote).toBe(
      "Cela a été annoncé aujourd'hui, 9 février, par le vice-ministre des Affaires étrangères de la République, Sergei Aleinik.",
    );
  });

  it('gives exact, trimmed offsets and indices equal to positions', () => {
    const found = splitSentences(seed, 'fr', lexicons);
    expect(found.length).toBeGreaterThan(10);
    found.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(seed.slice(s.start, s.end)).toBe(s.quote);
      expect(s.quote).toBe(s.quote.trim());
      expect(s.quote).not.toBe('');
    });
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });

  it('does not end a sentence after an initial: «V. Poutine», «Д. Медведев», «В.В. Путин»', () => {
    expect(quotes('Le Kremlin a réagi. Selon V. Poutine, rien ne change.', 'fr')).toEqual([
      'Le Kremlin a réagi.',
      'Selon V. Poutine, rien ne change.',
    ]);
    expect(quotes('Об этом заявил Д. Медведев. В.В. Путин промолчал.', 'ru')).toEqual([
      'Об этом заявил Д. Медведев.',
      'В.В. Путин промолчал.',
    ]);
  });

  it('does not end a sentence after an abbreviation of the lexicon: Mr., M., ул., z. B., Dz.U., art.', () => {
    expect(quotes('Mr. Smith met Dr. Jones in London. They talked.', 'en')).toEqual([
      'Mr. Smith met Dr. Jones in London.',
      'They talked.',
    ]);
    expect(quotes('M. Macron a parlé. Voir art. 5 du traité.', 'fr')).toEqual([
      'M. Macron a parlé.',
      'Voir art. 5 du traité.',
    ]);
    expect(quotes('Митинг прошёл на ул. Тверской. Полиция молчит.', 'ru')).toEqual([
      'Митинг прошёл на ул. Тверской.',
      'Полиция молчит.',
    ]);
    expect(quotes('Er nannte z. B. Polen. Sie schwieg.', 'de')).toEqual([
      'Er nannte z. B. Polen.',
      'Sie schwieg.',
    ]);
    expect(quotes('Ustawę ogłoszono w Dz.U. Nr 5. Weszła w życie.', 'pl')).toEqual([
      'Ustawę ogłoszono w Dz.U. Nr 5.',
      'Weszła w życie.',
    ]);
  });

  it('keeps German ordinals before a month ("am 17. Januar", "1. Mai") but ends "auf 15. Die"', () => {
    expect(quotes('Das Treffen fand am 17. Januar statt. Am 1. Mai gab es Proteste.', 'de')).toEqual([
      'Das Treffen fand am 17. Januar statt.',
      'Am 1. Mai gab es Proteste.',
    ]);
    expect(quotes('Die Zahl stieg auf 15. Die Polizei kam.', 'de')).toEqual([
      'Die Zahl stieg auf 15.',
      'Die Polizei kam.',
    ]);
  });

  it('ends a sentence at a blank line, with or without a full stop, and never joins paragraphs', () => {
    expect(quotes('Title without a stop\n\nMr.\n \nSmith spoke.', 'en')).toEqual([
      'Title without a stop',
      'Mr.',
      'Smith spoke.',
    ]);
    expect(quotes('One.\r\n\r\nTwo.', 'en')).toEqual(['One.', 'Two.']);
  });

  it('works without lexicons (initials still join) and in every language', () => {
    const empty: LexiconSet = {
      shared: {},
      byLanguage: Object.fromEntries(LANGUAGES.map((l) => [l, {}])) as LexiconSet['byLanguage'],
    };
    expect(quotes('Mr. Smith spoke. J. Doe left.', 'en', empty)).toEqual([
      'Mr.',
      'Smith spoke.',
      'J. Doe left.',
    ]);
    for (const lang of LANGUAGES) expect(quotes('A. B. C.', lang)).toEqual(['A. B. C.']);
  });

  it('gives the same sentences for a long paragraph as for its parts (the windowing is exact)', () => {
    const parts = ['The talks went on. ', 'Mr. Smith left early! ', 'Did they agree? ', '“Yes,” he said. '];
    const paragraph = Array.from({ length: 2_000 }, (_, i) => parts[i % parts.length]).join('');
    const found = splitSentences(paragraph, 'en', lexicons);
    expect(found.length).toBe(2_000);
    expect(found.map((s) => s.quote)).toEqual(
      Array.from({ length: 2_000 }, (_, i) => parts[i % parts.length]!.trim()),
    );
  });
});
