import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnaphora } from '../../src/modules/extraction/actors/anaphora.ts';
import { findActors } from '../../src/modules/extraction/actors/find.ts';
import { graphActorsOfBundle } from '../../src/modules/extraction/actors/from-bundle.ts';
import { buildGazetteer, type Gazetteer } from '../../src/modules/extraction/actors/gazetteer.ts';
import { LexiconError, type LexiconSet, loadLexicons } from '../../src/modules/extraction/lexicons.ts';
import { splitSentences } from '../../src/modules/extraction/text/sentences.ts';
import type { ActorMention, Language } from '../../src/modules/extraction/types.ts';

const seed = JSON.parse(
  readFileSync(new URL('../../data/seed/bbabo-2022-02-09.bundle.json', import.meta.url), 'utf8'),
);

let lexicons: LexiconSet;
let gazetteer: Gazetteer;
beforeAll(() => {
  lexicons = loadLexicons();
  gazetteer = buildGazetteer(graphActorsOfBundle(seed), lexicons);
});

/** The anaphora mentions of an invented text, with their actor. */
function anaphora(text: string, language: Language): ActorMention[] {
  const found = findActors(
    { text, sentences: splitSentences(text, language, lexicons), language },
    gazetteer,
    lexicons,
  );
  return found.actors.flatMap((a) => a.mentions).filter((m) => m.via === 'ANAPHORA');
}

describe('nominal anaphora', () => {
  it('reads "the ministry" as the ministry named before, at the exact offsets', () => {
    const text =
      'The Russian Foreign Ministry summoned the Latvian ambassador on Monday. The ministry accused Riga of discrimination.';
    const [m, ...rest] = anaphora(text, 'en');
    expect(rest).toEqual([]);
    expect(m?.actorId).toBe('russian-foreign-ministry');
    expect(m?.quote).toBe('The ministry');
    expect(text.slice(m!.start, m!.end)).toBe(m?.quote);
    expect(m?.confidence).toBeLessThan(0.75);
    expect(m?.evidence[0]?.detail).toContain('russian-foreign-ministry');
  });

  it('reads a group noun as the two countries of the talks, one mention each on one span', () => {
    const text =
      'Россия и Армения провели в Москве консультации по безопасности. Стороны договорились встретиться в мае.';
    const ms = anaphora(text, 'ru');
    expect(ms.map((m) => m.actorId).sort()).toEqual(['armenia', 'russia']);
    expect(new Set(ms.map((m) => `${m.start}:${m.end}`)).size).toBe(1);
    expect(ms[0]?.quote).toBe('Стороны');
  });

  it('reads "les deux ministres" as the two ministers named in one sentence', () => {
    const text =
      'Sergueï Lavrov a reçu jeudi à Moscou son homologue turc Hakan Fidan. Les deux ministres ont signé un plan de consultations.';
    expect(
      anaphora(text, 'fr')
        .map((m) => m.actorId)
        .sort(),
    ).toEqual(['hakan-fidan', 'sergey-lavrov']);
  });

  it('reads "his country" as the country of the person speaking, when the text names that country', () => {
    const said = 'Sergei Lavrov said on Tuesday that his country would not accept the proposal.';
    expect(anaphora(said, 'en')).toEqual([]);
    const named = `Russia rejected the plan. ${said}`;
    expect(anaphora(named, 'en').map((m) => m.actorId)).toEqual(['russia']);
  });
});

describe('refusals', () => {
  it('leaves a group noun unread when three countries could be its members', () => {
    const text =
      'Russia, Armenia and Azerbaijan held talks in Moscow. Both sides agreed to meet again in May.';
    expect(anaphora(text, 'en')).toEqual([]);
  });

  it('leaves "the ministry" unread when two ministries were just named', () => {
    const text =
      'The Polish Foreign Ministry and the Russian Foreign Ministry exchanged notes on Friday. The ministry accused its neighbour of lying.';
    expect(anaphora(text, 'en')).toEqual([]);
  });

  it('never reads a noun inside a quotation, nor one that attributes it', () => {
    const inside =
      'The Russian Foreign Ministry summoned the ambassador. “The ministry will answer every provocation,” Lavrov said.';
    expect(anaphora(inside, 'en')).toEqual([]);
    const attribution =
      'The Lithuanian Foreign Ministry expelled a Russian diplomat. «Это провокация», — говорится в заявлении министерства.';
    expect(anaphora(attribution, 'ru')).toEqual([]);
  });

  it('leaves generic plurals and named bodies alone', () => {
    const generic =
      'Sergei Lavrov met Hakan Fidan in Ankara. Ministers from 27 countries will meet in Brussels next week.';
    expect(anaphora(generic, 'en')).toEqual([]);
    const named =
      'Sergueï Lavrov a reçu Hakan Fidan à Moscou. Les ministres des Affaires étrangères des Vingt-Sept se réunissent lundi.';
    expect(anaphora(named, 'fr')).toEqual([]);
  });

  it('leaves "the ministry" alone where it is a place', () => {
    const text =
      'The Russian Foreign Ministry protested on Monday. The ambassador was summoned to the ministry on Tuesday.';
    expect(anaphora(text, 'en')).toEqual([]);
  });
});

describe('anaphora.json', () => {
  it('rejects a group noun without its members', () => {
    expect(() =>
      parseAnaphora('en', {
        language: 'en',
        nouns: [{ id: 'both-sides', pattern: 'both sides', kind: 'GROUP', standalone: true }],
      }),
    ).toThrow(LexiconError);
  });

  it('every language has one', () => {
    for (const lang of ['fr', 'en', 'ru', 'de', 'pl'] as const)
      expect(parseAnaphora(lang, lexicons.byLanguage[lang].anaphora).nouns.length).toBeGreaterThan(10);
  });
});
