import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEXICON_DIR } from '../../src/modules/extraction/lexicons.ts';
import { compilePattern, findAll } from '../../src/modules/extraction/text/patterns.ts';
import { tokenize } from '../../src/modules/extraction/text/tokens.ts';
import { expectSelected, selectTriggers } from '../support/triggers.ts';

interface Entry {
  id: string;
  pattern: string;
}

const triggers = JSON.parse(readFileSync(`${LEXICON_DIR}/de/triggers.json`, 'utf8')) as { patterns: Entry[] };
const compiled = triggers.patterns.map((p) => ({ ...p, compiled: compilePattern(p.pattern) }));

function firing(sentence: string): string[] {
  const tokens = tokenize(sentence);
  return compiled.filter((p) => findAll(p.compiled, tokens).length > 0).map((p) => p.id);
}

// Round-6 coverage families (wire-agency phrasings per CAMEO root, not taken from the dev
// articles), each in a sentence of our own, with the pattern and code it must select.
const POSITIVE: [string, string, string][] = [
  ['Die Länder tauschten Geheimdienstinformationen aus.', 'informationen-tauschten-aus', '064'],
  ['Die Rebellen legten die Waffen nieder.', 'waffen-niederlegen-trennbar', '0873'],
  ['Die Arbeiter legten die Arbeit nieder.', 'arbeit-niederlegen', '143'],
  ['Die Regierung lockerte die Beschränkungen.', 'beschraenkungen-lockern-aktiv', '081'],
  ['Ungarn blockierte die Sanktionen.', 'blockierte-sanktionen', '129'],
  ['Die Regierung stoppte die Hilfszahlungen.', 'zahlungen-stoppen', '162'],
  ['Das Treffen wurde abgesagt.', 'treffen-wurde-abgesagt', '164'],
  ['Russland stieg aus dem Abkommen aus.', 'stieg-aus-abkommen', '160'],
  ['Die USA kündigten den Ausstieg aus dem Vertrag an.', 'ausstieg-abkommen', '160'],
  ['Washington ist aus dem Atomabkommen ausgestiegen.', 'abkommen-ausgestiegen', '160'],
  ['Die Polizei ging gewaltsam gegen die Demonstranten vor.', 'ging-gewaltsam-gegen', '175'],
  ['Bei den Kämpfen wurden zehn Soldaten getötet.', 'kaempfen-dativ', '190'],
  ['Die Truppen rückten auf die Stadt vor.', 'vorruecken', '190'],
  ['Die beiden Länder bauen ihre Zusammenarbeit aus.', 'zusammenarbeit-ausbauen-trennbar', '050'],
  ['Die Staaten schlossen einen Pakt.', 'pakt-schliessen', '057'],
  ['Die Regierung nahm die Entscheidung zurück.', 'entscheidung-zuruecknehmen', '080'],
  ['Das Parlament hat das Gesetz zurückgenommen.', 'entscheidung-zurueckgenommen', '080'],
  ['Die Separatisten stimmten einem Waffenstillstand zu.', 'waffenruhe-zustimmen', '0871'],
  ['Die Armee stellte das Feuer ein.', 'feuer-einstellen-trennbar', '0871'],
  ['Der Minister griff die Opposition scharf an.', 'griff-scharf-an', '111'],
  ['Die Armee kündigte Vergeltungsschläge an.', 'vergeltung-ankuendigen', '130'],
  ['Der Präsident stellte eine harte Reaktion in Aussicht.', 'reaktion-in-aussicht', '130'],
  ['Das Parlament stimmte gegen das Abkommen.', 'stimmte-gegen', '120'],
  ['Vor der Botschaft versammelten sich Hunderte Menschen.', 'versammelten-sich', '141'],
  ['Hunderte Demonstranten versammelten sich vor dem Parlament.', 'menge-versammelte', '141'],
  ['Die Regierung kappte die diplomatischen Beziehungen.', 'beziehungen-kappen', '161'],
  ['Die Regierung schränkte die Zusammenarbeit ein.', 'zusammenarbeit-einschraenken', '160'],
  ['Die Kontakte wurden stark eingeschränkt.', 'zusammenarbeit-eingeschraenkt', '160'],
  ['Die Regierung verringerte ihr Botschaftspersonal.', 'botschaftspersonal-reduzieren', '161'],
  ['Der Oppositionsführer wurde unter Hausarrest gestellt.', 'hausarrest', '173'],
  ['Die Behörden sperrten den Zugang zu sozialen Netzwerken.', 'zugang-sperren', '172'],
  ['Die Truppen drangen in die Stadt ein.', 'drangen-ein', '192'],
  ['Die Streitkräfte starteten eine Bodenoffensive.', 'bodenoffensive', '190'],
  ['Der Kreml wies die Berichte als Falschmeldung zurück.', 'berichte-zurueckweisen', '016'],
  ['Die Ministerin kündigte einen Besuch in Kiew an.', 'besuch-ankuendigen', '036'],
  ['Die Opposition kündigte Massenproteste an.', 'proteste-ankuendigen', '140'],
  ['Beide Länder wollen künftig enger zusammenarbeiten.', 'enger-zusammenarbeiten', '030'],
  ['Der Sprecher nahm zu den Vorwürfen Stellung.', 'stellung-nehmen', '010'],
  ['Der Präsident zeigte sich gesprächsbereit.', 'gespraechsbereit', '036'],
  ['Die beiden Staaten demonstrierten Schulterschluss.', 'schulterschluss', '051'],
  ['Der Kanzler gab der Ukraine Rückendeckung.', 'rueckendeckung-geben', '051'],
  ['Die Regierung willigte in die Verhandlungen ein.', 'einwilligen', '080'],
  ['Ungarn stellte sich gegen die Sanktionen quer.', 'querstellen', '120'],
  ['Die Polizei führte eine Razzia bei Oppositionellen durch.', 'razzia', '175'],
  ['Gegen den Oppositionsführer wurde Haftbefehl erlassen.', 'haftbefehl', '173'],
  ['Die Journalistin wurde zur Fahndung ausgeschrieben.', 'zur-fahndung', '173'],
  ['Die Armee nahm die Stadt unter Feuer.', 'unter-feuer', '194'],
  ['Die Regierung wies den Botschafter an, das Land zu verlassen.', 'land-zu-verlassen', '174'],
  [
    'Die Regierung stellte die diplomatischen Beziehungen wieder her.',
    'beziehungen-wiederhergestellt',
    '050',
  ],
  ['Peking protestierte scharf gegen den Besuch.', 'protestierte-scharf', '114'],
  ['Die Hilfszahlungen wurden eingefroren.', 'zahlungen-gestoppt', '162'],
  ['Das Land hat die Beziehungen gekappt.', 'beziehungen-gekappt', '161'],
  ['Die Armee kündigte eine Großoffensive an.', 'offensive-ankuendigen', '138'],
  ['Der Sprecher wollte keine Stellung nehmen.', 'keine-stellung-nehmen', '011'],
  ['Die Regierung hat zur Kritik Stellung genommen.', 'stellung-genommen', '010'],
  ['Die Gewerkschaft hat die Arbeit niedergelegt.', 'arbeit-niedergelegt', '143'],
  ['Die Regierung wies Forderungen nach einem Rücktritt zurück.', 'forderungen-zurueckweisen', '120'],
  ['Der Präsident schlug das Angebot aus.', 'ausschlagen', '125'],
  ['Die Regierung zog ihre Diplomaten ab.', 'diplomaten-abziehen', '161'],
  ['Die Armee nahm mehrere Soldaten gefangen.', 'nahm-gefangen', '173'],
  ['Die Polizei nahm den Verdächtigen in Gewahrsam.', 'nahm-in-gewahrsam', '173'],
  ['Drohnen attackierten die Raffinerie.', 'attackieren', '190'],
  ['Raketen schlugen in einem Wohnhaus ein.', 'raketen-schlugen-ein', '195'],
  ['Die Türkei gab grünes Licht für den Beitritt Schwedens.', 'gab-gruenes-licht', '080'],
  ['Die Berichte wurden umgehend dementiert.', 'berichte-zurueckgewiesen', '016'],
  ['Für Mai ist ein Besuch in Warschau angekündigt.', 'besuch-angekuendigt', '036'],
  ['Grünes Licht für den Beitritt kam am Montag aus Ankara.', 'gruenes-licht', '080'],
  ['Das Hilfsangebot wurde ausgeschlagen.', 'ausgeschlagen', '125'],
  ['Die Diplomaten wurden aus Khartum abgezogen.', 'diplomaten-abgezogen', '161'],
  ['Der Einschlag beschädigte mehrere Häuser.', 'einschlag', '195'],
  ['Die Bundesregierung legte Russland nahe, die Truppen abzuziehen.', 'nahelegen', '020'],
  ['Der Kanzler hat Teheran eine Mäßigung nahegelegt.', 'nahegelegt', '020'],
  ['Der Premier hielt Rücksprache mit den Verbündeten.', 'ruecksprache', '040'],
  ['Die Länder beschlossen eine engere Zusammenarbeit.', 'engere-zusammenarbeit-beschlossen', '030'],
  ['Die Länder nahmen ihre diplomatischen Beziehungen wieder auf.', 'beziehungen-wieder-aufnehmen', '050'],
  ['Der Minister sprach der Regierung sein Vertrauen aus.', 'vertrauen-aussprechen', '051'],
];

// Ordinary sentences near the new patterns' words (tauschen, vorrücken, eindringen, verlassen,
// kämpfen, grünes Licht, versammeln, niederlegen, sperren, Offensive), in which no trigger fires.
const NEGATIVE = [
  'Die Kinder tauschten in der Pause Aufkleber aus.',
  'Der Zeiger der Uhr rückte langsam vor.',
  'Wasser drang in den Keller ein.',
  'Viele junge Leute planen, das Land zu verlassen.',
  'Die Familie musste lange um den Erhalt des Hofes kämpfen.',
  'An der Kreuzung leuchtete grünes Licht.',
  'Die Schüler versammelten sich in der Aula.',
  'Sie legte das Buch auf den Tisch.',
  'Die Bank sperrte die Kreditkarte.',
  'Der Sänger startete im Frühjahr eine Charmeoffensive.',
];

describe('de triggers, round 6: coverage families select their pattern', () => {
  it.each(POSITIVE)('"%s" selects %s (%s)', (sentence, id, code) => {
    expectSelected('de', sentence, id, code);
  });

  it.each(NEGATIVE)('"%s" fires no trigger', (sentence) => {
    expect(firing(sentence)).toEqual([]);
  });
});

describe('de triggers, round 6: collocations outrank the generic word inside them', () => {
  it('reads a cancelled meeting as a cancellation, not as a meeting', () => {
    expect(selectTriggers('de', 'Das Gipfeltreffen wurde kurzfristig abgesagt.').map((s) => s.code)).toEqual([
      '164',
    ]);
  });

  it('reads an announced retaliation as a threat, not as a statement', () => {
    const codes = selectTriggers('de', 'Teheran kündigte harte Gegenmaßnahmen an.').map((s) => s.code);
    expect(codes).toContain('130');
    expect(codes).not.toContain('010');
  });

  it('reads a sharp verbal attack as criticism, not as fighting', () => {
    const codes = selectTriggers('de', 'Die Ministerin griff den Kanzler heftig an.').map((s) => s.code);
    expect(codes).toEqual(['111']);
  });
});
