import { describe, expect, it } from 'vitest';
import type { Draft, DraftEvent } from '../../src/modules/extraction/types.ts';
import { extractWithSeed } from '../support/extract.ts';

const extract = extractWithSeed;

/** The event whose trigger quote is `quote`. */
function eventOf(d: Draft, quote: string): DraftEvent {
  const e = d.events.find((x) => x.trigger.quote === quote);
  expect(e, `an event «${quote}» in ${d.events.map((x) => x.trigger.quote).join(' | ')}`).toBeDefined();
  return e!;
}
const span = (e: DraftEvent) => [e.date.earliest, e.date.latest];
const rules = (e: DraftEvent) => e.date.evidence.map((x) => x.rule);
const WEEK_BEFORE = ['2024-03-07', '2024-03-14'];
const PLAN_WINDOW = ['2024-03-07', '2024-04-13'];

describe('a trigger inside a relative clause opened after the date', () => {
  it('is not dated by the main clause: en, fr, de', () => {
    const en = extract(
      'en',
      "Poland's president met the Lithuanian prime minister on Monday, a visit that was condemned by Belarus.",
    );
    expect(span(eventOf(en, 'met'))).toEqual(['2024-03-11', '2024-03-11']);
    expect(span(eventOf(en, 'condemned'))).toEqual(WEEK_BEFORE);
    const fr = extract(
      'fr',
      "Le ministre polonais a reçu mardi l'ambassadeur russe, une démarche qui a été vivement critiquée par Moscou.",
    );
    expect(span(eventOf(fr, 'critiquée'))).toEqual(WEEK_BEFORE);
    const de = extract(
      'de',
      'Die Außenministerin traf am Montag in Riga ihren lettischen Amtskollegen, eine Reise, die von Moskau scharf kritisiert wurde.',
    );
    expect(span(eventOf(de, 'von Moskau scharf kritisiert'))).toEqual(WEEK_BEFORE);
  });

  it('near miss: a relative clause closed by a comma before the trigger keeps the date', () => {
    const d = extract(
      'en',
      'On Monday, the Polish minister, who arrived in Kyiv, condemned the Russian strikes.',
    );
    expect(span(eventOf(d, 'condemned'))).toEqual(['2024-03-11', '2024-03-11']);
  });
});

describe('date.plan-relative: a future relative clause after a plan', () => {
  it('dates the plan: en, pl, ru', () => {
    const en = extract(
      'en',
      'The Italian prime minister will visit Warsaw for talks with Donald Tusk, which are expected to take place in late April.',
    );
    expect(span(eventOf(en, 'visit'))).toEqual(['2024-04-21', '2024-04-30']);
    expect(rules(eventOf(en, 'visit'))).toContain('date.plan-relative');
    const pl = extract('pl', 'Premier Włoch złoży wizytę w Warszawie, która odbędzie się na początku maja.');
    expect(span(eventOf(pl, 'złoży wizytę'))).toEqual(['2024-05-01', '2024-05-10']);
    const ru = extract(
      'ru',
      'Стороны продолжат подготовку визита министра иностранных дел Индии в Москву, который состоится в середине мая.',
    );
    expect(span(eventOf(ru, 'продолжат подготовку визита'))).toEqual(['2024-05-11', '2024-05-20']);
  });

  it('near miss: a past relative clause does not date the plan', () => {
    const d = extract(
      'en',
      'Poland will send more troops to the border crossing, which Belarus closed in February.',
    );
    expect(span(eventOf(d, 'send more troops'))).toEqual(PLAN_WINDOW);
  });
});

describe('date.inherited is not carried to a past act the speaker only reports', () => {
  it('"according to X, Y did Z" keeps Z undated: en, fr, pl', () => {
    const en = extract(
      'en',
      'Russian Foreign Ministry spokeswoman Maria Zakharova said on Tuesday that the Estonian envoy had been summoned.\n\nAccording to Zakharova, the envoy rejected the protest note.',
    );
    expect(span(eventOf(en, 'rejected'))).toEqual(WEEK_BEFORE);
    const fr = extract(
      'fr',
      "Le porte-parole Dmitri Peskov a déclaré lundi que l'ambassadeur avait été convoqué.\n\nSelon Peskov, le diplomate a refusé tout commentaire à sa sortie du ministère.",
    );
    expect(span(eventOf(fr, 'refusé tout commentaire'))).toEqual(WEEK_BEFORE);
    const pl = extract(
      'pl',
      'Rzeczniczka Maria Zacharowa oświadczyła w środę, że ambasador został wezwany.\n\nWedług Zacharowej dyplomata odrzucił notę protestacyjną.',
    );
    expect(span(eventOf(pl, 'odrzucił'))).toEqual(WEEK_BEFORE);
  });

  it('near miss: what the speaker says in the present still takes the day of the saying', () => {
    const d = extract(
      'en',
      'Russian Foreign Ministry spokeswoman Maria Zakharova spoke to reporters on Tuesday.\n\nAccording to Zakharova, the new sanctions are an unacceptable provocation.',
    );
    expect(span(eventOf(d, 'are an unacceptable provocation'))).toEqual(['2024-03-12', '2024-03-12']);
    expect(rules(eventOf(d, 'are an unacceptable provocation'))[0]).toBe('date.inherited');
  });
});

describe('a hypothesis voiced for a state or a body is not dated by what it did before', () => {
  it('keeps the plan window: fr, pl', () => {
    const fr = extract(
      'fr',
      'Paris a protesté mardi auprès de Moscou, a indiqué le ministère français des Affaires étrangères.\n\nUn diplomate français a ajouté que la France pourrait expulser des diplomates si Moscou ne répondait pas.',
    );
    expect(span(eventOf(fr, 'expulser des diplomates'))).toEqual(PLAN_WINDOW);
    const pl = extract(
      'pl',
      'Warszawa zaprotestowała we wtorek w Moskwie, poinformowało polskie MSZ.\n\nWysoki rangą polski dyplomata dodał, że Polska może wydalić kolejnych dyplomatów, jeśli Moskwa nie odpowie.',
    );
    expect(span(eventOf(pl, 'wydalić'))).toEqual(PLAN_WINDOW);
  });

  it('near miss: a named person who spoke on a day dates what they add', () => {
    const d = extract(
      'en',
      'Maria Zakharova said on Tuesday that the envoy had been summoned.\n\nZakharova added that Russia could expel more diplomats if Tallinn continued.',
    );
    expect(span(eventOf(d, 'expel more diplomats'))).toEqual(['2024-03-12', '2024-03-12']);
  });
});

describe('date.then for a hypothesis whose saying the pointer dates', () => {
  it('"warnte damals, Russland könnte …" takes the date given just before', () => {
    const de = extract(
      'de',
      'Moskau kritisierte Mitte März die Pläne scharf. Vizeaußenminister Sergej Rjabkow warnte damals, Russland könnte weitere Truppen an die Grenze verlegen, falls die Allianz daran festhalte.',
      '2024-03-25',
    );
    const e = eventOf(de, 'Truppen an die Grenze verlegen');
    expect(span(e)).toEqual(['2024-03-11', '2024-03-20']);
    expect(rules(e)[0]).toBe('date.then');
  });
});

describe('date.coordinated: a verb joined by "and" to a dated verb of its sentence', () => {
  it('shares its date across a quotation: en, pl, fr', () => {
    const en = extract(
      'en',
      'Maria Zakharova condemned on Wednesday the «hostile» decision of Warsaw and accused Poland of provocation.',
    );
    const accused = eventOf(en, 'accused Poland of provocation');
    expect(span(accused)).toEqual(['2024-03-13', '2024-03-13']);
    expect(rules(accused)[0]).toBe('date.coordinated');
    const pl = extract(
      'pl',
      'Rzeczniczka Maria Zacharowa potępiła w środę „wrogą” decyzję Warszawy i oskarżyła Polskę o prowokację.',
    );
    expect(span(eventOf(pl, 'oskarżyła'))).toEqual(['2024-03-13', '2024-03-13']);
    const fr = extract(
      'fr',
      'Le ministre a salué lundi « une étape décisive » et appelé Moscou à retirer ses troupes.',
    );
    expect(span(eventOf(fr, 'appelé'))).toEqual(['2024-03-11', '2024-03-11']);
  });

  it('near miss: another subject after "and" is another clause', () => {
    const d = extract(
      'en',
      'Maria Zakharova condemned on Wednesday the «hostile» decision of Warsaw, and Poland accused Russia of provocation.',
    );
    expect(span(eventOf(d, 'accused Russia of provocation'))).toEqual(WEEK_BEFORE);
  });
});

describe('date.news-day: the only day the text states for what happened', () => {
  it('dates a later act of the same actor in another paragraph: en, pl', () => {
    const en = extract(
      'en',
      'Hungary and Slovakia signed a gas transit agreement in Budapest on Tuesday.\n\nThe pipeline has been idle for months. Slovakia also signed a separate deal with Austria on power lines. Russia criticised the agreement, a Kremlin spokesman said.',
    );
    const signed = en.events.filter((e) => e.trigger.quote === 'signed');
    expect(signed.map(span)).toEqual([
      ['2024-03-12', '2024-03-12'],
      ['2024-03-12', '2024-03-12'],
    ]);
    expect(rules(signed[1]!)[0]).toBe('date.news-day');
    // A reaction in a saying of a new voice keeps its own, honest interval.
    expect(span(eventOf(en, 'criticised'))).toEqual(WEEK_BEFORE);
    const pl = extract(
      'pl',
      'Polska i Litwa podpisały we wtorek w Wilnie umowę o ochronie granicy.\n\nPrzejścia są od dawna zamknięte. Litwa przekazała także Polsce dwa śmigłowce.',
    );
    expect(span(eventOf(pl, 'przekazała także Polsce dwa śmigłowce'))).toEqual(['2024-03-12', '2024-03-12']);
  });

  it('near miss: a text that states two days dates neither', () => {
    const d = extract(
      'en',
      'Hungary and Slovakia signed a gas transit agreement in Budapest on Tuesday.\n\nSlovakia had met Austrian officials in Vienna on Monday.\n\nThe pipeline has been idle for months. Slovakia also signed a separate deal with Austria on power lines.',
    );
    const signed = d.events.filter((e) => e.trigger.quote === 'signed');
    expect(span(signed[1]!)).toEqual(WEEK_BEFORE);
  });
});
