import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphActorsOfBundle } from '../../src/modules/extraction/actors/from-bundle.ts';
import { buildGazetteer } from '../../src/modules/extraction/actors/gazetteer.ts';
import { defaultLexicons } from '../../src/modules/extraction/lexicons.ts';
import { rulesEngine } from '../../src/modules/extraction/rules/engine.ts';
import { expectSelected, selectTriggers } from '../support/triggers.ts';

// Round 8 of the fr lexicons: nouns that stems tagged as verbs (refus, rejet, condamnation,
// expulsion, bombardement, annonce, contournement, signataires, the participle "reçus" read as
// "récuser"), reported fears, the content of a threat or a request, and phrasings of wire copy
// the lexicon did not know (a summons' formulas, "écarter toute …", "saisir les juridictions",
// "doivent cesser", the inverted "a assuré").
// Every sentence is invented.

function selected(sentence: string): { id: string; code: string; frame: string }[] {
  return selectTriggers('fr', sentence);
}

// [sentence, the entry the engine should choose in it, its code]
const POSITIVE: [string, string, string][] = [
  [
    "Le contournement de l'embargo par des sociétés écrans inquiète Bruxelles.",
    'contournement-sanctions',
    '128',
  ],
  ['Ces sociétés contournent les sanctions européennes.', 'contourner-sanctions', '128'],
  ['Le refus de Budapest a surpris ses partenaires.', 'refus-nom', '120'],
  ['Le ministre a refusé.', 'refuser', '120'],
  ["Athènes a rejeté la demande d'extradition.", 'rejeter-demande', '120'],
  ['Le président rencontre son homologue vendredi.', 'rencontrer', '040'],
  ['Pékin a vivement critiqué la visite du ministre à Taipei.', 'denoncer-rencontre', '111'],
  ["L'annonce de nouvelles sanctions a fait chuter le rouble.", 'annonce-sanctions-nom', '163'],
  ['Kiev redoute que Moscou ne lance une nouvelle offensive.', 'redouter', '012'],
  ['Bruxelles menace de sanctionner les banques chinoises.', 'menacer-sanctions', '1312'],
  ['Moscou a menacé de couper les livraisons de gaz à la Moldavie.', 'menacer-couper-livraisons', '131'],
  [
    'La Géorgie ne permettra pas que son territoire soit utilisé contre la Russie.',
    'ne-pas-laisser-territoire',
    '032',
  ],
  ['Varsovie a déclaré persona non grata un diplomate russe.', 'persona-non-grata', '161'],
  ["L'ambassadeur a remis une lettre de protestation au ministère.", 'note-de-protestation', '114'],
  ['Moscou a écarté toute reprise des livraisons.', 'ecarter-toute', '120'],
  ['Le Qatar a proposé de réunir les belligérants à Doha.', 'proposer-rencontre', '036'],
  ['Kiev a saisi les juridictions internationales.', 'saisir-justice', '115'],
  ['« Ces provocations doivent cesser », a déclaré le ministre.', 'doit-cesser', '105'],
  ['Berlin a durci les contrôles à ses frontières.', 'durcir-controles', '172'],
  [
    'Le durcissement des restrictions de visa vise les ressortissants russes.',
    'durcissement-controles',
    '172',
  ],
  ['« Nous ne céderons pas », a assuré le président.', 'assurer-incise', '010'],
  ['« Nous tiendrons bon », a-t-elle assuré.', 'assurer-incise-pronom', '010'],
  ['Paris envisage de nouvelles sanctions.', 'envisager', '014'],
  ['La condamnation de la Russie par le Conseil a été unanime.', 'condamnation-nom', '111'],
  ['Le rejet de Kiev était attendu.', 'rejet-nom', '120'],
  ['Les bombardements ont repris dans la nuit.', 'bombardement-nom', '194'],
  ['Moscou a écarté catégoriquement tout compromis.', 'ecarter-toute', '120'],
  ["L'expulsion du journaliste a surpris Berlin.", 'expulsion-nom', '174'],
];

// The new entries' words where they report no act.
const NEGATIVE = [
  'Les courriers reçus hier sont sur le bureau.',
  'La liste des États signataires est longue.',
  "Aucune hausse n'est envisagée pour l'instant.",
  'Les agriculteurs redoutent une mauvaise récolte.',
  "Le contournement de la ville par l'autoroute est achevé.",
  'Elle l’aiderait volontiers à déménager.',
  'Il a saisi sa chance au vol.',
  'Il a écarté les branches pour passer.',
];

describe('fr triggers, round 8: nominalisations, reported fears and wire-copy phrasings', () => {
  it.each(POSITIVE)('"%s" selects %s (%s)', (sentence, id, code) => {
    expectSelected('fr', sentence, id, code);
  });

  it.each(NEGATIVE)('"%s" fires no trigger', (sentence) => {
    expect(selected(sentence)).toEqual([]);
  });

  it('reads "le contournement de l\'embargo" as the noun, not the verb', () => {
    expect(selected("Le contournement de l'embargo inquiète.").map((s) => s.id)).toContain(
      'contournement-sanctions',
    );
    expect(selected("Le contournement de l'embargo inquiète.").map((s) => s.id)).not.toContain(
      'contourner-sanctions',
    );
  });

  it('keeps "écarter toute négociation" the rejection of talks (125), not the generic one', () => {
    expect(selected('Le Kremlin a écarté toute négociation avec Kiev.').map((s) => s.code)).toEqual(['125']);
  });

  it('reads a threat to sanction as the threat alone, not a sanction', () => {
    const codes = selected('Washington menace de sanctionner les entreprises turques.').map((s) => s.code);
    expect(codes).toEqual(['1312']);
  });

  it('reads a request to send information as the request alone', () => {
    const codes = selected("Le ministère a demandé à l'ambassade de lui transmettre les informations.").map(
      (s) => s.code,
    );
    expect(codes).not.toContain('064');
  });

  it('still reads a finite transmission of information as 064', () => {
    expectSelected('fr', 'Le Japon a transmis les données à Séoul.', 'transmettre-informations', '064');
  });
});

describe('fr rules, round 8: nouns beside verbs, conditions and inverted attributions', () => {
  const lexicons = defaultLexicons();
  const seed = JSON.parse(
    readFileSync(new URL('../../data/seed/bbabo-2022-02-09.bundle.json', import.meta.url), 'utf8'),
  );
  const gazetteer = buildGazetteer(graphActorsOfBundle(seed), lexicons);
  const events = (text: string) =>
    rulesEngine.extract(
      { text, publishedAt: '2024-03-14', language: 'fr', title: null, publisher: null },
      { gazetteer, lexicons },
    ).events;

  it('reads "dénoncé une rencontre" as one denunciation, not a meeting', () => {
    const codes = events(
      'Pékin a dénoncé jeudi une rencontre entre le président taïwanais et le président américain.',
    ).map((e) => e.cameoCode);
    expect(codes).toEqual(['111']);
  });

  it('reads "rejeté la demande" as one rejection, not a request', () => {
    expect(events('Moscou a rejeté lundi la demande de Tokyo.').map((e) => e.cameoCode)).toEqual(['120']);
  });

  it('reads no event inside "à condition que": the withdrawal is the condition', () => {
    const codes = events(
      "L'Ukraine est prête à discuter d'un cessez-le-feu, à condition que la Russie retire ses troupes de la centrale.",
    ).map((e) => e.cameoCode.slice(0, 2));
    expect(codes).toEqual(['03']);
  });

  it('makes the pledge "ne laissera pas son territoire" ASSERTED on the day of the inverted "a assuré"', () => {
    const pledge = events(
      "La Moldavie ne laissera pas son territoire être utilisé contre l'Ukraine, a assuré jeudi la présidente moldave, Maia Sandu.",
    ).find((e) => e.cameoCode === '032');
    expect(pledge?.status).toBe('ASSERTED');
    expect(pledge?.date.earliest).toBe('2024-03-14');
    expect(pledge?.roles.find((r) => r.role === 'ACTOR')?.actorId).toBe('moldova');
  });

  it('reads "avant l\'annonce des sanctions" as the sanctions told before, not a second act', () => {
    const codes = events(
      "La Russie a imposé des sanctions à la Lituanie lundi. Vilnius n'a reçu aucune notification avant l'annonce des sanctions.",
    ).map((e) => e.cameoCode);
    expect(codes).toEqual(['163']);
  });

  it('does not date a rejection by the day of the clause a participle of saying opens after it', () => {
    const rejection = rulesEngine
      .extract(
        {
          text: "L'Ukraine a écarté toute reprise du transit, rappelant que l'accord avait expiré le 31 décembre.",
          publishedAt: '2025-02-21',
          language: 'fr',
          title: null,
          publisher: null,
        },
        { gazetteer, lexicons },
      )
      .events.find((e) => e.cameoCode === '120');
    expect(rejection).toBeDefined();
    expect(rejection?.date.earliest).not.toBe('2024-12-31');
  });

  it('reads "menacé de couper les livraisons de gaz" as one threat by its subject', () => {
    const found = events('Moscou a menacé mardi de couper les livraisons de gaz à la Moldavie.');
    expect(found.map((e) => e.cameoCode.slice(0, 2))).toEqual(['13']);
    expect(found[0]?.roles.find((r) => r.role === 'ACTOR')?.actorId).toBe('russia');
  });
});
