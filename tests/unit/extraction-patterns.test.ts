import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/modules/extraction/rules/quotes.ts';
import { fold } from '../../src/modules/extraction/text/fold.ts';
import {
  compilePattern,
  findAll,
  matchAt,
  PatternError,
} from '../../src/modules/extraction/text/patterns.ts';
import { tokenize } from '../../src/modules/extraction/text/tokens.ts';

const quotes = (text: string, pattern: string) =>
  findAll(compilePattern(pattern), tokenize(text)).map((m) => text.slice(m.start, m.end));

describe('folding', () => {
  it('drops case and accents but keeps й, and maps ё, ł and ß', () => {
    expect(fold('Sergueï ÉTATS')).toBe('serguei etats');
    expect(fold('Сергей Ёлкин')).toBe('сергей елкин');
    expect(fold('Białoruś Straße')).toBe('bialorus strasse');
  });
});

describe('tokens', () => {
  it('split on apostrophes and hyphens and keep exact offsets', () => {
    const text = "l'OTAN a-t-il déclaré, 17 décembre";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.folded)).toEqual(['l', 'otan', 'a', 't', 'il', 'declare', '17', 'decembre']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[1]!.capitalised).toBe(true);
  });
});

describe('patterns', () => {
  it('match stems, endings, alternatives and words split like the text', () => {
    expect(quotes('Nous sommes prêts à participer.', 'prêt* à particip*')).toEqual(['prêts à participer']);
    expect(quotes('réponses écrites', '*ses écrit*')).toEqual(['réponses écrites']);
    expect(quotes("Il a rejoint l'OTAN.", "l'OTAN")).toEqual(["l'OTAN"]);
    expect(quotes('», a-t-il déclaré.', 'a-t-il déclar*')).toEqual(['a-t-il déclaré']);
    expect(quotes('Moskau lehnt ab, Berlin weist zurück', 'lehnt|weist')).toEqual(['lehnt', 'weist']);
  });

  it('allow bounded gaps and no more', () => {
    expect(quotes('ne sera pas', 'ne ~2 pas')).toEqual(['ne sera pas']);
    expect(quotes('ne le sera jamais pas', 'ne ~1 pas')).toEqual([]);
    expect(quotes('a reçu des réponses', 'reçu ~ réponse*')).toEqual(['reçu des réponses']);
  });

  it('match at a token only from that token', () => {
    const tokens = tokenize('La Russie a reçu des réponses');
    const p = compilePattern('reçu ~ réponse*');
    expect(matchAt(p, tokens, 2)).toBeUndefined();
    expect(matchAt(p, tokens, 3)).toMatchObject({ first: 3, last: 5 });
  });

  it('refuse malformed patterns', () => {
    expect(() => compilePattern('')).toThrow(PatternError);
    expect(() => compilePattern('~ pas')).toThrow(PatternError);
    expect(() => compilePattern('ne ~')).toThrow(PatternError);
    expect(() => compilePattern('a*b')).toThrow(PatternError);
    expect(() => compilePattern("l'a|b")).toThrow(PatternError);
  });
});

describe('quotes', () => {
  it('pair the quotation marks of the five languages', () => {
    const text =
      '« Nous sommes prêts », a-t-il dit. „Wir sind bereit“, sagte er. “Ready,” he said. «Готовы», заявил он.';
    expect(findQuotes(text).map((q) => q.quote)).toEqual([
      ' Nous sommes prêts ',
      'Wir sind bereit',
      'Ready,',
      'Готовы',
    ]);
  });

  it('never pair across a blank line', () => {
    expect(findQuotes('« un\n\ndeux »')).toEqual([]);
  });
});
