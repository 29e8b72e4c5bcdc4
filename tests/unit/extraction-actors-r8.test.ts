import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/modules/extraction/actors/translit.ts';
import type { Draft, Language } from '../../src/modules/extraction/types.ts';
import { extractWithSeed } from '../support/extract.ts';

// Round 8: titles, bodies and names. Every sentence here is invented; none is a dev article's.
function draftOf(language: Language, text: string): Draft {
  return extractWithSeed(language, text, '2025-05-20');
}
const ids = (language: Language, text: string) => draftOf(language, text).actors.map((a) => a.id);
const positions = (d: Draft) =>
  d.facts.filter((f) => f.type === 'HOLDS_POSITION').map((f) => `${f.subjectId} → ${f.objectId}`);

describe('a title whose state is only guessed implies no body of that state', () => {
  it('ties a minister the text gives no state to the state named before, not to its ministry', () => {
    const d = draftOf(
      'en',
      'Talks on grain exports to Egypt resumed on Monday. Defence Minister Jorge Almeida said the convoy would sail.',
    );
    expect(d.actors.map((a) => a.id)).not.toContain('egypt-defence-ministry');
    expect(positions(d)).toContain('jorge-almeida → egypt');
  });

  it('still reads the body when the title says "of the Republic"', () => {
    const d = draftOf(
      'fr',
      "La Moldavie a protesté mardi. Le vice-ministre des Affaires étrangères de la République, Ion Ciobanu, a convoqué l'ambassadeur.",
    );
    expect(d.actors.map((a) => a.id)).toContain('moldova-foreign-ministry');
  });

  it('makes the person of a title without any organisation', () => {
    expect(ids('de', '„Das ist inakzeptabel“, sagte Vizeaußenministerin Karla Brenning am Abend.')).toContain(
      'karla-brenning',
    );
  });
});

describe('whose official a title names', () => {
  it('does not take a country after a place preposition before the title for the official’s', () => {
    const d = draftOf(
      'pl',
      'Minister spraw zagranicznych Łotwy Krišjānis Kariņš powiedział w Brukseli, że sankcje zostaną utrzymane. Rozmowy odbyły się w Austrii, a minister spraw zagranicznych Estonii Margus Tsahkna poparł ten plan.',
    );
    expect(d.actors.map((a) => a.id)).not.toContain('austria-foreign-ministry');
    expect(positions(d)).toContain('margus-tsahkna → estonia-foreign-ministry');
  });

  it('passes over where an ambassador serves on the way to the name', () => {
    const d = draftOf('fr', "L'ambassadeur du Japon en Espagne, Kenji Morita, a remis une note verbale.");
    expect(positions(d)).toContain('kenji-morita → japan-foreign-ministry');
  });

  it('gives a default-country body to the state of the official the register knows', () => {
    const d = draftOf('pl', 'Rzeczniczka MSZ Maria Zacharowa oświadczyła w środę, że Moskwa odpowie.');
    expect(positions(d)).toContain('maria-zakharova → russian-foreign-ministry');
    expect(d.actors.map((a) => a.id)).not.toContain('poland-foreign-ministry');
  });

  it('ties an international official to the organisation they speak for, not to a state named before', () => {
    const d = draftOf(
      'pl',
      'Litwa zaostrzyła kontrole. Szef unijnej dyplomacji Josep Borrell zapowiedział w piątek nowe wytyczne.',
    );
    expect(d.actors.map((a) => a.id)).not.toContain('lithuania-foreign-ministry');
  });
});

describe('security councils, coast guards, treasuries', () => {
  it('reads a national security council in Polish as that state’s, not the UN’s', () => {
    const found = ids(
      'pl',
      'Sekretarz Rady Bezpieczeństwa Rosji Siergiej Szojgu przyjechał w poniedziałek do Mińska.',
    );
    expect(found).toContain('russia-security-council');
    expect(found).not.toContain('un-security-council');
  });

  it('reads a coast guard named with its demonym (fr)', () => {
    expect(ids('fr', 'Les garde-côtes japonais ont escorté le chalutier jusqu’au port.')).toContain(
      'japan-coast-guard',
    );
  });

  it('reads a treasury named with its demonym (fr)', () => {
    expect(ids('fr', 'Le département américain du Trésor a gelé les avoirs de trois banques.')).toContain(
      'united-states-treasury',
    );
  });

  it('makes a Treasury Secretary an official of the United States Treasury (en)', () => {
    const d = draftOf('en', 'Treasury Secretary Helen Marsh warned banks in Dubai on Tuesday.');
    expect(positions(d)).toContain('helen-marsh → united-states-treasury');
  });
});

describe('chargés d’affaires', () => {
  it('reads a Polish accusative chargé d’affaires back to the nominative', () => {
    const d = draftOf('pl', 'MSZ wezwało w czwartek chargé d’affaires Estonii Kristinę Saar.');
    expect(positions(d)).toContain('kristina-saar → estonia-foreign-ministry');
  });

  it('reads a German Geschäftsträger as an official of his state', () => {
    const d = draftOf('de', 'Das Außenministerium bestellte den Geschäftsträger Ungarns, Bence Tóth, ein.');
    expect(positions(d)).toContain('bence-toth → hungary');
  });
});

describe('names', () => {
  it('keeps a Korean given name with its hyphenated syllable', () => {
    const found = ids('en', 'Vice Foreign Minister Choi Min-seok met the Chinese ambassador in Seoul.');
    expect(found).toContain('choi-min-seok');
    expect(found).not.toContain('choi-min');
  });

  it('does not read a two-letter word as the surname of a name transcribed from Cyrillic', () => {
    const found = draftOf('de', 'Kim Jong-un empfing die Delegation. In Pjöngjang wurde gefeiert.');
    const kim = found.actors.find((a) => a.id === 'kim-jong-un');
    expect(kim?.mentions.map((m) => m.quote)).toEqual(['Kim Jong-un']);
  });

  it('reads a name after a demonym noun as a person of that state (fr)', () => {
    const d = draftOf('fr', 'Au sommet de Sofia, le Roumain Mihai Ionescu a plaidé pour un compromis.');
    expect(d.actors.find((a) => a.id === 'mihai-ionescu')?.countryCode).toBe('ROU');
  });

  it('does not link a surname alone to a namesake with another first name', () => {
    const found = ids(
      'ru',
      'Соглашение подписал вице-премьер России Игорь Новак. Позже Новак заявил, что поставки начнутся осенью.',
    );
    expect(found).not.toContain('katalin-novak');
    expect(found).not.toContain('alexander-novak');
    expect(found).toContain('igor-novak');
  });

  it('slugs letters no accent decomposes', () => {
    expect(slugify('Đorđe Đukić')).toBe('dorde-dukic');
    expect(slugify('Jonas Gahr Støre')).toBe('jonas-gahr-store');
  });
});
