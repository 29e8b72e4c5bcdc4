import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEXICON_DIR } from '../../src/modules/extraction/lexicons.ts';
import { compilePattern, findAll } from '../../src/modules/extraction/text/patterns.ts';
import { tokenize } from '../../src/modules/extraction/text/tokens.ts';
import { selectTriggers } from '../support/triggers.ts';

interface Entry {
  id: string;
  pattern: string;
}

const triggers = JSON.parse(readFileSync(`${LEXICON_DIR}/de/triggers.json`, 'utf8')) as { patterns: Entry[] };
const grammar = JSON.parse(readFileSync(`${LEXICON_DIR}/de/grammar.json`, 'utf8')) as Record<string, unknown>;
const discourse = JSON.parse(readFileSync(`${LEXICON_DIR}/de/discourse.json`, 'utf8')) as {
  clauseBreaks: string[];
};
const compiled = triggers.patterns.map((p) => ({ ...p, compiled: compilePattern(p.pattern) }));

function firing(sentence: string): string[] {
  const tokens = tokenize(sentence);
  return compiled.filter((p) => findAll(p.compiled, tokens).length > 0).map((p) => p.id);
}

function markerFires(list: string, id: string, sentence: string): boolean {
  const entries = grammar[list] as Entry[];
  const entry = entries.find((m) => m.id === id);
  if (!entry) throw new Error(`no ${list} marker ${id}`);
  return findAll(compilePattern(entry.pattern), tokenize(sentence)).length > 0;
}

// Round-4 families, each in a sentence of our own, with the pattern and code it must select.
const POSITIVE: [string, string, string][] = [
  ['Die Niederlande wollen der Ukraine weitere Haubitzen liefern.', 'waffen-geliefert', '072'],
  ['Die ersten Kampfjets sollen im Sommer in Rumänien eintreffen.', 'waffen-eintreffen', '072'],
  ['Kanada sagte der Ukraine weitere Munition zu.', 'waffen-zusagen-trennbar', '0332'],
  ['Schweden hat beschlossen, Schützenpanzer an Kiew abzugeben.', 'waffen-entschieden', '0332'],
  ['Frankreich kündigte die Lieferung von Radpanzern an.', 'lieferung-angekuendigt', '0332'],
  ['Norwegen hat die Lieferung von Luftabwehrsystemen zugesagt.', 'lieferung-zugesagt-nachgestellt', '0332'],
  ['Das Vorgehen wurde von der Opposition scharf kritisiert.', 'von-kritisiert', '111'],
  ['Der Vorschlag wurde von Moskau umgehend abgelehnt.', 'von-abgelehnt', '120'],
  ['Die Einigung wurde von Brüssel ausdrücklich begrüßt.', 'von-begruesst', '051'],
  ['Der Minister nannte die Entscheidung unverantwortlich.', 'nannte-kritisch', '111'],
  ['Die Regierung verfolge eine destruktive Politik, sagte der Sprecher.', 'destruktiv', '111'],
  ['Das ist eine gezielte Provokation, sagte die Ministerin.', 'provokation', '111'],
  ['Berlin bestellt den Gesandten der russischen Botschaft ein.', 'botschafter-einbestellen', '114'],
  ['Die Regierung will zusätzliche Soldaten in den Norden verlegen.', 'truppen-verlegen-nachgestellt', '154'],
  ['Die Truppenverlegung an die Grenze dauert an.', 'truppenverlegung', '154'],
  ['Die Verlegung von zusätzlichen Soldaten begann im Mai.', 'verlegung-von-truppen', '154'],
  ['Die Regierung informierte die Partner über die Ergebnisse.', 'informieren-ueber', '064'],
  ['Die Verbündeten seien über den Angriff informiert worden.', 'ueber-informiert', '064'],
  ['Washington wurde rechtzeitig in Kenntnis gesetzt.', 'in-kenntnis-gesetzt', '064'],
  ['Die Erkenntnisse wurden an die Partnerdienste weitergegeben.', 'informationen-weitergegeben', '064'],
  ['Finnland will die Grenze zu Russland vollständig schließen.', 'grenze-schliessen', '172'],
  ['Die Regierung schloss alle Grenzübergänge für Lastwagen.', 'schloss-grenze', '172'],
  ['Die Grenzschließung trifft vor allem Pendler.', 'grenzschliessung', '172'],
  ['Die Zusammenarbeit habe ein neues Niveau erreicht, sagte der Premier.', 'beziehungen-hoehen', '051'],
  ['Das Verhältnis sei auf einem Höchststand, sagte der Gast.', 'beziehungen-hoechststand', '051'],
  ['Brasilien will einen Friedensplan vorlegen.', 'friedensplan-vorlegen', '037'],
  ['Ankara hat einen Vorschlag für eine diplomatische Lösung vorgelegt.', 'loesungsplan-vorlegen', '037'],
  ['Der Präsident legte einen Friedensplan in zehn Punkten vor.', 'legte-friedensplan-vor', '037'],
  ['Norwegen will sich den Sanktionen der EU anschließen.', 'sanktionen-anschliessen', '163'],
  ['Die Schweiz schloss sich den Sanktionen an.', 'schloss-sich-sanktionen-an', '163'],
  ['Der Konzern drosselte die Gaslieferungen nach Österreich.', 'lieferungen-drosseln-aktiv', '163'],
  [
    'Die Lieferungen nach Italien wurden wegen angeblicher Wartungsarbeiten an einer Station um die Hälfte gedrosselt.',
    'lieferungen-gedrosselt',
    '163',
  ],
  ['Ein Lieferstopp träfe die Industrie hart.', 'lieferstopp', '163'],
  ['Die Regierung verzichtete auf weitere Ansprüche.', 'verzichten', '080'],
  ['Der Verzicht Finnlands auf die Gebiete gilt bis heute.', 'verzicht', '080'],
  ['Litauen will den Streit vor den Internationalen Gerichtshof bringen.', 'vor-gericht-bringen', '115'],
  ['Die Raketen würden sofort zerstört, sagte der General.', 'waffen-zerstoeren-drohung', '138'],
  ['Westliche Waffenlager seien legitime Ziele, sagte der Sprecher.', 'legitime-ziele', '138'],
  ['Der Präsident gratulierte ihm in einem Telefonat zum Wahlsieg.', 'in-einem-telefonat', '041'],
  ['Die Forderung kam überraschend.', 'forderung', '100'],
  ['Die Kommission äußerte Sorge über die Lage im Süden.', 'sorge-aeussern', '012'],
  ['Berlin beobachtet die Entwicklung mit Sorge.', 'mit-sorge', '012'],
  ['Es gebe tiefe Sorge in der Region, sagte die Gesandte.', 'grosse-sorge', '012'],
  ['Die Kanzlerin nahm an dem Gipfel in Madrid teil.', 'nahm-teil', '040'],
  ['Die Minister unterzeichneten ein Abkommen über Wasserstoff.', 'unterzeichnen', '057'],
  ['Der Vertrag wurde am Freitag in Rom unterzeichnet.', 'unterzeichnet-nachgestellt', '057'],
  ['Die Präsidenten wollen sich im Juni in Genf treffen.', 'sich-treffen', '040'],
  ['Die Außenminister treffen sich am Montag in Rom.', 'treffen-sich', '040'],
  ['Die Ministerin will am Montag ihren Amtskollegen in Rom treffen.', 'modal-treffen', '040'],
  ['Das Treffen dauerte drei Stunden.', 'treffen-nomen', '040'],
];

// Ordinary sentences near the new patterns' words (brennen, schließen, unterschreiben, Sorge,
// Lieferung, sorgen, treffen in its sense of deciding or hitting), in which no trigger of the lexicon may fire at all.
const NEGATIVE = [
  'Die Sonne brannte den ganzen Tag auf den Strand.',
  'Die Bäckerei schließt am Sonntag schon um zwölf Uhr.',
  'Die Schüler unterschrieben die Liste am Eingang.',
  'Die Sorge um die Ernte ist bei den Bauern groß.',
  'Die Lieferung der Möbel verzögert sich um eine Woche.',
  'Der Chef sorgte für gute Stimmung im Team.',
  'Im Museum hängt ein Gemälde aus dem 18. Jahrhundert.',
  'Die Mannschaft trainiert zweimal pro Woche im Stadion.',
  'Der Gärtner schnitt im Herbst die Rosen zurück.',
  'Das Wasser im See war im Sommer angenehm warm.',
  'Die Regierung wird bald eine Entscheidung treffen.',
  'Die neuen Zölle werden die Autoindustrie hart treffen.',
];

describe('de triggers, round 4: new families select their pattern', () => {
  it.each(POSITIVE)('"%s" selects %s (%s)', (sentence, id, code) => {
    const hit = selectTriggers('de', sentence).find((s) => s.id === id);
    expect(hit, JSON.stringify(selectTriggers('de', sentence))).toBeDefined();
    expect(hit!.code).toBe(code);
  });

  it.each(NEGATIVE)('"%s" fires no trigger', (sentence) => {
    expect(firing(sentence)).toEqual([]);
  });
});

describe('de triggers, round 4: narrowed patterns', () => {
  it('reads "hat gesagt, die Panzer …" as speech, not as a pledge of weapons', () => {
    const codes = selectTriggers('de', 'Der Sprecher sagte, die Panzer seien veraltet.').map((s) => s.code);
    expect(codes).not.toContain('0332');
  });

  it('reads the noun "Treffen" after an article as a meeting noun, not as the verb', () => {
    const hit = selectTriggers('de', 'Bei dem Treffen ging es um Energie.').find((s) => s.code === '040');
    expect(hit?.id).toBe('treffen-nomen');
  });

  it('reads "die Forderung" as a noun, so that a verb of the sentence names the event', () => {
    const ids = selectTriggers('de', 'Die Regierung hat die Forderung zurückgewiesen.').map((s) => s.id);
    expect(ids).toEqual(['forderung', 'zurueckgewiesen']);
  });
});

describe('de grammar and discourse, round 4', () => {
  it('reads "notfalls" and the reported "könne" as hypothetical', () => {
    expect(markerFires('hypothetical', 'notfalls', 'Man werde notfalls vor Gericht ziehen.')).toBe(true);
    expect(markerFires('hypothetical', 'konjunktiv-1-koennen', 'Russland könne reagieren.')).toBe(true);
  });

  it('reads "kündigte an, … zu verlegen" as a plan, but not "kündigte die Lieferung an"', () => {
    expect(markerFires('planned', 'ankuendigen-zu', 'Rom kündigte an, Truppen zu verlegen.')).toBe(true);
    expect(markerFires('planned', 'ankuendigen-zu', 'Rom kündigte die Lieferung an.')).toBe(false);
  });

  it('does not break a clause at an article or at a mid-clause "aber"', () => {
    for (const word of ['der', 'die', 'das', 'aber', 'jedoch'])
      expect(discourse.clauseBreaks).not.toContain(word);
    expect(discourse.clauseBreaks).toContain('dass');
  });
});
