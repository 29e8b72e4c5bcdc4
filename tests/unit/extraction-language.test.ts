import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/modules/extraction/text/language.ts';
import { LANGUAGES } from '../../src/modules/extraction/types.ts';

const fixture = (lang: string) =>
  readFileSync(new URL(`../fixtures/language/${lang}.txt`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim());

describe('detectLanguage', () => {
  for (const lang of LANGUAGES) {
    it(`tells ${lang} in at least 90% of our 60 short ${lang} sentences`, () => {
      const sentences = fixture(lang);
      expect(sentences.length).toBe(60);
      const right = sentences.filter((s) => detectLanguage(s).language === lang).length;
      expect(right / sentences.length).toBeGreaterThanOrEqual(0.9);
    });
  }

  it('tells the seed article as French, with a confidence between 0 and 1', () => {
    const seed = readFileSync(new URL('../../data/seed/bbabo-2022-02-09.txt', import.meta.url), 'utf8');
    const found = detectLanguage(seed);
    expect(found.language).toBe('fr');
    expect(found.confidence).toBeGreaterThan(0.5);
    expect(found.confidence).toBeLessThanOrEqual(1);
    expect(found.detector).toBe('eld-small');
  });

  it('reads Cyrillic with no Latin letter as Russian by rule, and mixed Cyrillic text by eld', () => {
    expect(detectLanguage('Министр прибыл в Москву.')).toEqual({
      language: 'ru',
      confidence: 1,
      detector: 'script-cyrillic',
    });
    expect(detectLanguage('Министр прибыл в Москву на встречу с NATO.').detector).toBe('eld-small');
  });

  it('falls back on Polish letters when the text is too short for the n-grams', () => {
    const found = detectLanguage('Rząd zażądał wyjaśnień');
    expect(found.language).toBe('pl');
  });

  it('answers null, with confidence 0, for what is not language: numbers, a name, an acronym', () => {
    for (const text of ['12345 678 90', 'NATO', 'Sergueï Lavrov', '   ', '!!! ??? ...']) {
      expect(detectLanguage(text)).toMatchObject({ language: null, confidence: 0 });
    }
  });
});
