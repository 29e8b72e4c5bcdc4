import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type DateExpression,
  findDates,
  resolveForStatus,
  type Tense,
} from '../../src/modules/extraction/dates/index.ts';
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
      // Past tense, no year: early March 2021 is almost a year back and early March 2022 weeks
      // ahead, so both are kept (YEAR_UNSURE).
      ['au début du mois de mars', '2021-03-01', '2022-03-10', 'YEAR', 'APPROX'],
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
      ['в начале марта', '2021-03-01', '2022-03-10', 'YEAR', 'APPROX'],
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

  it('finds the same dates in each of 50 runs over an article of 3 000 characters, a third of its sentences dated', () => {
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
    // Speed is measured by `npm run bench:extract`, not asserted here.
    let count = 0;
    for (let i = 0; i < 50; i++) count += findDates(args, lexicons).length;
    expect(count).toBe(50 * Math.ceil(sentences.length / 3) * 3);
  });

  it('reads every date of a 200 000-character article, every sentence dated', () => {
    const parts = [
      'La semaine dernière, le ministre a reçu mardi une réponse de Moscou, datée du 17 décembre 2021.',
      'Il y a trois jours, les délégations ont parlé de la fin de l’année dernière et de 2 000 soldats.',
      'Début 2022, en mai dernier et le mois prochain, la Pologne a dit que tout reprendrait.',
    ];
    let text = '';
    const sentences: Sentence[] = [];
    while (text.length < 200_000) {
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
    const found = findDates(args, lexicons);
    // Three dates in the first and third sentences, two in the second.
    const perSentence = [3, 2, 3];
    expect(found).toHaveLength(sentences.reduce((n, s) => n + perSentence[s.index % 3]!, 0));
  });
});

describe('relative weeks, Monday to Sunday, MONTH APPROX', () => {
  const LAST = ['2022-01-31', '2022-02-06'];
  const THIS = ['2022-02-07', '2022-02-13'];
  const NEXT = ['2022-02-14', '2022-02-20'];
  const cases: [Language, string, string[][]][] = [
    ['fr', 'La semaine dernière, cette semaine et la semaine prochaine.', [LAST, THIS, NEXT]],
    ['en', 'Last week, this week and next week.', [LAST, THIS, NEXT]],
    ['ru', 'На прошлой неделе, на этой неделе и на следующей неделе.', [LAST, THIS, NEXT]],
    [
      'de',
      'Letzte Woche, vergangene Woche, diese Woche, nächste Woche, kommende Woche.',
      [LAST, LAST, THIS, NEXT, NEXT],
    ],
    [
      'pl',
      'W zeszłym tygodniu, w ubiegłym tygodniu, w tym tygodniu i w przyszłym tygodniu.',
      [LAST, LAST, THIS, NEXT],
    ],
  ];
  it.each(cases)('reads the weeks of %s', (language, text, weeks) => {
    const found = find(language, text, null);
    expect(found.map((d) => [d.earliest, d.latest])).toEqual(weeks);
    for (const d of found) {
      expect([d.precision, d.qualifier, d.kind]).toEqual(['MONTH', 'APPROX', 'WEEK']);
      expect(d.evidence[0]!.rule).toBe('date.relative-period');
    }
  });

  it('counts a Sunday publication in the week that began the Monday before', () => {
    const [d] = find('en', 'The ministers met this week.', 'PAST', '2022-02-13');
    expect([d!.earliest, d!.latest]).toEqual(['2022-02-07', '2022-02-13']);
  });

  it('does not read "the last week of" as last week', () => {
    expect(find('en', 'Over the last week of talks nothing moved.')).toEqual([]);
  });
});

describe('relative months and years', () => {
  it.each([
    ['fr', 'Le mois dernier, il a parlé ; et l’an dernier, et l’année dernière aussi.'],
    ['en', 'Last month he spoke, as he did last year and last year again.'],
    ['ru', 'В прошлом месяце он говорил, как в прошлом году и в минувшем году.'],
    ['de', 'Letzten Monat sprach er, wie letztes Jahr und im vergangenen Jahr.'],
    ['pl', 'W zeszłym miesiącu mówił, jak w zeszłym roku i w ubiegłym roku.'],
  ] as [Language, string][])('reads last month and last year in %s', (language, text) => {
    expect(find(language, text).map((d) => [d.earliest, d.latest, d.precision, d.kind])).toEqual([
      ['2022-01-01', '2022-01-31', 'MONTH', 'RELATIVE_MONTH'],
      ['2021-01-01', '2021-12-31', 'YEAR', 'RELATIVE_YEAR'],
      ['2021-01-01', '2021-12-31', 'YEAR', 'RELATIVE_YEAR'],
    ]);
  });

  it('crosses the new year: "le mois dernier" in January is December', () => {
    const [d] = find('fr', 'Le mois dernier, rien.', 'PAST', '2022-01-15');
    expect([d!.earliest, d!.latest]).toEqual(['2021-12-01', '2021-12-31']);
  });

  it.each([
    ['fr', 'Il est venu en mai dernier.', 'en mai dernier'],
    ['en', 'He came last May.', 'last May'],
    ['ru', 'Он приезжал в мае прошлого года.', 'в мае прошлого года'],
    ['de', 'Er kam im vergangenen Mai.', 'im vergangenen Mai'],
    ['pl', 'Przyjechał w maju ubiegłego roku.', 'w maju ubiegłego roku'],
  ] as [Language, string, string][])(
    'reads the May before publication in %s, whatever the tense',
    (language, text, quote) => {
      expect(find(language, text, 'FUTURE').map(brief)).toEqual([
        [quote, '2021-05-01', '2021-05-31', 'MONTH', null],
      ]);
    },
  );

  it('reads "last May" as this year\'s May once May is over, and "mai prochain" as the next', () => {
    expect(find('en', 'He came last May.', 'PAST', '2022-06-01')[0]!.earliest).toBe('2022-05-01');
    expect(find('en', 'He came last May.', 'PAST', '2022-05-20')[0]!.earliest).toBe('2021-05-01');
    expect(find('fr', 'Il viendra en mai prochain.', 'PAST', '2022-05-20')[0]!.earliest).toBe('2023-05-01');
  });

  it('carries a relative year or "dernier" onto a day and month', () => {
    expect(find('ru', 'Это случилось 5 мая прошлого года.').map(brief)).toEqual([
      ['5 мая прошлого года', '2021-05-05', '2021-05-05', 'DAY', null],
    ]);
    expect(find('pl', 'Stało się to 5 maja ubiegłego roku.').map(brief)).toEqual([
      ['5 maja ubiegłego roku', '2021-05-05', '2021-05-05', 'DAY', null],
    ]);
    const [d] = find('fr', 'Il a signé le 5 février dernier.', 'FUTURE');
    expect(brief(d!)).toEqual(['le 5 février dernier', '2022-02-05', '2022-02-05', 'DAY', null]);
    expect(codes(d!)).not.toContain('YEAR_INFERRED');
  });
});

describe('parts of years', () => {
  it.each([
    ['fr', 'Début 2022, il a parlé.', 'Début 2022'],
    ['en', 'In early 2022 he spoke.', 'In early 2022'],
    ['ru', 'В начале 2022 года он говорил.', 'В начале 2022 года'],
    ['de', 'Anfang 2022 sprach er.', 'Anfang 2022'],
    ['pl', 'Na początku 2022 roku mówił.', 'Na początku 2022 roku'],
  ] as [Language, string, string][])(
    'reads early 2022 in %s as January to April',
    (language, text, quote) => {
      const found = find(language, text);
      expect(found.map(brief)).toEqual([[quote, '2022-01-01', '2022-04-30', 'YEAR', 'EARLY']]);
      expect(found[0]!.kind).toBe('YEAR_PART');
    },
  );

  it('reads mid and late years, and parts of relative years and months', () => {
    const text = 'Fin 2021, mi-2020, à la fin de l’année dernière et au début du mois prochain.';
    expect(find('fr', text, null).map(brief)).toEqual([
      ['Fin 2021', '2021-09-01', '2021-12-31', 'YEAR', 'LATE'],
      ['mi-2020', '2020-05-01', '2020-08-31', 'YEAR', 'MID'],
      ['à la fin de l’année dernière', '2021-09-01', '2021-12-31', 'YEAR', 'LATE'],
      ['au début du mois prochain', '2022-03-01', '2022-03-10', 'MONTH', 'EARLY'],
    ]);
    expect(find('ru', 'В конце прошлого года и в конце прошлого месяца.').map(brief)).toEqual([
      ['В конце прошлого года', '2021-09-01', '2021-12-31', 'YEAR', 'LATE'],
      ['в конце прошлого месяца', '2022-01-21', '2022-01-31', 'MONTH', 'LATE'],
    ]);
  });

  it('does not read a decade ("в начале 2000-х") as a year', () => {
    expect(find('ru', 'В начале 2000-х годов отношения были лучше.')).toEqual([]);
  });
});

describe('days ago', () => {
  it.each([
    ['fr', 'Il y a trois jours, il a parlé.', 'Il y a trois jours'],
    ['en', 'He spoke three days ago.', 'three days ago'],
    ['ru', 'Три дня назад он говорил.', 'Три дня назад'],
    ['de', 'Vor drei Tagen sprach er.', 'Vor drei Tagen'],
    ['pl', 'Trzy dni temu mówił.', 'Trzy dni temu'],
  ] as [Language, string, string][])('reads three days ago in %s as that day', (language, text, quote) => {
    const found = find(language, text);
    expect(found.map(brief)).toEqual([[quote, '2022-02-06', '2022-02-06', 'DAY', null]]);
    expect(found[0]!.evidence[0]!.rule).toBe('date.days-ago');
  });

  it('reads the number as digits and as words up to ten', () => {
    expect(find('fr', 'Il y a 10 jours, et il y a dix jours.').map((d) => d.earliest)).toEqual([
      '2022-01-30',
      '2022-01-30',
    ]);
    expect(find('pl', 'Dziesięć dni temu i 2 dni temu.').map((d) => d.earliest)).toEqual([
      '2022-01-30',
      '2022-02-07',
    ]);
    expect(find('de', 'Vor zehn Tagen und vor einem Tag.').map((d) => d.earliest)).toEqual([
      '2022-01-30',
      '2022-02-08',
    ]);
  });

  it('needs the words after the number: "three days of talks" is no date', () => {
    expect(find('en', 'After three days of talks they signed.')).toEqual([]);
  });
});

describe('resolveForStatus', () => {
  const jan5 = '2022-01-05';
  const one = (language: Language, text: string, tense: Tense | null, publishedAt = SEED_DAY) => {
    const found = find(language, text, tense, publishedAt);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('moves a day and month of unknown tense to the next one for a PLANNED event', () => {
    const d = one('fr', 'La réunion du 28 décembre.', null, jan5);
    expect(d.earliest).toBe('2021-12-28');
    const planned = resolveForStatus(d, 'PLANNED', jan5);
    expect([planned.earliest, planned.latest]).toEqual(['2022-12-28', '2022-12-28']);
    expect(planned.evidence.at(-1)).toEqual({ rule: 'date.year-by-status', detail: 'PLANNED' });
    expect(planned.warnings.map((w) => w.code)).toEqual(['YEAR_INFERRED']);
    expect(planned.warnings[0]!.message).toContain('future');
    expect(d.earliest).toBe('2021-12-28');
  });

  it('moves a future-tense day back to the most recent one for ASSERTED and NEGATED', () => {
    const d = one('fr', 'Il viendra le 3 janvier.', 'FUTURE', jan5);
    expect(d.earliest).toBe('2023-01-03');
    expect(resolveForStatus(d, 'ASSERTED', jan5).earliest).toBe('2022-01-03');
    expect(resolveForStatus(d, 'NEGATED', jan5).earliest).toBe('2022-01-03');
  });

  it('re-applies the rule to a month and to a part of a month', () => {
    const may = one('fr', 'Les pourparlers en mai.', null);
    expect(may.earliest).toBe('2022-05-01');
    expect(brief(resolveForStatus(may, 'ASSERTED', SEED_DAY))).toEqual([
      'en mai',
      '2021-05-01',
      '2021-05-31',
      'MONTH',
      null,
    ]);
    const late = one('fr', 'Fin février, il a signé.', 'PAST');
    expect(late.earliest).toBe('2021-02-21');
    expect(brief(resolveForStatus(late, 'PLANNED', SEED_DAY))).toEqual([
      'Fin février',
      '2022-02-21',
      '2022-02-28',
      'MONTH',
      'LATE',
    ]);
  });

  it('moves a bare weekday of unknown tense to the next one and drops the tense warning', () => {
    const d = one('fr', 'Mardi, le ministre parle à Minsk.', null);
    expect(codes(d)).toEqual(['WEEKDAY_TENSE_UNKNOWN']);
    const planned = resolveForStatus(d, 'PLANNED', SEED_DAY);
    expect(planned.earliest).toBe('2022-02-15');
    expect(codes(planned)).toEqual([]);
    expect(planned.confidence).toBeGreaterThan(d.confidence);
  });

  it("leaves a HYPOTHETICAL event's date as read", () => {
    const d = one('fr', 'La réunion du 28 décembre.', null, jan5);
    expect(resolveForStatus(d, 'HYPOTHETICAL', jan5)).toBe(d);
  });

  it.each([
    ['fr', 'Il viendra le 17 décembre 2021.'],
    ['fr', 'Il viendra la semaine prochaine.'],
    ['fr', 'Il viendra demain.'],
    ['fr', 'Il est venu en mai dernier.'],
    ['ru', 'Он приедет в мае прошлого года.'],
    ['en', 'He arrives next Friday.'],
    ['en', 'He came in early 2022.'],
    ['fr', 'Il y a trois jours.'],
  ] as [Language, string][])('leaves an explicit or relative date unchanged: %s "%s"', (language, text) => {
    const d = one(language, text, null);
    expect(resolveForStatus(d, 'PLANNED', SEED_DAY)).toBe(d);
    expect(resolveForStatus(d, 'ASSERTED', SEED_DAY)).toBe(d);
  });

  it('returns the date itself, without new evidence, when the status agrees with the tense', () => {
    const d = one('fr', 'Ce document a été envoyé le 28 janvier.', 'PAST');
    expect(resolveForStatus(d, 'ASSERTED', SEED_DAY)).toBe(d);
  });
});

describe('the dates lexicon', () => {
  it('rejects a days-ago pattern without its "#"', () => {
    const file = structuredClone(lexicons.byLanguage.fr.dates) as {
      daysAgo: { id: string; pattern: string }[];
    };
    file.daysAgo = [{ id: 'broken', pattern: 'il y a jours' }];
    const broken: LexiconSet = {
      shared: {},
      byLanguage: { ...lexicons.byLanguage, fr: { ...lexicons.byLanguage.fr, dates: file } },
    };
    expect(() => find('fr', 'hier', 'PAST', SEED_DAY, broken)).toThrow(/fr\/dates\.json: daysAgo/);
  });

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

describe('"since" a day, and day-first ranges', () => {
  it('reads "depuis hier", "since yesterday", "seit gestern" and "od wczoraj" as yesterday to publication', () => {
    const cases: [Language, string, string][] = [
      ['fr', 'Les ministres sont réunis depuis hier à Vilnius.', 'depuis hier'],
      ['en', 'The ministers have been meeting since yesterday in Vilnius.', 'since yesterday'],
      ['de', 'Die Minister beraten seit gestern in Vilnius.', 'seit gestern'],
      ['pl', 'Ministrowie obradują od wczoraj w Wilnie.', 'od wczoraj'],
    ];
    for (const [language, text, quote] of cases) {
      const found = find(language, text, 'PRESENT');
      expect(found.map(brief), text).toEqual([[quote, '2022-02-08', SEED_DAY, 'DAY', null]]);
      expect(found[0]!.evidence.map((e) => e.rule)).toContain('date.since');
    }
  });

  it('reads "since Monday" as that Monday to publication, and leaves a range alone', () => {
    expect(find('en', 'Talks have continued since Monday.', 'PAST').map(brief)).toEqual([
      ['since Monday', '2022-02-07', SEED_DAY, 'DAY', null],
    ]);
    expect(find('pl', 'Rozmowy trwały od 5 do 7 lutego.', 'PAST').map(brief)).toEqual([
      ['od 5 do 7 lutego', '2022-02-05', '2022-02-07', 'DAY', null],
    ]);
  });

  it('keeps "yesterday" one day where no "since" stands before it', () => {
    expect(find('en', 'The ministers met yesterday in Vilnius.').map(brief)).toEqual([
      ['yesterday', '2022-02-08', '2022-02-08', 'DAY', null],
    ]);
  });

  it('reads the English day-first range "from 1 to 4 February" that chrono leaves out', () => {
    expect(find('en', 'The talks took place from 1 to 4 February in Geneva.').map(brief)).toEqual([
      ['from 1 to 4 February', '2022-02-01', '2022-02-04', 'DAY', null],
    ]);
  });
});
