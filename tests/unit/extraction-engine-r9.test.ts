import { describe, expect, it } from 'vitest';
import type { Draft, DraftEvent } from '../../src/modules/extraction/types.ts';
import { extractWithSeed } from '../support/extract.ts';

// Sentences written for round 9: none of them is in a fixture. They stand for text nobody tuned on.
const extract = extractWithSeed;
const byCode = (d: Draft, prefix: string) => d.events.find((e) => e.cameoCode.startsWith(prefix));
const byTrigger = (d: Draft, word: string) => d.events.find((e) => e.trigger.quote.includes(word));
/** The roles the review accepts by default, as "actor:ROLE", sorted. */
const roles = (e: DraftEvent | undefined) =>
  (e?.roles ?? [])
    .filter((r) => r.confidence >= 0.5)
    .map((r) => `${r.actorId}:${r.role}`)
    .sort();

describe('a pronoun subject of a saying that is an act', () => {
  it('makes the last person named the speaker of "Он также предупредил, что …" (ru)', () => {
    const e = byCode(
      extract(
        'ru',
        'Сергей Лавров выступил в Москве. Он также предупредил, что Россия ответит.',
        '2024-03-14',
      ),
      '13',
    );
    expect(roles(e)).toContain('sergey-lavrov:SPEAKER');
  });

  it('makes the last person named the speaker of "He warned that …" (en)', () => {
    const e = byCode(
      extract('en', 'Antony Blinken spoke in Kyiv on Tuesday. He warned that Russia would pay a price.'),
      '13',
    );
    expect(roles(e)).toContain('antony-blinken:SPEAKER');
  });

  it('dates an undated warning about the future in the week before publication, not after it', () => {
    const e = byCode(
      extract('fr', 'Sergueï Lavrov a parlé à Moscou. Il a averti que Moscou prendrait des mesures.'),
      '13',
    );
    expect(e?.date.latest).toBe('2024-03-14');
  });

  it('does not take an object pronoun after the verb for its subject', () => {
    const d = extract(
      'ru',
      'Сергей Лавров выступил в Москве. Проект представили коллегам и призвали партнёров его поддержать.',
    );
    expect(d.events.flatMap((e) => roles(e))).not.toContain('sergey-lavrov:ACTOR');
  });
});

describe('the date of a trigger in a subordinate clause', () => {
  it('is not the date before "after", which dates the main clause (en)', () => {
    const d = extract(
      'en',
      'Irakli Kobakhidze lashed out at Washington on Friday after the United States announced visa restrictions.',
      '2024-05-25',
    );
    expect(byTrigger(d, 'lashed')?.date).toMatchObject({ earliest: '2024-05-24', latest: '2024-05-24' });
    expect(byTrigger(d, 'announced')?.date.text).toBeNull();
  });

  it('stays with the main clause once the subordinate clause is closed by a comma', () => {
    const d = extract(
      'en',
      'On Friday, after the United States announced visa restrictions, Irakli Kobakhidze lashed out at Washington.',
      '2024-05-25',
    );
    expect(byTrigger(d, 'lashed')?.date).toMatchObject({ earliest: '2024-05-24', latest: '2024-05-24' });
  });

  it('is kept for German "als" with no comma before it: "am Samstag als erstes Land" is no clause', () => {
    const e = byCode(
      extract(
        'de',
        'Polen hat am Samstag als erstes Land ein Einfuhrverbot gegen die Ukraine verhängt.',
        '2024-05-25',
      ),
      '16',
    );
    expect(e?.date).toMatchObject({ earliest: '2024-05-25', latest: '2024-05-25', precision: 'DAY' });
  });
});

describe('the past perfect after a dated saying', () => {
  it('does not take the day of the saying: "said on Wednesday that China had lodged …"', () => {
    const e = byCode(
      extract(
        'en',
        'The ministry said on Wednesday that China had lodged stern representations with Canada.',
        '2024-03-08',
      ),
      '11',
    );
    expect(e?.date.earliest).not.toBe(e?.date.latest);
    expect((e?.date.earliest ?? '9999') < '2024-03-01').toBe(true);
  });
});

describe('German der/die/das after a word, with no comma', () => {
  it('is an article, so a date after it is the verb\'s: "verurteilte die Entscheidung am Montag"', () => {
    const e = byCode(
      extract('de', 'Polen verurteilte die Entscheidung am Montag scharf.', '2024-05-25'),
      '11',
    );
    expect(e?.date).toMatchObject({ earliest: '2024-05-20', latest: '2024-05-20' });
  });

  it('is an article after a preposition: "die Aufnahme in das Bündnis" keeps "im Mai 2022"', () => {
    const e = byCode(
      extract('de', 'Schweden hatte im Mai 2022 die Aufnahme in das Bündnis beantragt.', '2024-03-12'),
      '02',
    );
    expect(e?.date).toMatchObject({ earliest: '2022-05-01', latest: '2022-05-31' });
  });

  it("is still a relative pronoun after a comma: the date is the relative clause's", () => {
    const e = byCode(
      extract('de', 'Polen verurteilte die Entscheidung, die am Montag fiel.', '2024-05-25'),
      '11',
    );
    expect(e?.date.text).toBeNull();
  });
});

describe('a negated hesitation (litotes)', () => {
  it('does not negate what follows "will not hesitate to" (en)', () => {
    const e = byCode(
      extract('en', 'Poland will not hesitate to expel Russian diplomats, the minister said.'),
      '17',
    );
    expect(e?.status).toBe('PLANNED');
  });

  it('still negates a plain "will not" (en)', () => {
    const e = byCode(extract('en', 'Poland will not expel Russian diplomats, the minister said.'), '17');
    expect(e?.status).toBe('NEGATED');
  });

  it('leaves a condition before it to make the act HYPOTHETICAL (fr)', () => {
    const e = byCode(
      extract(
        'fr',
        "« Si ces incidents se répètent encore et encore, nous n'hésiterons pas à saisir de nouveau la Cour contre la Chine », a déclaré Sergueï Lavrov.",
      ),
      '11',
    );
    expect(e?.status).toBe('HYPOTHETICAL');
  });
});

describe('a modal a demand names', () => {
  it('is the demand, made now: "doivent cesser" is ASSERTED, not PLANNED (fr)', () => {
    const e = byCode(extract('fr', '« Ces manœuvres doivent cesser », a déclaré Sergueï Lavrov.'), '10');
    expect(e?.status).toBe('ASSERTED');
  });
});

describe('an attributed source', () => {
  it('is not the RECIPIENT of the event: "according to Lithuania"', () => {
    const e = byCode(
      extract('en', 'Poland expelled two Russian diplomats on Monday, according to Lithuania.'),
      '17',
    );
    expect(roles(e)).toContain('poland:ACTOR');
    expect(roles(e)).not.toContain('lithuania:RECIPIENT');
  });
});

describe('English that-less clauses after a verb of saying', () => {
  it('reads a month after "said X would" as the coming one (future in the past)', () => {
    const e = byCode(
      extract('en', 'Ukraine said Russia would threaten Moldova again in December.', '2024-01-11'),
      '13',
    );
    expect(e?.date).toMatchObject({ earliest: '2024-12-01', latest: '2024-12-31' });
  });

  it('gives the date right after "said" to the saying, not to the clause said: "said on Monday Poland would …"', () => {
    const e = byCode(
      extract(
        'en',
        'Andrzej Duda said on Monday Poland would deliver tanks to Ukraine in December.',
        '2024-01-11',
      ),
      '07',
    );
    expect(e?.date).toMatchObject({ earliest: '2024-12-01', latest: '2024-12-31' });
  });
});
