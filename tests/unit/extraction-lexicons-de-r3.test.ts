import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEXICON_DIR } from '../../src/modules/extraction/lexicons.ts';
import { compilePattern, findAll } from '../../src/modules/extraction/text/patterns.ts';
import { tokenize } from '../../src/modules/extraction/text/tokens.ts';
import { selectTriggers } from '../support/triggers.ts';

interface TriggerEntry {
  id: string;
  pattern: string;
  code: string;
  frame: string;
}

const file = JSON.parse(readFileSync(`${LEXICON_DIR}/de/triggers.json`, 'utf8')) as {
  patterns: TriggerEntry[];
};
const compiled = file.patterns.map((p) => ({ ...p, compiled: compilePattern(p.pattern) }));

/** The triggers the rules engine keeps in the sentence. */
function selected(sentence: string): { id: string; code: string }[] {
  return selectTriggers('de', sentence);
}

function firing(sentence: string): string[] {
  const tokens = tokenize(sentence);
  return compiled.filter((p) => findAll(p.compiled, tokens).length > 0).map((p) => p.id);
}

// Round-3 phrasings of German agency reports, each with the new pattern it must select.
const POSITIVE: [string, string, string][] = [
  ['Die Sprecherin hob hervor, dass die Gespräche vertraulich bleiben.', 'hervorheben', '010'],
  ['Der Vizekanzler stellte klar, dass Berlin keine Truppen schicken werde.', 'klarstellen', '010'],
  ['Das Ministerium lehnte einen Kommentar zu dem Bericht ab.', 'kommentar-ablehnen', '011'],
  ['Die Regierung befürchtet eine weitere Eskalation an der Grenze.', 'befuerchten', '012'],
  ['Der Kreml stritt jede Beteiligung an dem Vorfall ab.', 'abstreiten', '016'],
  ['Der Präsident kondolierte den Angehörigen der Opfer.', 'kondolieren', '018'],
  ['Der Premierminister pflichtete seinem Amtskollegen bei.', 'beipflichten', '019'],
  [
    'Der Außenminister wandte sich mit einem dringenden Appell an die Vereinten Nationen.',
    'wandte-sich-an',
    '020',
  ],
  ['Litauen hat um militärische Hilfe gebeten.', 'um-hilfe-gebeten', '023'],
  ['Peking sicherte dem Nachbarland seine volle Unterstützung zu.', 'zusichern', '030'],
  ['Die Türkei bot sich als Vermittler zwischen den Kriegsparteien an.', 'als-vermittler', '039'],
  ['Die Außenminister tauschten sich am Rande des Gipfels über die Lage aus.', 'sich-austauschen', '040'],
  ['Die Kanzlerin flog am Morgen nach Washington.', 'fliegen-nach', '042'],
  ['Die Delegationen verständigten sich auf einen gemeinsamen Fahrplan.', 'verstaendigen-auf', '057'],
  [
    'Die Regierung stellte weitere 500 Millionen Euro für den Wiederaufbau bereit.',
    'geld-bereitstellen',
    '071',
  ],
  ['Der Staatsanwalt ermittelt wegen mutmaßlicher Kriegsverbrechen.', 'ermitteln-kriegsverbrechen', '094'],
  ['Der Minister beharrte auf der Rückzahlung der Schulden.', 'pochen-auf', '100'],
  ['Das Außenministerium zitierte den russischen Botschafter ins Ministerium.', 'botschafter-zitiert', '114'],
  ['Die Kommission erteilte dem Vorschlag eine klare Absage.', 'absage-erteilen', '120'],
  ['Der Präsident schloss einen Rücktritt kategorisch aus.', 'ablehnen-ruecktritt', '1231'],
  ['Die Europäische Union belegte drei Banken mit Sanktionen.', 'belegte-mit-sanktionen', '163'],
  ['Estland rief seinen Botschafter zu Konsultationen zurück.', 'zu-konsultationen-zurueck', '161'],
  ['Tausende Menschen gingen in der Hauptstadt auf die Straße.', 'auf-die-strasse', '141'],
  ['Die Regierung hat die diplomatischen Beziehungen auf Eis gelegt.', 'auf-eis-gelegt', '160'],
  ['Die Armee verlegte zusätzliche Kampfjets an die Ostgrenze.', 'kriegsgeraet-verlegen', '154'],
  ['Der Außenminister erhielt eine Einladung nach Peking.', 'einladung-erhalten', '036'],
];

// Ordinary sentences close to the new patterns' words, in which no trigger may fire at all.
const NEGATIVE = [
  'In den kommenden Tagen soll es in Bayern sonnig bleiben.',
  'Der Sänger trat bei einem Konzert in Wien auf.',
  'Die Polizei sicherte den Unfallort ab.',
  'Der Zug kam mit zehn Minuten Verspätung in Hamburg an.',
  'Das neue Stadion bietet Platz für 40.000 Zuschauer.',
  'Sie legte das Buch auf den Tisch.',
  'Die Kinder bestanden die Prüfung mit guten Noten.',
  'Der Fluss trat nach dem starken Regen über die Ufer.',
  'Die Preise für Strom sind im Winter deutlich gestiegen.',
  'Der Koch schnitt die Zwiebeln in feine Würfel.',
];

describe('de triggers, round 3: new phrasings select their pattern', () => {
  it.each(POSITIVE)('"%s" selects %s (%s)', (sentence, id, code) => {
    const hit = selected(sentence).find((s) => s.id === id);
    expect(hit, JSON.stringify(selected(sentence))).toBeDefined();
    expect(hit!.code).toBe(code);
  });

  it.each(NEGATIVE)('"%s" fires no trigger', (sentence) => {
    expect(firing(sentence)).toEqual([]);
  });
});

describe('de triggers, round 3: the frames the engine reads roles by', () => {
  const frameOf = (id: string) => file.patterns.find((p) => p.id === id)?.frame;

  it('reads received invitations, aid and weapons with the RECEIVE frame', () => {
    expect(
      ['einladung-erhalten', 'hilfe-erhalten', 'waffen-erhalten', 'brief-erhalten'].map(frameOf),
    ).toEqual(['RECEIVE', 'RECEIVE', 'RECEIVE', 'RECEIVE']);
  });

  it('reads "zitierte den Botschafter ins Ministerium" as a summons, not as a quotation', () => {
    const hit = selected('Berlin zitierte den Geschäftsträger ins Auswärtige Amt.');
    expect(hit.map((s) => s.id)).toEqual(['botschafter-zitiert']);
  });
});
