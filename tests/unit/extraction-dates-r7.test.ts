import { describe, expect, it } from 'vitest';
import {
  type DateExpression,
  findDates,
  resolveForStatus,
  type Tense,
} from '../../src/modules/extraction/dates/index.ts';
import { defaultLexicons } from '../../src/modules/extraction/lexicons.ts';
import type { Language, Sentence } from '../../src/modules/extraction/types.ts';

const lexicons = defaultLexicons();

function one(language: Language, text: string, tense: Tense | null, publishedAt: string): DateExpression {
  const sentences: Sentence[] = [{ index: 0, start: 0, end: text.length, quote: text }];
  const found = findDates({ text, sentences, language, publishedAt, tenseOf: () => tense }, lexicons);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** quote, earliest, latest, precision, qualifier: what the editor sees of a date. */
const brief = (d: DateExpression) => [d.quote, d.earliest, d.latest, d.precision, d.qualifier];
const codes = (d: DateExpression) => d.warnings.map((w) => w.code);

describe('a month or day without a year that lies almost a year back in a past sentence', () => {
  it('keeps both Marches for "in March" written on 20 February, past tense', () => {
    const d = one('en', 'The ministers discussed holding a summit in March.', 'PAST', '2023-02-20');
    expect(brief(d)).toEqual(['in March', '2022-03-01', '2023-03-31', 'YEAR', 'APPROX']);
    expect(codes(d)).toEqual(['YEAR_UNSURE']);
    expect(d.confidence).toBe(0.5);
  });

  it('does so for a German month and a Polish day and month', () => {
    const oktober = one('de', 'Die Regierung lehnte Gespräche im Oktober ab.', 'PAST', '2021-09-25');
    expect(brief(oktober)).toEqual(['im Oktober', '2020-10-01', '2021-10-31', 'YEAR', 'APPROX']);
    const luty = one('pl', 'Ministerstwo odrzuciło termin 3 lutego.', 'PAST', '2024-01-28');
    expect(brief(luty)).toEqual(['3 lutego', '2023-02-03', '2024-02-03', 'YEAR', 'APPROX']);
    expect(codes(luty)).toEqual(['YEAR_UNSURE']);
  });

  it('does so for a part of a month in Russian', () => {
    const d = one('ru', 'Стороны обсудили встречу в конце июня.', 'PAST', '2022-06-05');
    expect(brief(d)).toEqual(['в конце июня', '2021-06-21', '2022-06-30', 'YEAR', 'APPROX']);
  });

  it('gives a plan the next one again, by its status', () => {
    const d = one('en', 'The ministers discussed holding a summit in March.', 'PAST', '2023-02-20');
    const planned = resolveForStatus(d, 'PLANNED', '2023-02-20');
    expect(brief(planned)).toEqual(['in March', '2023-03-01', '2023-03-31', 'MONTH', null]);
    expect(codes(planned)).toEqual(['YEAR_INFERRED']);
  });

  it('is read again for an asserted event whose sentence had no tense', () => {
    const d = one('fr', 'Les entretiens en juin.', null, '2022-05-20');
    expect(d.earliest).toBe('2022-06-01');
    const asserted = resolveForStatus(d, 'ASSERTED', '2022-05-20');
    expect(brief(asserted)).toEqual(['en juin', '2021-06-01', '2022-06-30', 'YEAR', 'APPROX']);
  });
});

describe('near misses: the year rule stands', () => {
  it('keeps last month as it is: "in December" written on 10 January', () => {
    const d = one('en', 'The talks took place in December.', 'PAST', '2023-01-10');
    expect(brief(d)).toEqual(['in December', '2022-12-01', '2022-12-31', 'MONTH', null]);
    expect(codes(d)).toEqual(['YEAR_INFERRED']);
  });

  it('keeps a past month the next of which is not weeks away: "en avril" on 9 February', () => {
    const d = one('fr', 'Le traité a été signé en avril.', 'PAST', '2022-02-09');
    expect(brief(d)).toEqual(['en avril', '2021-04-01', '2021-04-30', 'MONTH', null]);
  });

  it('lets a weekday given with the day choose the year', () => {
    // 3 March 2023 is a Friday; 3 March 2022 was a Thursday.
    const d = one('en', 'The ministers met on Friday, March 3.', 'PAST', '2023-02-20');
    expect([d.earliest, d.latest, d.precision]).toEqual(['2023-03-03', '2023-03-03', 'DAY']);
    expect(codes(d)).not.toContain('YEAR_UNSURE');
  });

  it('keeps the next one in a future sentence', () => {
    const d = one('de', 'Die Minister werden sich im März treffen.', 'FUTURE', '2023-02-20');
    expect(brief(d)).toEqual(['im März', '2023-03-01', '2023-03-31', 'MONTH', null]);
  });
});
