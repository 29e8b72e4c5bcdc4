import { describe, expect, it } from 'vitest';
import { expectSelected, selectTriggers } from '../support/triggers.ts';

// Round 6 of the fr lexicons: a coverage pass over the CAMEO roots the product reads, with the
// phrasings French wire copy uses for them, rather than the phrasings of our dev articles. One
// invented sentence per added or widened family.

function selected(sentence: string): { id: string; code: string }[] {
  return selectTriggers('fr', sentence);
}

// [sentence, the entry the engine should choose in it, its code]
const POSITIVE: [string, string, string][] = [
  // 01 statements
  [
    'Le porte-parole du Kremlin a assuré aux journalistes que Moscou restait calme.',
    'assurer-aux-journalistes',
    '010',
  ],
  ['Le président a fait part de sa décision.', 'faire-part', '010'],
  ["Le ministre a confié à l'AFP que les discussions piétinaient.", 'confier-a', '010'],
  ['Paris a fait part de sa vive inquiétude.', 'faire-part-preoccupation', '012'],
  // 02 appeals
  ["Les Européens pressent Washington de débloquer l'aide.", 'presser-de', '020'],
  ["Zelensky a pressé les Occidentaux d'accélérer les livraisons.", 'a-presse-de', '020'],
  ["Les ONG ont lancé un cri d'alarme.", 'sonnette-d-alarme', '020'],
  ['Paris a invité Moscou à la retenue.', 'inviter-a-la-retenue', '025'],
  // 03 intent to cooperate
  ["Le Japon s'est engagé à soutenir la reconstruction.", 's-est-engage-a', '030'],
  ['Les deux pays ont convenu de renforcer leur coopération.', 'convenir-de', '030'],
  ['Le président a exprimé sa volonté de coopérer avec Pékin.', 'volonte-de-cooperer', '030'],
  ['Le gouvernement a fait part de sa volonté de dialoguer.', 'volonte-de-dialoguer', '036'],
  ["Le président a tendu la main à l'opposition.", 'tendre-la-main', '030'],
  ['Le ministre a offert son aide à Ankara.', 'offrir-aide', '033'],
  // 04 consult, meet, visit
  ['Les ministres sont convenus de se revoir en mars.', 'se-revoir', '040'],
  ['Une délégation américaine a été reçue par le président.', 'etre-recu-par', '043'],
  ['Le président a débattu avec les dirigeants européens de la crise.', 'debattre-avec', '040'],
  ['Le ministre a échangé avec son homologue sur la crise.', 'echanger-avec', '040'],
  ['Le ministre a conféré avec son homologue.', 'conferer-avec', '040'],
  ['Le président a reçu un appel du chancelier.', 'recevoir-appel', '041'],
  ['Les deux présidents ont eu un long coup de fil dimanche.', 'coup-de-fil', '041'],
  ['Le ministre a multiplié les contacts avec ses homologues.', 'contacts-avec', '040'],
  ['Le ministre prendra contact dès lundi avec Ankara.', 'prendre-contact', '040'],
  ['Le président a fait escale à Dakar.', 'faire-escale', '042'],
  ['Le ministre a dîné avec son homologue.', 'diner-avec', '040'],
  // 05 diplomatic cooperation
  ["Le Parlement a voté en faveur de l'adhésion.", 'voter-en-faveur', '051'],
  ['Le ministre a fait part de son soutien à Kiev.', 'faire-part-soutien', '051'],
  ["Le Parlement a donné son aval à l'accord.", 'donner-son-aval', '051'],
  ['Les deux pays ont scellé un partenariat stratégique.', 'sceller-accord', '057'],
  // 06–07 material cooperation and aid
  ['Le Canada a versé 500 millions de dollars à Kiev.', 'verser-millions', '071'],
  ['Berlin va financer la reconstruction du pont.', 'financer-reconstruction', '071'],
  ["Les États-Unis vont fournir des systèmes Patriot à l'Ukraine.", 'livrer-armes', '072'],
  // 08 yield
  ['Le gouvernement a reculé face à la pression de la rue.', 'reculer-face', '080'],
  ['Les rebelles ont déposé les armes.', 'deposer-les-armes', '080'],
  ['Le gouvernement a suspendu la réforme des retraites.', 'suspendre-reforme', '083'],
  ['L’armée a évacué ses positions sur la rive droite.', 'abandonner-positions', '087'],
  ['Les soldats se sont retirés de la ville de Kherson.', 'se-retirer-localite', '087'],
  ['Les troupes se sont repliées derrière le fleuve.', 'se-replier', '087'],
  ['Les forces ont battu en retraite.', 'battre-en-retraite', '087'],
  // 10 demand
  ['Kiev a posé des conditions à toute négociation.', 'poser-conditions', '100'],
  ['Moscou conditionne la reprise du dialogue au retrait des sanctions.', 'conditionner', '100'],
  ['Paris a demandé des comptes à Téhéran.', 'demander-des-comptes', '100'],
  // 11 disapprove
  ["Le président a tiré à boulets rouges sur l'opposition.", 'boulets-rouges', '111'],
  ['Le porte-parole a vilipendé les dirigeants occidentaux.', 'vilipender', '111'],
  ["Le président a qualifié l'attaque de crime de guerre.", 'qualifier-crime', '111'],
  ['Le ministre a réagi vivement à la décision.', 'reagir-vivement', '111'],
  ['Le Kremlin a vertement réagi aux propos de Macron.', 'vivement-reagi', '111'],
  ["Moscou a réagi avec colère à l'annonce.", 'reagir-avec-colere', '111'],
  ['La Chine a protesté auprès de Tokyo.', 'protester-aupres', '114'],
  ["Le ministre a taxé Berlin d'hypocrisie.", 'taxer-de', '112'],
  ['Pékin s’est insurgé contre la visite.', 's-insurger', '111'],
  ["Berlin s'est élevé contre cette décision.", 's-elever-contre', '111'],
  ["Pékin s'est offusqué des propos du ministre.", 's-offusquer', '110'],
  ['Ankara a fait part de son mécontentement.', 'faire-part-mecontentement', '110'],
  ['Le président a fait part de son indignation.', 'faire-part-indignation', '111'],
  ['Le ministre a haussé le ton face à Pékin.', 'hausser-le-ton', '110'],
  ['Le président a attaqué en justice le journal.', 'attaquer-en-justice', '115'],
  // 12 reject
  ['Pékin a dit non à la proposition.', 'dire-non', '120'],
  ['Moscou a récusé le plan de paix.', 'rejeter-plan', '127'],
  ['La Hongrie bloque le paquet de sanctions.', 'bloquer-paquet-sanctions', '129'],
  ["La Turquie a bloqué l'adhésion de la Suède.", 'bloquer-adhesion', '129'],
  // 13 threaten
  ["Le ministre a agité le spectre d'une guerre.", 'agiter-menace', '130'],
  ['Pyongyang a promis une réponse militaire.', 'promettre-reponse-ferme', '130'],
  // 14 protest
  ['Les agriculteurs ont manifesté devant la préfecture.', 'manifester-lieu', '141'],
  ['Des milliers de personnes ont manifesté à Paris.', 'milliers-ont-manifeste', '141'],
  ['Les opposants ont organisé un rassemblement devant le Parlement.', 'rassemblement-devant', '141'],
  ["Une foule s'est rassemblée devant l'ambassade.", 'se-rassembler', '141'],
  ['Une marche contre la guerre a eu lieu dimanche.', 'marche-contre', '141'],
  // 16 reduce relations
  ['Les Vingt-Sept ont prolongé les sanctions de six mois.', 'prolonger-sanctions', '163'],
  ["L'UE a durci les sanctions contre Minsk.", 'prolonger-sanctions', '163'],
  ["Washington a placé l'entreprise sous sanctions.", 'sous-sanctions', '163'],
  ['La banque est sous le coup de sanctions américaines.', 'sous-le-coup-de-sanctions', '163'],
  ['La Russie a coupé le robinet du gaz.', 'couper-robinet', '163'],
  ["La Russie a suspendu l'accord sur les céréales.", 'suspendre-accord', '160'],
  // 17 coerce
  ["L'opposant a été jeté en prison.", 'jeter-en-prison', '173'],
  ['Le Burkina a suspendu la diffusion de RFI.', 'suspendre-diffusion', '172'],
  ["Moscou a placé l'opposant sur la liste des terroristes.", 'liste-terroristes', '172'],
  ["Le régime a bloqué l'accès aux réseaux sociaux.", 'bloquer-acces', '172'],
  ["Minsk a déchu l'opposant de sa nationalité.", 'dechoir-nationalite', '172'],
  // 19 fight
  ['Les forces ukrainiennes ont repris la ville de Kherson.', 'reprendre-ville', '192'],
  ['Les rebelles se sont emparés de Goma.', 's-emparer', '192'],
  ['Les frappes russes ont visé Kharkiv.', 'frappes-nom', '195'],
  ['Un missile est tombé sur un immeuble de Kharkiv.', 'missile-s-abat', '195'],
  ['Des drones ont visé des infrastructures énergétiques.', 'viser-infrastructures', '190'],
  ['Les forces ont mené une incursion en territoire russe.', 'incursion', '190'],
  ["L'armée a pénétré dans la ville.", 'forces-progressent', '190'],
];

// Ordinary sentences holding the new entries' words in their everyday senses.
const NEGATIVE = [
  'Il a lu la presse du jour dans le train.',
  'Le village a été frappé par un séisme.',
  "La salle est équipée de l'air conditionné.",
  'La reprise économique de la région est nette.',
  'Les prix ont reculé face au dollar.',
  'Il a manifesté un vif intérêt pour la peinture.',
  'Le Rassemblement national a présenté son programme.',
  'La cible du tireur était à dix mètres.',
  "Les marches de l'escalier sont glissantes.",
  'Elle a posé la question au professeur.',
  "La commune a fixé les conditions d'inscription à la cantine.",
  'Il s’est engagé dans une course de fond.',
];

describe('fr triggers, round 6: the language’s phrasings for each CAMEO root', () => {
  it.each(POSITIVE)('"%s" selects %s (%s)', (sentence, id, code) => {
    expectSelected('fr', sentence, id, code);
  });

  it.each(NEGATIVE)('"%s" fires no trigger', (sentence) => {
    expect(selected(sentence)).toEqual([]);
  });

  it('keeps concern, not the saying, in "faire part de son inquiétude"', () => {
    expect(selected('Paris a fait part de son inquiétude.').map((s) => s.code)).toEqual(['012']);
  });

  it('keeps "manifestants" the protest noun when a number of them marched', () => {
    const ids = selected('Des milliers de manifestants ont défilé dans la capitale.').map((s) => s.id);
    expect(ids).toContain('manifestation');
  });
});
