import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEXICON_DIR } from '../../src/modules/extraction/lexicons.ts';
import { selectTriggers } from '../support/triggers.ts';

// Round 3 of the fr trigger lexicon: phrasings of French agency copy beyond the dev articles.

interface Entry {
  id: string;
  pattern: string;
  code: string;
  pos: string;
  frame: string;
}

const file = JSON.parse(readFileSync(`${LEXICON_DIR}/fr/triggers.json`, 'utf8')) as { patterns: Entry[] };

/** The triggers the rules engine keeps in the sentence. */
function selected(sentence: string): { id: string; code: string; frame: string }[] {
  return selectTriggers('fr', sentence);
}

// Invented sentences, each with the round-3 entry the engine should choose in it.
const POSITIVE: [string, string, string][] = [
  ["Le Kremlin a fait savoir qu'il ne participerait pas au forum.", 'faire-savoir', '010'],
  ['Le ministre a fait une déclaration solennelle devant les députés.', 'faire-declaration', '010'],
  ['Pékin a réitéré sa position sur la question maritime.', 'reiterer', '010'],
  ["L'ambassade n'a pas souhaité commenter ces informations.", 'ne-pas-commenter', '011'],
  ['Varsovie s’inquiète de la présence de blindés près de sa frontière.', 's-inquieter', '012'],
  ['Le gouvernement n’exclut pas de nouvelles mesures de rétorsion.', 'n-exclut-pas', '014'],
  ['Moscou rejette toute responsabilité dans le naufrage.', 'rejeter-responsabilite', '016'],
  ['Le chef de l’État a déposé des fleurs au pied du monument.', 'deposer-fleurs', '017'],
  ['Paris et Rome sont tombés d’accord sur le calendrier.', 'tomber-d-accord', '019'],
  ['Bruxelles appelle les belligérants à cesser les hostilités.', 'appel-cesser-combats', '025'],
  ["L'Estonie a demandé une réunion d'urgence de l'Alliance.", 'appel-rencontre', '026'],
  ['Ankara se dit prête à jouer un rôle de médiateur.', 'servir-intermediaire', '045'],
  ['Les deux ministres se sont entretenus longuement au téléphone.', 'entretenu-au-telephone', '041'],
  ['La cheffe de la diplomatie a effectué une visite de trois jours à Séoul.', 'effectuer-visite', '042'],
  ['Le président a reçu au Kremlin son homologue mongol.', 'recevoir-au-palais', '043'],
  ['Les deux pays ont renoué le dialogue après une longue brouille.', 'nouer-liens', '050'],
  ['Oslo a apporté son soutien au plan de reconstruction.', 'apporter-soutien', '051'],
  ['Washington a débloqué une aide de 300 millions de dollars.', 'debloquer-aide', '070'],
  ['Les belligérants ont proclamé une trêve de trois jours.', 'proclamer-treve', '087'],
  ['Le procureur a ouvert une enquête sur des crimes de guerre présumés.', 'enquete-crimes-guerre', '094'],
  ['Le Premier ministre a qualifié la décision d’irresponsable.', 'qualifier-inacceptable', '111'],
  ['Moscou tient Kiev pour responsable de l’explosion.', 'tenir-pour-responsable', '112'],
  ['Le président a annulé sa visite à Ottawa.', 'annuler-visite', '125'],
  ['Moscou a suspendu sa participation au traité.', 'suspendre-participation', '160'],
  ['Riga a rappelé son chargé d’affaires pour consultations.', 'rappeler-diplomate', '161'],
  ['Le fournisseur a coupé les livraisons de gaz à la Bulgarie.', 'couper-gaz', '163'],
  ['Les forces de l’ordre ont tiré sur les manifestants.', 'tirer-sur-manifestants', '175'],
  ['Les séparatistes ont pris le contrôle de la gare.', 'prendre-controle', '192'],
];

// Ordinary sentences of the kind a newspaper prints beside its diplomacy: none may fire anything.
const NEGATIVE: string[] = [
  'Le festival de musique se tiendra du 3 au 7 juillet dans le vieux port.',
  'La croissance a ralenti au deuxième trimestre selon l’institut national.',
  'Les supporters ont fêté la victoire de leur équipe jusque tard dans la nuit.',
  'La ville a inauguré une nouvelle ligne de tramway entre la gare et le campus.',
  'Le musée présente une exposition consacrée aux peintres de la côte.',
  'Le train à destination de Lyon est arrivé avec vingt minutes de retard.',
  'Les travaux de rénovation du pont dureront jusqu’à la fin de l’année.',
  'Il s’agit d’une question de temps et de moyens.',
  'La banque centrale a maintenu ses taux directeurs inchangés.',
  'Le film retrace l’histoire d’une famille installée en Bretagne.',
];

describe('fr triggers, round 3: phrasings beyond the dev articles', () => {
  it.each(POSITIVE)('"%s" selects %s (%s)', (sentence, id, code) => {
    const chosen = selected(sentence);
    const hit = chosen.find((s) => s.id === id);
    expect(hit, JSON.stringify(chosen)).toBeDefined();
    expect(hit!.code).toBe(code);
  });

  it.each(NEGATIVE)('"%s" fires no trigger', (sentence) => {
    expect(selected(sentence)).toEqual([]);
  });

  it('reads "n\'a pas souhaité commenter" as the 011 phrase in the DEFAULT frame', () => {
    const [hit] = selected("Le ministère n'a pas souhaité commenter.");
    expect(hit?.id).toBe('ne-pas-commenter');
    expect(hit?.code).toBe('011');
    expect(hit?.frame).toBe('DEFAULT');
  });

  it('keeps verbs of saying in the SPEECH frame', () => {
    const speech = [
      'faire-savoir',
      'faire-declaration',
      'reiterer',
      'relever-que',
      'laisser-entendre',
      's-exprimer',
    ];
    for (const id of speech) expect(file.patterns.find((p) => p.id === id)?.frame, id).toBe('SPEECH');
  });
});
