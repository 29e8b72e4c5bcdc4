import { describe, expect, it } from 'vitest';
import type { Draft, Language } from '../../src/modules/extraction/types.ts';
import { extractWithSeed } from '../support/extract.ts';

// Round 9 of the modality and discourse markers (grammar.json, discourse.json): the French
// future in the past, "doit + infinitive" as a plan and not an obligation, the Russian future
// "пройдёт / пройдут", and English pluperfects with irregular participles as background.
// Every sentence is invented; the drafts are published on Thursday 14 March 2024.
const extract = extractWithSeed;
const byCode = (d: Draft, prefix: string) => d.events.find((e) => e.cameoCode.startsWith(prefix));

describe('fr: the conditional in a clause a verb of saying opens is a future in the past', () => {
  it('makes "a annoncé que Varsovie demanderait" a planned request (020)', () => {
    const e = byCode(
      extract('fr', 'Le ministre a annoncé que Varsovie demanderait à Berlin des réparations.'),
      '02',
    );
    expect(e?.status).toBe('PLANNED');
  });

  it('makes "a annoncé lundi que la Russie rappellerait son ambassadeur" a planned recall (161)', () => {
    const e = byCode(
      extract('fr', 'Le ministre a annoncé lundi que la Russie rappellerait son ambassadeur.'),
      '16',
    );
    expect(e?.status).toBe('PLANNED');
  });

  it('leaves the imperfect of "livrer" after "estimait que" a report (072 ASSERTED)', () => {
    const e = byCode(extract('fr', "Moscou estimait que la Pologne livrait des armes à l'Ukraine."), '07');
    expect(e?.status).toBe('ASSERTED');
  });
});

describe('fr: "doit + infinitive" is a plan only with a verb of schedules', () => {
  it('keeps "doit rencontrer … jeudi" planned, on the next Thursday', () => {
    const e = byCode(extract('fr', 'Emmanuel Macron doit rencontrer Olaf Scholz jeudi à Berlin.'), '04');
    expect(e?.status).toBe('PLANNED');
    expect(e?.date?.earliest).toBe('2024-03-21');
  });

  it('does not make the demand "doit retirer ses troupes" (087) planned', () => {
    const e = byCode(
      extract('fr', "La Russie doit retirer ses troupes de l'Ukraine, a déclaré le ministre."),
      '08',
    );
    expect(e?.status).toBe('ASSERTED');
  });
});

describe('ru: "пройдут" is the future of a meeting', () => {
  it('makes "переговоры … пройдут в пятницу" planned, on the next Friday', () => {
    const e = byCode(extract('ru', 'Переговоры России и Китая пройдут в Пекине в пятницу.'), '04');
    expect(e?.status).toBe('PLANNED');
    expect(e?.date?.earliest).toBe('2024-03-15');
    expect(e?.date?.latest).toBe('2024-03-15');
  });
});

describe('en: a pluperfect with an irregular participle is background', () => {
  it('does not give "had withdrawn its ambassador" the lead\'s Monday', () => {
    const d = extract(
      'en',
      'Russia expelled two Polish diplomats on Monday. Poland had withdrawn its ambassador from Moscow.',
    );
    expect(byCode(d, '17')?.date?.earliest).toBe('2024-03-11');
    const recall = byCode(d, '16');
    expect(recall?.date?.earliest).not.toBe('2024-03-11');
    expect(recall?.date?.latest).toBe('2024-03-14');
  });
});

// A past act told "repeatedly" or "for months" is background: it does not take the day the
// paragraph's lead states. Without the marker, the same act does (the near miss).
describe("markers of repeated or lasting acts keep a past act from the lead's day", () => {
  const cases: [Language, string, string, string][] = [
    [
      'en',
      'Poland expelled two Russian diplomats on Monday.',
      'Poland repeatedly summoned the Russian ambassador.',
      'Poland summoned the Russian ambassador.',
    ],
    [
      'pl',
      'Polska wydaliła w poniedziałek dwóch rosyjskich dyplomatów.',
      'Polska wielokrotnie wezwała rosyjskiego ambasadora.',
      'Polska wezwała rosyjskiego ambasadora.',
    ],
    [
      'ru',
      'Польша в понедельник выслала двух российских дипломатов.',
      'Польша неоднократно вызвала российского посла.',
      'Польша вызвала российского посла.',
    ],
    [
      'fr',
      'La Pologne a expulsé lundi deux diplomates russes.',
      "À plusieurs reprises, la Pologne a convoqué l'ambassadeur russe.",
      "La Pologne a convoqué l'ambassadeur russe.",
    ],
  ];
  for (const [lang, lead, background, plain] of cases) {
    it(`leaves the summons (114) undated after a repetition marker (${lang})`, () => {
      const e = byCode(extract(lang, `${lead} ${background}`), '114');
      expect(e?.date?.earliest).toBe('2024-03-07');
      expect(e?.date?.latest).toBe('2024-03-14');
    });
    it(`gives the summons (114) the lead's Monday without one (${lang})`, () => {
      const e = byCode(extract(lang, `${lead} ${plain}`), '114');
      expect(e?.date?.earliest).toBe('2024-03-11');
      expect(e?.date?.latest).toBe('2024-03-11');
    });
  }
});
