import { describe, expect, it } from 'vitest';
import type { Draft, DraftEvent } from '../../src/modules/extraction/types.ts';
import { extractWithSeed } from '../support/extract.ts';

// Sentences written for round 7: none of them is in a fixture. They stand for text nobody tuned on.
const extract = extractWithSeed;
const codes = (d: Draft) => d.events.map((e) => e.cameoCode);
const sources = (e: DraftEvent | undefined) =>
  (e?.roles ?? [])
    .filter((r) => (r.role === 'ACTOR' || r.role === 'SPEAKER') && r.confidence >= 0.5)
    .map((r) => r.actorId)
    .sort();
const byCode = (d: Draft, code: string) => d.events.find((e) => e.cameoCode === code);

describe('a verb of saying that is an act of its own', () => {
  it('makes a denial an event (ru)', () => {
    const d = extract('ru', 'Польша отвергла обвинения Минска.');
    expect(codes(d)).toEqual(['016']);
    expect(sources(d.events[0])).toEqual(['poland']);
  });

  it('makes a denial an event (pl)', () => {
    expect(codes(extract('pl', 'Rzecznik MSZ zaprzeczył tym doniesieniom.'))).toEqual(['016']);
  });

  it('makes a concern and a refusal to comment events', () => {
    expect(codes(extract('pl', 'Litwa wyraziła zaniepokojenie sytuacją na granicy.'))).toEqual(['012']);
    expect(codes(extract('ru', 'Песков отказался комментировать эти сообщения.'))).toEqual(['011']);
  });

  it('leaves a plain statement without an event', () => {
    expect(codes(extract('ru', 'Лавров заявил, что ситуация остаётся сложной.'))).toEqual([]);
  });

  it('gives way to the act its content reports', () => {
    const d = extract('ru', 'Министр предупредил, что Россия ответит на размещение ракет.');
    expect(codes(d)).not.toContain('130');
  });
});

describe('what a denial or an accusation claims', () => {
  it('is no event of its own (en, that-clause)', () => {
    expect(codes(extract('en', 'Serbia denied that it had supplied ammunition to Ukraine.'))).toEqual([
      '016',
    ]);
  });

  it('is no event of its own (ru, что-clause): the denial is', () => {
    expect(codes(extract('ru', 'Москва опровергла, что поставляет оружие Ирану.'))).toEqual(['016']);
  });

  it('is no event of its own (en, blame … for)', () => {
    expect(codes(extract('en', 'Tehran blamed Israel for the attack on its consulate.'))).toEqual(['112']);
  });

  it('ends at "and" before another verb', () => {
    const d = extract('en', 'Belgrade accused Pristina of provoking the clashes and recalled its envoy.');
    expect(codes(d)).toEqual(['112', '161']);
  });

  it('ends at a comma no complementizer follows', () => {
    const d = extract('en', 'The Kremlin accused Kyiv of shelling the plant, a claim Ukraine denied.');
    expect(codes(d)).toEqual(['112', '016']);
    expect(sources(byCode(d, '016'))).toEqual(['ukraine']);
  });
});

describe('a verb that shares the subject of the verb before it', () => {
  it('takes it after "and", past a place named between them', () => {
    const d = extract(
      'en',
      "Ukraine's foreign minister held talks with his Turkish counterpart in Ankara and thanked Turkey for its support.",
    );
    expect(sources(byCode(d, '051'))).toEqual(['ukraine']);
  });

  it('takes it after "и" (ru)', () => {
    const d = extract('ru', 'МИД Армении обвинил Баку в обстреле сел и вызвал посла Азербайджана.');
    expect(sources(byCode(d, '114'))).toContain('armenia-foreign-ministry');
  });

  it('takes it in a purpose clause, so a meeting and its talks are one event', () => {
    const ru = extract(
      'ru',
      'Президент Казахстана встретился в Астане с премьер-министром Японии, чтобы обсудить поставки урана.',
    );
    expect(codes(ru)).toEqual(['040']);
    const pl = extract(
      'pl',
      'Premier Czech spotkał się w Pradze z prezydentem Ukrainy, by omówić dostawy amunicji.',
    );
    expect(codes(pl).filter((c) => c === '040')).toHaveLength(1);
  });

  it('keeps a subject of its own after "and"', () => {
    const d = extract('en', 'Estonia expelled a Russian diplomat and Moscow recalled its ambassador.');
    expect(sources(byCode(d, '161'))).toEqual(['russia']);
  });
});

describe('subjects before the verb', () => {
  it('are all the actors joined by "and"', () => {
    const d = extract('en', 'France and Italy signed a defence cooperation agreement in Rome on Friday.');
    expect(sources(byCode(d, '057'))).toEqual(['france', 'italy']);
  });

  it('are never an accusative (ru, pl)', () => {
    const d = extract('pl', 'Polskę Białoruś oskarżyła o prowokacje.');
    expect(sources(byCode(d, '112'))).toEqual(['belarus']);
  });
});

describe('the passive agent', () => {
  it('is not the agent of another verb after the trigger', () => {
    const d = extract(
      'en',
      'Azerbaijan and Armenia exchanged 32 prisoners of war on Wednesday in a deal mediated by the United Arab Emirates.',
    );
    expect(sources(byCode(d, '084'))).not.toContain('united-arab-emirates');
    expect(sources(byCode(d, '045'))).toEqual(['united-arab-emirates']);
  });
});

describe('an inverted verb of saying', () => {
  it('has the actor after it as speaker when a demonym or genitive qualifies the object before it', () => {
    const d = extract('pl', 'Wydalenie dwóch czeskich dyplomatów ogłosiło w środę rosyjskie MSZ.');
    expect(codes(d)).toEqual(['174']);
    expect(sources(d.events[0])).toEqual(['russian-foreign-ministry']);
  });
});

describe('one act told twice without a named source', () => {
  it('is one event', () => {
    const d = extract(
      'ru',
      'Посол Эстонии был вызван сегодня в МИД, где ему вручили ноту протеста в связи с высылкой дипломатов.',
    );
    expect(codes(d).filter((c) => c.startsWith('11'))).toHaveLength(1);
  });
});
