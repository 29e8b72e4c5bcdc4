import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphActorsOfBundle } from '../../src/modules/extraction/actors/from-bundle.ts';
import { buildGazetteer } from '../../src/modules/extraction/actors/gazetteer.ts';
import { defaultLexicons } from '../../src/modules/extraction/lexicons.ts';
import { rulesEngine } from '../../src/modules/extraction/rules/engine.ts';
import { expectSelected, selectTriggers } from '../support/triggers.ts';

// Round 5 of the fr lexicons: the misses of the new dev articles, fixed as families (halting
// talks, freezing participation, official protests, sanctions packages, seized vessels, meetings
// that "take place", purpose clauses) and the negations "sans pour autant" and "aucun … ne".

function selected(sentence: string): { id: string; code: string; frame: string }[] {
  return selectTriggers('fr', sentence);
}

// Invented sentences, each with the entry the engine should choose in it and its code.
const POSITIVE: [string, string, string][] = [
  ['Ankara a suspendu le dialogue avec Athènes.', 'suspendre-negociations', '164'],
  ['Séoul interrompt les consultations avec Pyongyang.', 'suspendre-negociations', '164'],
  ['Les pourparlers avec Téhéran ont été suspendus jeudi.', 'negociations-suspendues', '164'],
  ['Kiev a mis fin aux consultations avec Budapest.', 'mettre-fin-negociations', '164'],
  ['La suspension des consultations a surpris Séoul.', 'suspension-negociations', '164'],
  ['La délégation a claqué la porte des négociations.', 'quitter-table', '164'],
  ["L'Arménie gèle sa participation à l'alliance.", 'suspendre-participation', '160'],
  ["Bakou a suspendu son adhésion à l'organisation.", 'suspendre-participation', '160'],
  ['Erevan a engagé la procédure de retrait du traité.', 'procedure-de-retrait', '160'],
  [
    "La Commission a ouvert une procédure d'infraction contre Varsovie.",
    'engager-procedure-judiciaire',
    '115',
  ],
  ['Varsovie a adressé une protestation formelle à Minsk.', 'adresser-protestation-officielle', '114'],
  ['Berlin a élevé une protestation officielle auprès de Moscou.', 'adresser-protestation-officielle', '114'],
  [
    "Le Quai d'Orsay a exhorté les deux parties à revenir à la table des négociations.",
    'appel-revenir-negociations',
    '026',
  ],
  ['Le nouveau train de sanctions adopté par Londres vise des banques.', 'paquet-sanctions-adopte', '163'],
  ['La série de sanctions imposée par Washington touche les mines.', 'paquet-sanctions-adopte', '163'],
  ['Une nouvelle salve de sanctions frappe les armateurs.', 'paquet-sanctions', '163'],
  ['Les garde-côtes iraniens ont arraisonné un pétrolier.', 'arraisonner', '171'],
  ['Un chalutier a été saisi par la marine russe.', 'navire-saisi', '171'],
  ['Téhéran a confisqué le cargo et sa cargaison.', 'saisir-navire', '171'],
  ['Toute provocation appellera une riposte, selon le ministre.', 'appeler-une-reponse', '130'],
  [
    'Le Conseil a voté une résolution exigeant que Moscou restitue les biens saisis.',
    'exiger-liberation',
    '1053',
  ],
  ['Pékin a jugé la mesure « contre-productive ».', 'qualifier-contre-productif', '111'],
  ["Ottawa a qualifié l'expulsion d'acte inamical.", 'qualifier-inacceptable', '111'],
  ['La rencontre entre les deux ministres a eu lieu à Genève.', 'reunion-a-eu-lieu', '040'],
  ['Le sommet de l’UE se tiendra à Bruxelles.', 'reunion-s-est-tenue', '040'],
  ['Le ministre est venu à Ankara pour discuter de la crise.', 'pour-discuter', '040'],
  ['La délégation est arrivée afin de négocier une trêve.', 'pour-negocier', '046'],
  ['Les négociations ont repris à Doha.', 'negociations-nom', '046'],
  ['Moscou et Kiev négocieront la semaine prochaine.', 'negocier', '046'],
];

const NEGATIVE = [
  'Il fait un froid de gel ce matin dans les Alpes.',
  "La procédure de retrait d'argent au guichet est simple.",
  'Le train de nuit pour Vienne part à 22 heures.',
  "Les pêcheurs ont remonté leurs filets au large de l'île.",
  'Le concert aura lieu samedi soir dans le parc.',
  'Le chalutier est rentré au port avec une belle prise.',
  "Il a rompu avec sa compagne l'an dernier.",
  'Les élèves ont suspendu leurs dessins dans le couloir.',
  'Le match a été suspendu à cause de la pluie.',
  'Une série de conférences aura lieu à la bibliothèque.',
  'La mairie a jugé le projet trop coûteux.',
  'La vente des billets s’est tenue dans le hall.',
];

describe('fr triggers, round 5: families of the dev misses', () => {
  it.each(POSITIVE)('"%s" selects %s (%s)', (sentence, id, code) => {
    expectSelected('fr', sentence, id, code);
  });

  it.each(NEGATIVE)('"%s" fires no trigger', (sentence) => {
    expect(selected(sentence)).toEqual([]);
  });

  it('reads "négociations" as a NOUN entry, the verb\'s forms as VERB', () => {
    expect(selected('Les négociations piétinent.').map((s) => s.id)).toEqual(['negociations-nom']);
    expect(selected('Les négociateurs sont arrivés.').map((s) => s.id)).not.toContain('negocier');
  });

  it('lets "engager la procédure de retrait" outweigh legal action', () => {
    const codes = selected('Minsk a engagé la procédure de retrait de la convention.').map((s) => s.code);
    expect(codes).toEqual(['160']);
  });
});

describe('fr rules, round 5: purpose clauses, threats and negations in the engine', () => {
  const lexicons = defaultLexicons();
  const seed = JSON.parse(
    readFileSync(new URL('../../data/seed/bbabo-2022-02-09.bundle.json', import.meta.url), 'utf8'),
  );
  const gazetteer = buildGazetteer(graphActorsOfBundle(seed), lexicons);
  const events = (text: string) =>
    rulesEngine.extract(
      { text, publishedAt: '2024-03-10', language: 'fr', title: null, publisher: null },
      { gazetteer, lexicons },
    ).events;

  it('reports a visit "pour discuter" once, as the visit', () => {
    const codes = events('Le président turc se rendra à Moscou pour discuter de la crise.').map(
      (e) => e.cameoCode,
    );
    expect(codes).not.toContain('040');
    expect(codes.length).toBe(1);
  });

  it('reads "appellera une riposte" beside a threat verb as that one threat', () => {
    const codes = events(
      '« Toute provocation appellera une riposte », a déclaré le ministre russe, menaçant la Pologne.',
    ).map((e) => e.cameoCode.slice(0, 2));
    expect(codes).not.toContain('02');
    expect(codes.filter((c) => c === '13').length).toBe(1);
  });

  it('reads "appellera une riposte" alone as a threat by the one who says it', () => {
    const threat = events(
      '« Toute provocation de Varsovie appellera une riposte », a déclaré le ministre russe des Affaires étrangères.',
    ).find((e) => e.cameoCode === '130');
    expect(threat?.roles.some((r) => r.role === 'SPEAKER')).toBe(true);
  });

  it('negates an act after "sans pour autant"', () => {
    const rupture = events(
      'Rome a gelé les contacts avec Moscou, sans pour autant rompre les relations.',
    ).find((e) => e.cameoCode === '161');
    expect(rupture?.status).toBe('NEGATED');
  });

  it('negates a meeting after "aucune … n\'a eu lieu"', () => {
    const meeting = events("Aucune réunion entre la Russie et le Japon n'a eu lieu en 2024.").find(
      (e) => e.cameoCode === '040',
    );
    expect(meeting?.status).toBe('NEGATED');
  });
});
