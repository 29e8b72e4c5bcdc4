import { describe, expect, it } from 'vitest';
import { isHeadline } from '../../src/modules/extraction/rules/engine.ts';
import type { Draft } from '../../src/modules/extraction/types.ts';
import { extractWithSeed } from '../support/extract.ts';

const extract = extractWithSeed;
const codes = (d: Draft) => d.events.map((e) => e.cameoCode.slice(0, 2));
const actorIds = (d: Draft) => d.actors.map((a) => a.id);

describe('a title that holds a full stop', () => {
  const text =
    'Polska wydala dwóch rosyjskich dyplomatów. Kreml zapowiada odwet\n\nWARSZAWA (PAP) – Polska uznała we wtorek dwóch dyplomatów za persona non grata.';

  it('is a headline in both of its sentences', () => {
    const first = { start: 0, end: 42, quote: text.slice(0, 42), index: 0 };
    expect(first.quote).toBe('Polska wydala dwóch rosyjskich dyplomatów.');
    expect(isHeadline(text, first)).toBe(true);
  });

  it('gives no event of its own: the body reports the expulsion once', () => {
    const d = extract('pl', text);
    expect(d.events.map((e) => e.trigger.quote)).toEqual(['persona non grata']);
  });

  it('is not the first line of a text whose first line ends with a full stop', () => {
    const body = 'Polska wydala dwóch rosyjskich dyplomatów. Kreml zapowiada odwet.\n\nDalszy tekst.';
    expect(isHeadline(body, { start: 0, end: 42, quote: body.slice(0, 42), index: 0 })).toBe(false);
  });
});

describe('the status of promises and threats', () => {
  it('reads a promise in the future tense as made', () => {
    const d = extract(
      'pl',
      'Minister Sikorski powiedział dziennikarzom, że Polska przekaże Ukrainie kolejne zestawy przeciwlotnicze.',
    );
    const promise = d.events.find((e) => e.cameoCode.startsWith('03'));
    expect(promise?.status).toBe('ASSERTED');
  });

  it('keeps a threat with its condition asserted', () => {
    const d = extract('pl', 'Rosja zagroziła odwetem, gdyby Polska wydaliła jej dyplomatów.');
    const threat = d.events.find((e) => e.cameoCode.startsWith('13'));
    expect(threat?.status).toBe('ASSERTED');
  });
});

describe('a relative clause between an actor and its verb', () => {
  it('is background: "which opposes the deal" is no event', () => {
    const d = extract('en', 'Israel, which opposes the deal, urged Washington to reject the text.');
    expect(codes(d)).toEqual(['02']);
  });

  it('keeps an act it dates ("which rejected the package in June")', () => {
    const d = extract('en', 'Hungary, which rejected the package in June, did not object this time.');
    expect(codes(d)).toContain('12');
  });
});

describe('one act told twice', () => {
  it('counts a criticism and the relative clause that words it once', () => {
    const d = extract(
      'pl',
      'Porozumienie zostało skrytykowane w poniedziałek przez rzeczniczkę rosyjskiego MSZ Marię Zacharową, która nazwała je „kolejną prowokacją”.',
    );
    expect(codes(d).filter((c) => c === '11')).toHaveLength(1);
  });

  it('reads "after the meeting" as the meeting told before', () => {
    const d = extract(
      'pl',
      'Rau spotkał się we wtorek w Wilnie z Landsbergisem. „Nie będzie porozumienia bez Ukrainy” – mówił Rau dziennikarzom po spotkaniu.',
    );
    expect(d.events.filter((e) => e.cameoCode.startsWith('04')).map((e) => e.trigger.quote)).toEqual([
      'spotkał',
    ]);
  });
});

describe('countries and seats named as places', () => {
  it('drops the country of "in Toledo, Spain"', () => {
    expect(
      actorIds(extract('en', 'Poland rejected the plan at a meeting in Toledo, Spain, on Friday.')),
    ).not.toContain('spain');
  });

  it('drops a demonym beside a place noun ("la capitale autrichienne")', () => {
    const d = extract('fr', 'Les diplomates réunis dans la capitale autrichienne ont rejeté le texte russe.');
    expect(actorIds(d)).not.toContain('austria');
  });

  it('drops a seat behind a preposition and an article ("à l\'Élysée")', () => {
    const d = extract(
      'fr',
      "Emmanuel Macron doit recevoir le 3 mars à l'Élysée le président finlandais Alexander Stubb.",
    );
    expect(actorIds(d)).not.toContain('france-presidential-administration');
  });

  it("drops a country as the first part of a compound, not one that names a person's country", () => {
    expect(actorIds(extract('de', 'Lawrow lobte die Haltung Pekings im Ukraine-Konflikt.'))).not.toContain(
      'ukraine',
    );
    const d = extract('de', 'Russland hat den US-Lehrer Daniel Harlan freigelassen.');
    expect(actorIds(d)).toContain('united-states');
  });
});
