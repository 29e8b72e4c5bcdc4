import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../src/modules/extraction/actors/gazetteer.ts';
import { findDates } from '../../src/modules/extraction/dates/index.ts';
import { defaultLexicons } from '../../src/modules/extraction/lexicons.ts';
import { rulesEngine } from '../../src/modules/extraction/rules/engine.ts';
import type { DraftEvent, Language, Sentence } from '../../src/modules/extraction/types.ts';

/**
 * Dates the rules engine infers from discourse (docs/extraction.md, "Dates"): an occasion
 * dated before, the lead of a paragraph, "the same day", the day of a saying, the future of a
 * past saying. The articles are invented for these tests.
 */
const lexicons = defaultLexicons();
const gazetteer = buildGazetteer([], lexicons);

function extract(language: Language, text: string, publishedAt: string) {
  return rulesEngine.extract({ text, publishedAt, language }, { gazetteer, lexicons });
}

/** The event whose trigger begins with `words`. */
function eventAt(events: DraftEvent[], words: string): DraftEvent {
  const found = events.find((e) => e.trigger.quote.toLowerCase().startsWith(words.toLowerCase()));
  if (!found) throw new Error(`no event "${words}" among ${events.map((e) => e.trigger.quote).join(' | ')}`);
  return found;
}

const interval = (e: DraftEvent) => [e.date.earliest, e.date.latest];
const firstRule = (e: DraftEvent) => e.date.evidence[0]?.rule;

function findOne(language: Language, text: string, publishedAt: string) {
  const sentences: Sentence[] = [{ index: 0, start: 0, end: text.length, quote: text }];
  return findDates({ text, sentences, language, publishedAt, tenseOf: () => 'PAST' }, lexicons);
}

describe('an occasion the text dated before', () => {
  // 2023-03-08 is a Wednesday; the talks were on Monday 6 March.
  const text =
    'Sergei Lavrov met Antony Blinken in Geneva on Monday.\n' +
    'At the press conference after the talks, Lavrov accused NATO of stoking the conflict.';
  const draft = extract('en', text, '2023-03-08');

  it('dates what happens "at the press conference" on the day of the meeting', () => {
    const accused = eventAt(draft.events, 'accused');
    expect(interval(accused)).toEqual(['2023-03-06', '2023-03-06']);
    expect(firstRule(accused)).toBe('date.occasion');
  });

  it('is less sure of an occasion than of a stated date', () => {
    const met = eventAt(draft.events, 'met');
    const accused = eventAt(draft.events, 'accused');
    expect(firstRule(met)).toBe('date.in-sentence');
    expect(accused.date.confidence).toBeLessThan(met.date.confidence);
  });

  it('leaves an occasion undated when the text never dated one', () => {
    const alone = extract(
      'en',
      'At the press conference, Lavrov accused NATO of stoking the conflict.',
      '2023-03-08',
    );
    const accused = eventAt(alone.events, 'accused');
    expect(firstRule(accused)).toBe('date.unstated');
    expect(interval(accused)).toEqual(['2023-03-01', '2023-03-08']);
  });
});

describe("a paragraph's lead sentence", () => {
  // 2023-11-15 is a Wednesday: "on Tuesday" is 14 November.
  const lead = 'The Polish Foreign Ministry summoned the Belarusian chargé d’affaires on Tuesday.';

  it('gives its day to what the same actor did next, in the simple past', () => {
    const draft = extract(
      'en',
      `${lead} The Polish Foreign Ministry also condemned the border incidents.`,
      '2023-11-15',
    );
    const condemned = eventAt(draft.events, 'condemned');
    expect(interval(condemned)).toEqual(['2023-11-14', '2023-11-14']);
    expect(firstRule(condemned)).toBe('date.paragraph');
  });

  it('does not give it to the next line, nor to background', () => {
    const nextLine = extract(
      'en',
      `${lead}\nThe Polish Foreign Ministry also condemned the border incidents.`,
      '2023-11-15',
    );
    expect(firstRule(eventAt(nextLine.events, 'condemned'))).toBe('date.unstated');
    const background = extract(
      'en',
      `${lead} Previously the Polish Foreign Ministry condemned the border incidents.`,
      '2023-11-15',
    );
    expect(firstRule(eventAt(background.events, 'condemned'))).toBe('date.unstated');
  });
});

describe('"the same day" and "in turn"', () => {
  it('takes the date of the sentence just before', () => {
    const text =
      'Lithuania expelled two Russian diplomats on 3 May. The same day, Latvia recalled its ambassador from Moscow.';
    const draft = extract('en', text, '2023-05-05');
    const recalled = eventAt(draft.events, 'recalled');
    expect(interval(recalled)).toEqual(['2023-05-03', '2023-05-03']);
    expect(firstRule(recalled)).toBe('date.then');
  });
});

describe('the day of a saying', () => {
  // 2022-06-10 is a Friday.
  const text =
    'Polish Foreign Minister Zbigniew Rau said on Friday that Poland would present the report in late June.\n' +
    '“We accuse Moscow of lying,” Rau added.';
  const draft = extract('en', text, '2022-06-10');

  it('carries to what the same speaker says next, not the date of what he announced', () => {
    const accuse = eventAt(draft.events, 'accuse');
    expect(interval(accuse)).toEqual(['2022-06-10', '2022-06-10']);
    expect(firstRule(accuse)).toBe('date.inherited');
  });

  it('never carries a date after publication as the day of a saying', () => {
    const later = extract(
      'en',
      'Zbigniew Rau said the allies would meet in Madrid on 29 June.\n“We accuse Moscow of lying,” Rau added.',
      '2022-06-10',
    );
    expect(firstRule(eventAt(later.events, 'accuse'))).toBe('date.unstated');
  });
});

describe('the future of a past saying', () => {
  it('reads "announced on Friday that … would … at the end of June" as the next June', () => {
    // Published 10 June 2022: the summit at the end of June is 2022's, not 2021's.
    const text =
      'The prime minister announced on Friday that Poland would present its plan at the NATO summit at the end of June.';
    const draft = extract('en', text, '2022-06-10');
    const dated = draft.events.filter((e) => e.date.text?.includes('June'));
    expect(dated.length).toBeGreaterThan(0);
    for (const e of dated) {
      expect(interval(e)).toEqual(['2022-06-21', '2022-06-30']);
      expect(e.date.evidence.map((x) => x.rule)).toContain('date.future-in-past');
    }
  });

  it('keeps a weekday by the verb of saying for the saying, not for the plan', () => {
    const text =
      'Rzecznik Łukasz Jasina zapowiedział w piątek, że Polska przedstawi partnerom informacje o cyberatakach pod koniec czerwca.';
    const draft = extract('pl', text, '2022-06-10');
    const plan = eventAt(draft.events, 'przedstawi');
    expect(interval(plan)).toEqual(['2022-06-21', '2022-06-30']);
  });
});

describe('date words these rules needed', () => {
  it('reads "am Mittwochabend" as that Wednesday', () => {
    const [d] = findOne('de', 'Der Präsident dankte ihm am Mittwochabend.', '2023-01-26');
    expect([d?.quote, d?.earliest, d?.latest]).toEqual(['am Mittwochabend', '2023-01-25', '2023-01-25']);
  });

  it('reads "aus dem Jahr 1953" as that year', () => {
    const [d] = findOne('de', 'Berlin erinnerte an einen Vertrag aus dem Jahr 1953.', '2022-10-04');
    expect([d?.earliest, d?.latest, d?.precision]).toEqual(['1953-01-01', '1953-12-31', 'YEAR']);
  });

  it('reads "dès jeudi" as that Thursday only', () => {
    const [d] = findOne('fr', 'Moscou a protesté dès jeudi.', '2024-06-07');
    expect([d?.earliest, d?.latest]).toEqual(['2024-06-06', '2024-06-06']);
  });

  it('reads "from Monday" as lasting from that Monday to publication', () => {
    const [d] = findOne('en', 'The talks went on from Monday.', '2023-05-05');
    expect([d?.earliest, d?.latest]).toEqual(['2023-05-01', '2023-05-05']);
  });
});

describe('dates of other clauses', () => {
  it('does not date the main verb by a month inside a relative clause set off by commas', () => {
    const text = 'Hungary, which objected to an earlier package in June, accused Brussels of haste.';
    const draft = extract('en', text, '2023-08-04');
    expect(interval(eventAt(draft.events, 'objected'))).toEqual(['2023-06-01', '2023-06-30']);
    const accused = eventAt(draft.events, 'accused');
    expect(firstRule(accused)).toBe('date.unstated');
    expect(interval(accused)).toEqual(['2023-07-28', '2023-08-04']);
  });

  it('reads the month of what could happen as the next one, even after a past verb of saying', () => {
    const text = 'Russia could impose sanctions on Latvia in June, Lavrov said.';
    const draft = extract('en', text, '2023-05-19');
    const sanctions = eventAt(draft.events, 'impose');
    expect(interval(sanctions)).toEqual(['2023-06-01', '2023-06-30']);
    expect(sanctions.date.evidence.map((x) => x.rule)).toContain('date.hypothesis-ahead');
  });
});
