import { describe, expect, it } from 'vitest';
import {
  type DateExpression,
  findDates,
  resolveForStatus,
  type Tense,
} from '../../src/modules/extraction/dates/index.ts';
import { defaultLexicons } from '../../src/modules/extraction/lexicons.ts';
import { splitSentences } from '../../src/modules/extraction/text/sentences.ts';
import type { Draft, DraftEvent, Language } from '../../src/modules/extraction/types.ts';
import { extractWithSeed } from '../support/extract.ts';

const lexicons = defaultLexicons();

/** Every date of a text of several sentences, published on Thursday 14 March 2024 unless said otherwise. */
function dates(
  language: Language,
  text: string,
  tense: Tense | null = 'PAST',
  publishedAt = '2024-03-14',
): DateExpression[] {
  const sentences = splitSentences(text, language, lexicons);
  return findDates({ text, sentences, language, publishedAt, tenseOf: () => tense }, lexicons);
}

/** quote and interval of every date, in text order. */
const brief = (found: DateExpression[]) => found.map((d) => [d.quote, d.earliest, d.latest]);
const quoted = (found: DateExpression[], quote: string) => found.find((d) => d.quote === quote);

/** The event whose trigger quote begins with `quote` (the trigger lexicons may name more words). */
function eventOf(d: Draft, quote: string): DraftEvent {
  const e = d.events.find((x) => x.trigger.quote.startsWith(quote));
  expect(e, `an event «${quote}» in ${d.events.map((x) => x.trigger.quote).join(' | ')}`).toBeDefined();
  return e!;
}

describe('a day counted from the day the text stated before', () => {
  it('reads "ce jour-là" as the day stated two sentences before (fr)', () => {
    const found = dates(
      'fr',
      "L'incident remonte au 3 mars. Le cargo battait pavillon maltais. Ce jour-là, la marine a arraisonné un autre navire.",
    );
    expect(brief(found)).toEqual([
      ['3 mars', '2024-03-03', '2024-03-03'],
      ['Ce jour-là', '2024-03-03', '2024-03-03'],
    ]);
    const d = quoted(found, 'Ce jour-là')!;
    expect(d.precision).toBe('DAY');
    expect(d.kind).toBe('ANAPHORIC_DAY');
    expect(d.evidence.map((e) => e.entry)).toEqual(['fr/dates#meme-jour']);
  });

  it('leaves "the same day" right after the day\'s sentence, or in it, to date.then (no date of its own)', () => {
    expect(brief(dates('en', 'The talks ended on 3 March. The same day, the envoy left.'))).toEqual([
      ['on 3 March', '2024-03-03', '2024-03-03'],
    ]);
    expect(brief(dates('fr', 'Hier il a parlé ; ce jour-là il pleuvait.'))).toEqual([
      ['Hier', '2024-03-13', '2024-03-13'],
    ]);
  });

  it('counts "Drei Tage später" three days on from the day two sentences back (de)', () => {
    const found = dates(
      'de',
      'Der Minister war am 4. März nach Wien gereist. Dort traf er seinen Amtskollegen. Drei Tage später unterzeichneten beide ein Abkommen.',
    );
    expect(quoted(found, 'Drei Tage später')?.earliest).toBe('2024-03-07');
  });

  it('reads "the next day", "A day later" and "3 days later" forward (en)', () => {
    const found = dates(
      'en',
      'The envoy arrived on 2 March. The next day he met the president. A day later he left. 3 days later the embassy closed.',
    );
    expect(brief(found).slice(1)).toEqual([
      ['The next day', '2024-03-03', '2024-03-03'],
      ['A day later', '2024-03-04', '2024-03-04'],
      ['3 days later', '2024-03-07', '2024-03-07'],
    ]);
  });

  it('reads "dzień wcześniej" back and "tego samego dnia" as the day of "wczoraj" two sentences back (pl)', () => {
    const found = dates(
      'pl',
      'Wczoraj premier spotkał się z ambasadorem. Rozmowa trwała godzinę. Tego samego dnia MSZ wydało komunikat. Dzień wcześniej rząd zwołał posiedzenie.',
    );
    expect(brief(found)).toEqual([
      ['Wczoraj', '2024-03-13', '2024-03-13'],
      ['Tego samego dnia', '2024-03-13', '2024-03-13'],
      ['Dzień wcześniej', '2024-03-12', '2024-03-12'],
    ]);
  });

  it('reads "на следующий день" and "спустя два дня" from the stated day (ru)', () => {
    const found = dates(
      'ru',
      'Делегация прибыла в Анкару 5 марта. На следующий день министры провели переговоры. Спустя два дня стороны подписали протокол.',
    );
    expect(quoted(found, 'На следующий день')?.earliest).toBe('2024-03-06');
    expect(quoted(found, 'Спустя два дня')?.earliest).toBe('2024-03-08');
  });

  it('dates a part of the day ("am Nachmittag", "вечером") by the day stated before it', () => {
    const de = dates(
      'de',
      'Die Ministerin traf heute in Prag ein und sprach am Nachmittag mit dem Präsidenten.',
    );
    expect(quoted(de, 'am Nachmittag')?.earliest).toBe('2024-03-14');
    const ru = dates('ru', 'Министр прилетел в Минск во вторник, а вечером встретился с президентом.');
    expect(quoted(ru, 'вечером')?.earliest).toBe('2024-03-12');
  });

  it('keeps its day whatever the status of the event (a stated year)', () => {
    const found = dates('fr', "L'incident remonte au 3 mars. Le lendemain, Paris a protesté.");
    const d = quoted(found, 'Le lendemain')!;
    expect(d.earliest).toBe('2024-03-04');
    expect(resolveForStatus(d, 'PLANNED', '2024-03-14')).toBe(d);
  });
});

describe('near misses: no day to count from', () => {
  it('gives no date when no day was stated in the last three sentences', () => {
    const found = dates(
      'en',
      'The talks began on 1 March. They were tense. Both sides left. Nobody spoke. The same day, the embassy closed.',
    );
    expect(brief(found)).toEqual([['on 1 March', '2024-03-01', '2024-03-01']]);
  });

  it('does not count from a month ("en février … le lendemain")', () => {
    const found = dates('fr', 'Les pourparlers ont échoué en février. Le lendemain, Moscou a protesté.');
    expect(brief(found)).toEqual([['en février', '2024-02-01', '2024-02-29']]);
  });

  it('does not date a day counted from a named event: "la veille du sommet", "the day before the vote"', () => {
    expect(brief(dates('fr', 'Hier, rien. La veille du sommet, Ankara a cédé.'))).toEqual([
      ['Hier', '2024-03-13', '2024-03-13'],
    ]);
    expect(brief(dates('en', 'Yesterday, nothing. The day before the vote, Ankara gave in.'))).toEqual([
      ['Yesterday', '2024-03-13', '2024-03-13'],
    ]);
    expect(brief(dates('en', 'On 2 March they met. The same day as the vote, Ankara gave in.'))).toEqual([
      ['On 2 March', '2024-03-02', '2024-03-02'],
    ]);
  });

  it('does not reach past "la veille de l\'ouverture" to an earlier day for "le soir même"', () => {
    const found = dates(
      'fr',
      "Le sommet s'est ouvert hier. La veille de l'ouverture, Ankara avait cédé. Le soir même, l'OTAN s'était réjouie.",
    );
    expect(brief(found)).toEqual([['hier', '2024-03-13', '2024-03-13']]);
  });
});

describe('weekdays in the genitive, after "od", "do", "с"', () => {
  it('reads "Od soboty" as Saturday to publication (pl)', () => {
    const found = dates('pl', 'Od soboty Litwa wstrzymuje tranzyt towarów objętych sankcjami.', 'PRESENT');
    expect(brief(found)).toEqual([['Od soboty', '2024-03-09', '2024-03-14']]);
  });

  it('reads "do piątku" as a Friday (pl) and "с понедельника" as Monday to publication (ru)', () => {
    expect(brief(dates('pl', 'Rozmowy trwały do piątku.'))).toEqual([
      ['do piątku', '2024-03-08', '2024-03-08'],
    ]);
    expect(brief(dates('ru', 'С понедельника действуют новые ограничения.', 'PRESENT'))).toEqual([
      ['С понедельника', '2024-03-11', '2024-03-14'],
    ]);
  });
});

describe('in the engine: an event of a sentence that counts from the day before', () => {
  it('takes the day "ce jour-là" points to, even when no event of the text has that day', () => {
    const d = extractWithSeed(
      'fr',
      "Le différend remonte au 1er mars. Il porte sur une station de mesures. Ce jour-là, la Norvège a rejeté la demande de la Russie d'installer une station.",
    );
    const e = eventOf(d, 'rejeté');
    expect([e.date.earliest, e.date.latest, e.date.text]).toEqual(['2024-03-01', '2024-03-01', 'Ce jour-là']);
  });

  it('takes "Drei Tage später" counted from the stated day', () => {
    const d = extractWithSeed(
      'de',
      'Der schwedische Ministerpräsident war am 23. Februar nach Budapest gereist. Drei Tage später ratifizierte Ungarn den Beitritt.',
    );
    const e = eventOf(d, 'ratifizierte');
    expect([e.date.earliest, e.date.latest]).toEqual(['2024-02-26', '2024-02-26']);
  });
});
