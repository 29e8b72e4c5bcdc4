import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type DateExpression, findDates, type Tense } from '../../src/modules/extraction/dates/index.ts';
import { defaultLexicons, LexiconError, type LexiconSet } from '../../src/modules/extraction/lexicons.ts';
import type { Language, Sentence } from '../../src/modules/extraction/types.ts';

const lexicons = defaultLexicons();
const SEED_DAY = '2022-02-09'; // a Wednesday

function find(
  language: Language,
  text: string,
  tense: Tense | null = 'PAST',
  publishedAt = SEED_DAY,
  lexiconSet: LexiconSet = lexicons,
): DateExpression[] {
  const sentences: Sentence[] = [{ index: 0, start: 0, end: text.length, quote: text }];
  const found = findDates({ text, sentences, language, publishedAt, tenseOf: () => tense }, lexiconSet);
  for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.quote);
  return found;
}

/** quote, earliest, latest, precision, qualifier: what the editor sees of a date. */
const brief = (d: DateExpression) => [d.quote, d.earliest, d.latest, d.precision, d.qualifier];
const codes = (d: DateExpression) => d.warnings.map((w) => w.code);

describe('findDates in French (the seed article)', () => {
  it('reads "aujourd\'hui, 9 février" as the publication day, twice', () => {
    const found = find('fr', "Cela a été annoncé aujourd'hui, 9 février, par le vice-ministre.");
    expect(found.map(brief)).toEqual([
      ["aujourd'hui", SEED_DAY, SEED_DAY, 'DAY', null],
      ['9 février', SEED_DAY, SEED_DAY, 'DAY', null],
    ]);
    expect(found.map((d) => d.kind)).toEqual(['RELATIVE_DAY', 'DAY_MONTH']);
    expect(found[0]!.evidence).toEqual([{ rule: 'date.relative', entry: 'fr/dates#aujourd-hui' }]);
  });

  it('reads "Fin janvier" as 21–31 January, MONTH LATE, and not also as the bare month', () => {
    const found = find('fr', '« Fin janvier, la Russie a reçu des réponses écrites de Washington.');
    expect(found.map(brief)).toEqual([['Fin janvier', '2022-01-21', '2022-01-31', 'MONTH', 'LATE']]);
    expect(found[0]!.kind).toBe('MONTH_PART');
    expect(found[0]!.evidence[0]).toEqual({ rule: 'date.month-part', entry: 'fr/dates#fin' });
    expect(codes(found[0]!)).toEqual(['YEAR_INFERRED']);
  });

  it('reads "le 17 décembre 2021" as that day, certain, with its article', () => {
    const [d, ...rest] = find(
      'fr',
      'Rappelons que le 17 décembre 2021, le ministère russe a publié des projets.',
    );
    expect(rest).toEqual([]);
    expect(brief(d!)).toEqual(['le 17 décembre 2021', '2021-12-17', '2021-12-17', 'DAY', null]);
    expect(d!.kind).toBe('FULL');
    expect(d!.confidence).toBe(0.95);
    expect(d!.warnings).toEqual([]);
    expect(d!.evidence[0]!.rule).toBe('date.chrono');
  });

  it('gives "le 28 janvier" in a past sentence the most recent 28 January: 2022', () => {
    const [d] = find('fr', 'Ce document a été envoyé le 28 janvier aux chefs des départements.');
    expect(brief(d!)).toEqual(['le 28 janvier', '2022-01-28', '2022-01-28', 'DAY', null]);
    expect(codes(d!)).toEqual(['YEAR_INFERRED']);
    expect(d!.confidence).toBe(0.85);
  });

  it('finds the five dates of the seed article, in order', () => {
    const text = readFileSync(new URL('../../data/seed/bbabo-2022-02-09.txt', import.meta.url), 'utf8');
    expect(find('fr', text).map(brief)).toEqual([
      ["aujourd'hui", SEED_DAY, SEED_DAY, 'DAY', null],
      ['9 février', SEED_DAY, SEED_DAY, 'DAY', null],
      ['Fin janvier', '2022-01-21', '2022-01-31', 'MONTH', 'LATE'],
      ['le 17 décembre 2021', '2021-12-17', '2021-12-17', 'DAY', null],
      ['le 28 janvier', '2022-01-28', '2022-01-28', 'DAY', null],
    ]);
  });

  it('reads the longer forms of parts of months', () => {
    const found = find('fr', 'À la fin de janvier, au début du mois de mars et à la mi-janvier, il a parlé.');
    expect(found.map(brief)).toEqual([
      ['À la fin de janvier', '2022-01-21', '2022-01-31', 'MONTH', 'LATE'],
      // Past tense: March 2022 had not begun on 9 February 2022.
      ['au début du mois de mars', '2021-03-01', '2021-03-10', 'MONTH', 'EARLY'],
      ['à la mi-janvier', '2022-01-11', '2022-01-20', 'MONTH', 'MID'],
    ]);
  });

  it('never gives a bare month a day: "en janvier" is the whole month', () => {
    const [d, ...rest] = find('fr', 'En janvier, les deux pays ont signé un accord.');
    expect(rest).toEqual([]);
    expect(brief(d!)).toEqual(['En janvier', '2022-01-01', '2022-01-31', 'MONTH', null]);
    expect(d!.kind).toBe('MONTH');
  });

  it('reads a weekday in a past sentence as the most recent one, and absorbs it into a date', () => {
    expect(find('fr', 'Le ministre a parlé mardi.').map(brief)).toEqual([
      ['mardi', '2022-02-08', '2022-02-08', 'DAY', null],
    ]);
    const [d, ...rest] = find('fr', 'Le ministre a parlé mardi 8 février.');
    expect(rest).toEqual([]);
    expect(brief(d!)).toEqual(['mardi 8 février', '2022-02-08', '2022-02-08', 'DAY', null]);
    expect(codes(d!)).not.toContain('WEEKDAY_MISMATCH');
  });

  it('reads a weekday of unknown tense as the past one, with a warning and low confidence', () => {
    const [d] = find('fr', 'Mardi, le ministre parle à Minsk.', null);
    expect(brief(d!)).toEqual(['Mardi', '2022-02-08', '2022-02-08', 'DAY', null]);
    expect(codes(d!)).toEqual(['WEEKDAY_TENSE_UNKNOWN']);
    expect(d!.confidence).toBeLessThanOrEqual(0.5);
  });

  it('reads "en 2021" as the year, "hier" as the day before, and not "ce jour-là" as today', () => {
    const found = find('fr', 'En 2021, il a signé ; hier il a parlé ; ce jour-là il pleuvait.');
    expect(found.map(brief)).toEqual([
      ['En 2021', '2021-01-01', '2021-12-31', 'YEAR', null],
      ['hier', '2022-02-08', '2022-02-08', 'DAY', null],
    ]);
  });
});

describe('the year rule for a day and month without a year', () => {
  const publishedAt = '2022-01-05';
  it('takes the most recent one in the past, the next one in the future, the nearest otherwise', () => {
    expect(find('fr', 'Il est venu le 28 décembre.', 'PAST', publishedAt)[0]!.earliest).toBe('2021-12-28');
    expect(find('fr', 'Il viendra le 3 janvier.', 'FUTURE', publishedAt)[0]!.earliest).toBe('2023-01-03');
    expect(find('fr', 'Il vient le 3 janvier.', 'PAST', publishedAt)[0]!.earliest).toBe('2022-01-03');
    expect(find('fr', 'La réunion du 28 décembre.', null, publishedAt)[0]!.earliest).toBe('2021-12-28');
    expect(find('fr', 'La réunion du 10 janvier.', null, publishedAt)[0]!.earliest).toBe('2022-01-10');
  });

  it('lowers the confidence when the tense is unknown', () => {
    const [d] = find('fr', 'La réunion du 10 janvier.', null, publishedAt);
    expect(d!.confidence).toBeLessThan(0.85);
    expect(codes(d!)).toEqual(['YEAR_INFERRED']);
  });
});

describe('a time next to a date', () => {
  it('stays out of the quote, before or after the date', () => {
    expect(find('fr', 'Le 9 février 2022 à 10 h, il a parlé.').map((d) => d.quote)).toEqual([
      'Le 9 février 2022',
    ]);
    expect(find('ru', 'В 10:00, 17 декабря 2021 года, МИД опубликовал проекты.').map((d) => d.quote)).toEqual(
      ['17 декабря 2021 года'],
    );
    expect(find('en', 'At 5 pm on 28 January they met.').map((d) => d.quote)).toEqual(['on 28 January']);
  });
});

describe('findDates in English', () => {
  it('reads "on January 28", "28 January" and "Jan. 28" as 28 January 2022', () => {
    const found = find('en', 'He wrote on January 28, she replied 28 January and they met Jan. 28 in Minsk.');
    expect(found.map(brief)).toEqual([
      ['on January 28', '2022-01-28', '2022-01-28', 'DAY', null],
      ['28 January', '2022-01-28', '2022-01-28', 'DAY', null],
      ['Jan. 28', '2022-01-28', '2022-01-28', 'DAY', null],
    ]);
  });

  it('reads late / mid / early and "at the end of" parts of months', () => {
    const found = find('en', 'In late January, in mid-January and at the end of January 2021 they talked.');
    expect(found.map(brief)).toEqual([
      ['In late January', '2022-01-21', '2022-01-31', 'MONTH', 'LATE'],
      ['in mid-January', '2022-01-11', '2022-01-20', 'MONTH', 'MID'],
      ['at the end of January 2021', '2021-01-21', '2021-01-31', 'MONTH', 'LATE'],
    ]);
    expect(find('en', 'They will meet in early March.', 'FUTURE').map(brief)).toEqual([
      ['in early March', '2022-03-01', '2022-03-10', 'MONTH', 'EARLY'],
    ]);
  });

  it('takes "May" as a month only after a preposition, and never gives it a day', () => {
    const found = find('en', 'Russia may respond in May.');
    expect(found.map(brief)).toEqual([['in May', '2021-05-01', '2021-05-31', 'MONTH', null]]);
  });

  it('does not take a fraction for a date', () => {
    expect(find('en', 'A 3/4 majority was reached in the assembly.')).toEqual([]);
  });

  it('reads today, yesterday and "in 2021"', () => {
    expect(find('en', 'Today he said that yesterday was calm, as it was in 2021.').map(brief)).toEqual([
      ['Today', SEED_DAY, SEED_DAY, 'DAY', null],
      ['yesterday', '2022-02-08', '2022-02-08', 'DAY', null],
      ['in 2021', '2021-01-01', '2021-12-31', 'YEAR', null],
    ]);
  });

  it('reads weekdays by tense and by "last" / "next"', () => {
    expect(find('en', 'The minister spoke on Wednesday.')[0]!.earliest).toBe(SEED_DAY);
    expect(find('en', 'The talks will resume on Wednesday.', 'FUTURE')[0]!.earliest).toBe('2022-02-16');
    expect(find('en', 'He arrived last Wednesday.')[0]!.earliest).toBe('2022-02-02');
    const [next] = find('en', 'He arrives next Friday.', null);
    expect(brief(next!)).toEqual(['next Friday', '2022-02-11', '2022-02-11', 'DAY', null]);
    expect(codes(next!)).toEqual([]);
  });
});

describe('findDates in Russian', () => {
  it('reads "17 декабря 2021 года" as that day, with "года"', () => {
    const [d] = find('ru', 'МИД России 17 декабря 2021 года опубликовал проекты договоров.');
    expect(brief(d!)).toEqual(['17 декабря 2021 года', '2021-12-17', '2021-12-17', 'DAY', null]);
    expect(d!.kind).toBe('FULL');
  });

  it('reads "28 января" in a past sentence as 28 January 2022', () => {
    expect(find('ru', 'Документ был направлен 28 января.').map(brief)).toEqual([
      ['28 января', '2022-01-28', '2022-01-28', 'DAY', null],
    ]);
  });

  it('reads в конце / начале / середине with the genitive month', () => {
    const found = find('ru', 'В конце января, в начале марта и в середине февраля 2021 года шли переговоры.');
    expect(found.map(brief)).toEqual([
      ['В конце января', '2022-01-21', '2022-01-31', 'MONTH', 'LATE'],
      ['в начале марта', '2021-03-01', '2021-03-10', 'MONTH', 'EARLY'],
      ['в середине февраля 2021 года', '2021-02-11', '2021-02-20', 'MONTH', 'MID'],
    ]);
    expect(found[0]!.evidence[0]).toEqual({ rule: 'date.month-part', entry: 'ru/dates#v-kontse' });
  });

  it('reads "в январе" as the month and "в 2021 году" as the year', () => {
    expect(find('ru', 'В январе стороны встретились, как и в 2021 году.').map(brief)).toEqual([
      ['В январе', '2022-01-01', '2022-01-31', 'MONTH', null],
      ['в 2021 году', '2021-01-01', '2021-12-31', 'YEAR', null],
    ]);
  });

  it('reads сегодня and вчера', () => {
    expect(find('ru', 'Сегодня министр сказал, что вчера пришёл ответ.').map(brief)).toEqual([
      ['Сегодня', SEED_DAY, SEED_DAY, 'DAY', null],
      ['вчера', '2022-02-08', '2022-02-08', 'DAY', null],
    ]);
  });

  it('reads "во вторник" in a past sentence, and not "окружающая среда" as Wednesday', () => {
    expect(find('ru', 'Во вторник министр говорил, что окружающая среда важна.').map(brief)).toEqual([
      ['Во вторник', '2022-02-08', '2022-02-08', 'DAY', null],
    ]);
  });
});

describe('findDates in German', () => {
  it('reads "am 17. Januar" and "am 17. Dezember 2021"', () => {
    const found = find('de', 'Am 17. Januar und am 17. Dezember 2021 wurde verhandelt.');
    expect(found.map(brief)).toEqual([
      ['Am 17. Januar', '2022-01-17', '2022-01-17', 'DAY', null],
      ['am 17. Dezember 2021', '2021-12-17', '2021-12-17', 'DAY', null],
    ]);
    expect(found.map((d) => d.kind)).toEqual(['DAY_MONTH', 'FULL']);
  });

  it('reads Ende / Anfang / Mitte with a month', () => {
    expect(
      find('de', 'Ende Januar, Anfang Februar und Mitte Januar 2021 gab es Antworten.').map(brief),
    ).toEqual([
      ['Ende Januar', '2022-01-21', '2022-01-31', 'MONTH', 'LATE'],
      ['Anfang Februar', '2022-02-01', '2022-02-10', 'MONTH', 'EARLY'],
      ['Mitte Januar 2021', '2021-01-11', '2021-01-20', 'MONTH', 'MID'],
    ]);
  });

  it('reads "im Januar" as the month and "im Jahr 2021" as the year', () => {
    expect(find('de', 'Im Januar war es wie im Jahr 2021.').map(brief)).toEqual([
      ['Im Januar', '2022-01-01', '2022-01-31', 'MONTH', null],
      ['im Jahr 2021', '2021-01-01', '2021-12-31', 'YEAR', null],
    ]);
  });

  it('reads heute and gestern, and "heute Morgen" as today only', () => {
    expect(find('de', 'Heute Morgen sagte er, gestern sei alles ruhig gewesen.').map(brief)).toEqual([
      ['Heute', SEED_DAY, SEED_DAY, 'DAY', null],
      ['gestern', '2022-02-08', '2022-02-08', 'DAY', null],
    ]);
  });

  it('reads "morgen" in a future sentence as tomorrow', () => {
    expect(find('de', 'Er wird morgen nach Minsk reisen.', 'FUTURE').map(brief)).toEqual([
      ['morgen', '2022-02-10', '2022-02-10', 'DAY', null],
    ]);
  });

  it('reads "am Dienstag" in a past sentence and "am vergangenen Freitag"', () => {
    expect(find('de', 'Am Dienstag und am vergangenen Freitag sprach er.').map(brief)).toEqual([
      ['Am Dienstag', '2022-02-08', '2022-02-08', 'DAY', null],
      ['am vergangenen Freitag', '2022-02-04', '2022-02-04', 'DAY', null],
    ]);
  });
});

describe('findDates in Polish (our own parser)', () => {
  it('reads "17 grudnia 2021 r." as that day, with "r."', () => {
    const [d] = find('pl', 'MSZ Rosji 17 grudnia 2021 r. opublikowało projekty umów.');
    expect(brief(d!)).toEqual(['17 grudnia 2021 r.', '2021-12-17', '2021-12-17', 'DAY', null]);
    expect(d!.kind).toBe('FULL');
    expect(d!.evidence[0]!.rule).toBe('date.polish');
  });

  it('reads "28 stycznia" in a past sentence as 28 January 2022, and a range', () => {
    expect(find('pl', 'Dokument wysłano 28 stycznia, a rozmowy trwały od 5 do 7 lutego.').map(brief)).toEqual(
      [
        ['28 stycznia', '2022-01-28', '2022-01-28', 'DAY', null],
        ['od 5 do 7 lutego', '2022-02-05', '2022-02-07', 'DAY', null],
      ],
    );
  });

  it('reads "w styczniu" and "w grudniu 2021 r." as months', () => {
    expect(find('pl', 'W styczniu, jak w grudniu 2021 r., nic się nie stało.').map(brief)).toEqual([
      ['W styczniu', '2022-01-01', '2022-01-31', 'MONTH', null],
      ['w grudniu 2021 r.', '2021-12-01', '2021-12-31', 'MONTH', null],
    ]);
  });

  it('reads dzisiaj, dziś, wczoraj and jutro', () => {
    const found = find('pl', 'Dzisiaj, czyli dziś, powiedział, że wczoraj padało, a jutro przyjedzie.', null);
    expect(found.map((d) => [d.quote, d.earliest])).toEqual([
      ['Dzisiaj', SEED_DAY],
      ['dziś', SEED_DAY],
      ['wczoraj', '2022-02-08'],
      ['jutro', '2022-02-10'],
    ]);
  });

  it('reads "we wtorek" and "w poniedziałek" in a past sentence', () => {
    expect(find('pl', 'We wtorek i w poniedziałek minister rozmawiał z ambasadorem.').map(brief)).toEqual([
      ['We wtorek', '2022-02-08', '2022-02-08', 'DAY', null],
      ['w poniedziałek', '2022-02-07', '2022-02-07', 'DAY', null],
    ]);
  });

  it('reads pod koniec / na początku / w połowie and "w 2021 roku"', () => {
    const text = 'Pod koniec stycznia, na początku lutego i w połowie stycznia, jak w 2021 roku, rozmawiano.';
    expect(find('pl', text).map(brief)).toEqual([
      ['Pod koniec stycznia', '2022-01-21', '2022-01-31', 'MONTH', 'LATE'],
      ['na początku lutego', '2022-02-01', '2022-02-10', 'MONTH', 'EARLY'],
      ['w połowie stycznia', '2022-01-11', '2022-01-20', 'MONTH', 'MID'],
      ['w 2021 roku', '2021-01-01', '2021-12-31', 'YEAR', null],
    ]);
  });
});

describe('findDates across sentences', () => {
  it('keeps offsets exact into the whole text and asks the tense of each sentence', () => {
    const first = 'Il a parlé hier. ';
    const second = 'Il reviendra le 3 mars.';
    const text = first + second;
    const sentences: Sentence[] = [
      { index: 0, start: 0, end: first.length - 1, quote: first.slice(0, -1) },
      { index: 1, start: first.length, end: text.length, quote: second },
    ];
    const asked: number[] = [];
    const found = findDates(
      {
        text,
        sentences,
        language: 'fr',
        publishedAt: SEED_DAY,
        tenseOf: (i) => {
          asked.push(i);
          return i === 1 ? 'FUTURE' : 'PAST';
        },
      },
      lexicons,
    );
    expect(found.map((d) => [d.sentence, d.start, d.end, d.quote, d.earliest])).toEqual([
      [0, 11, 15, 'hier', '2022-02-08'],
      [1, 30, 39, 'le 3 mars', '2022-03-03'],
    ]);
    expect(asked.sort()).toEqual([0, 1]);
  });

  it('reads 50 articles of 3 000 characters, a third of their sentences dated, in half a second', () => {
    const dated = 'Le 17 décembre 2021, à la fin de janvier, le ministre a reçu mardi une réponse de Moscou.';
    const plain = 'Les deux délégations ont discuté de 2 000 soldats et de la sécurité régionale en Europe.';
    const parts = [dated, plain, plain];
    let text = '';
    const sentences: Sentence[] = [];
    while (text.length < 3000) {
      const quote = parts[sentences.length % 3]!;
      sentences.push({ index: sentences.length, start: text.length, end: text.length + quote.length, quote });
      text += `${quote} `;
    }
    const args = {
      text,
      sentences,
      language: 'fr' as const,
      publishedAt: SEED_DAY,
      tenseOf: () => 'PAST' as const,
    };
    // Warm the JIT first: the budget is for a running server, not for the first article.
    for (let i = 0; i < 50; i++) findDates(args, lexicons);
    // CPU time, not wall time: other processes on a shared machine must not fail this test.
    const started = process.cpuUsage();
    let count = 0;
    for (let i = 0; i < 50; i++) count += findDates(args, lexicons).length;
    const used = process.cpuUsage(started);
    expect(count).toBe(50 * Math.ceil(sentences.length / 3) * 3);
    expect((used.user + used.system) / 1000).toBeLessThan(500);
  });
});

describe('the dates lexicon', () => {
  it('rejects a dates.json that does not name twelve months, with the file in the message', () => {
    const file = structuredClone(lexicons.byLanguage.fr.dates) as { months: unknown[] };
    file.months = file.months.slice(0, 11);
    const broken: LexiconSet = {
      shared: {},
      byLanguage: { ...lexicons.byLanguage, fr: { ...lexicons.byLanguage.fr, dates: file } },
    };
    expect(() => find('fr', 'le 28 janvier', 'PAST', SEED_DAY, broken)).toThrow(LexiconError);
    expect(() => find('fr', 'le 28 janvier', 'PAST', SEED_DAY, broken)).toThrow(/fr\/dates\.json: months/);
  });
});
