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

const readLexicon = <T>(file: string) => JSON.parse(readFileSync(`${LEXICON_DIR}/de/${file}`, 'utf8')) as T;
const triggers = readLexicon<{ patterns: Entry[] }>('triggers.json');
const grammar = readLexicon<Record<string, unknown>>('grammar.json');
const titles = readLexicon<{ titles: { id: string; org: string }[] }>('titles.json');
const demonyms = readLexicon<{ demonyms: { id: string; country: string; stems: string[] }[] }>(
  'demonyms.json',
);
const compiled = triggers.patterns.map((p) => ({ ...p, compiled: compilePattern(p.pattern) }));

function firing(sentence: string): string[] {
  const tokens = tokenize(sentence);
  return compiled.filter((p) => findAll(p.compiled, tokens).length > 0).map((p) => p.id);
}

function markerFires(list: string, id: string, sentence: string): boolean {
  const entry = (grammar[list] as Entry[]).find((m) => m.id === id);
  if (!entry) throw new Error(`no ${list} marker ${id}`);
  return findAll(compilePattern(entry.pattern), tokenize(sentence)).length > 0;
}

// Round-5 families, each in a sentence of our own, with the pattern and code it must select.
const POSITIVE: [string, string, string][] = [
  [
    'Teheran sei zu direkten Gesprächen mit der Regierung in Washington über das Atomprogramm bereit.',
    'zu-gespraechen-bereit',
    '036',
  ],
  ['Belgrad sei für weitere Gespräche mit Pristina über die Zukunft bereit.', 'zu-gespraechen-bereit', '036'],
  ['Die Vermittlung der Türkei brachte den Durchbruch.', 'vermittlung-nomen', '045'],
  ['Norwegen hat zwischen den Parteien vermittelt.', 'vermitteln', '045'],
  ['Die Freilassung der Journalistin kam überraschend.', 'freilassung-nomen', '0841'],
  ['Die Behörden wollen die Aktivisten bald freilassen.', 'freilassen', '084'],
  ['Die Ukraine hat zwanzig verschleppte Kinder zurückerhalten.', 'zurueckerhalten', '084'],
  ['Der Reporter ist nach elf Monaten aus russischer Haft freigekommen.', 'aus-haft-zurueck', '0841'],
  ['Beide Seiten haben erneut Gefangene ausgetauscht.', 'gefangene-ausgetauscht', '0841'],
  ['Moskau und Kiew tauschten am Sonntag Hunderte Gefangene aus.', 'tauschten-gefangene', '0841'],
  ['Die Ausweisung des Attachés sorgte für Empörung.', 'ausweisung-nomen', '174'],
  ['Die Regierung will drei Korrespondenten ausweisen.', 'ausweisen', '174'],
  ['Minsk droht, den Konsul des Landes zu verweisen.', 'des-landes-verwiesen', '174'],
  ['Der Oppositionelle wurde am Flughafen in Haft genommen.', 'haft', '173'],
  ['Die Familie des inhaftierten Reporters bangt um ihn.', 'inhaftierte-attributiv', '173'],
  ['Ein Gericht hat den Blogger zu sieben Jahren Haft verurteilt.', 'zu-haft-verurteilt', '173'],
  ['Das Gericht verurteilte den Aktivisten zu drei Jahren Straflager.', 'verurteilte-zu-haft', '173'],
  ['Die Regierung machte der Opposition weitgehende Zugeständnisse.', 'zugestaendnisse-machen', '080'],
  ['Am Rande der Sicherheitskonferenz kam es zu einem Austausch.', 'am-rande', '044'],
  ['Der Kanzler hat mit dem Premier über Energiepreise gesprochen.', 'mit-ueber-gesprochen', '040'],
  ['Die Ministerin nannte den Bericht einseitig.', 'nannte-kritisch', '111'],
  ['Das sei ein feindseliger Schritt, sagte der Sprecher.', 'unfreundlicher-akt', '111'],
  ['Das Land nutze seine Konsulate für Spionage, sagte der Minister.', 'missbrauch-spionage', '1125'],
  ['Der Attaché soll für Peking spioniert haben.', 'spionieren', '1125'],
  ['Die Botschaft in Minsk wird vorerst geschlossen.', 'botschaft-geschlossen', '161'],
  ['Die Botschaftsschließung trifft Tausende Antragsteller.', 'botschaftsschliessung', '161'],
  ['Eine harte Reaktion sei unausweichlich, sagte der Sprecher.', 'angemessene-antwort', '130'],
  ['Man werde angemessen reagieren, sagte die Sprecherin.', 'angemessen-reagieren', '130'],
  ['Die Regierung werde keinem Kompromiss zustimmen.', 'keinem-zustimmen', '120'],
  [
    'Die Regierung lehnte die gestern von den Vermittlern in Genf vorgelegte Liste neuer Bedingungen erneut ab.',
    'lehnte-ab-weit',
    '120',
  ],
  ['Die Opposition lehnte den Entwurf der Regierung ab.', 'lehnte-plan-ab', '127'],
  ['Der Kompromissentwurf wurde abgelehnt.', 'plan-abgelehnt', '127'],
  ['Brüssel verhängte neue Strafmaßnahmen gegen Teheran.', 'sanktionen-verhaengen', '163'],
  ['Die Strafmaßnahmen wurden im Mai verhängt.', 'sanktionen-verhaengt', '163'],
  ['Die Einreiseverbote sollen aufgehoben werden.', 'sanktionen-gelockert', '085'],
  ['Washington verschärfte die Exportkontrollen für Halbleiter.', 'exportkontrollen-verhaengt', '163'],
  ['Die Ministerin reist nach Kairo, um dort über eine Waffenruhe zu verhandeln.', 'reise-um-zu', '042'],
];

// Ordinary sentences near the new patterns' words (Rande, Haft, Botschaft, Antwort, lehnen,
// Entwurf, zurück), in which no trigger of the lexicon may fire at all.
const NEGATIVE = [
  'Die Zuschauer standen am Rande des Spielfelds.',
  'Der Lehrer sitzt seit einer Stunde im Zug.',
  'Die Botschaft des Films ist einfach.',
  'Der Laden schließt um acht Uhr.',
  'Die Antwort auf die Frage war richtig.',
  'Die Schüler lehnten ihre Fahrräder an die Mauer.',
  'Mit dem neuen Rad fuhr sie über die Brücke.',
  'Die Entwürfe des Architekten hängen im Foyer.',
  'Der Koch schmeckte die Suppe mit Salz ab.',
  'Der Maler verbrachte den Winter in seinem Atelier.',
];

describe('de triggers, round 5: new families select their pattern', () => {
  it.each(POSITIVE)('"%s" selects %s (%s)', (sentence, id, code) => {
    expectSelected('de', sentence, id, code);
  });

  it.each(NEGATIVE)('"%s" fires no trigger', (sentence) => {
    expect(firing(sentence)).toEqual([]);
  });
});

describe('de triggers, round 5: narrowed patterns', () => {
  it('reads a court sentence as legal action, not as a condemnation', () => {
    const codes = selectTriggers('de', 'Der Journalist wurde zu zwölf Jahren Lagerhaft verurteilt.').map(
      (s) => s.code,
    );
    expect(codes).toEqual(['173']);
  });

  it('reads "sitzt in Haft" as a state, not as an arrest', () => {
    expect(firing('Der Unternehmer sitzt seit dem Frühjahr in Haft.')).toEqual([]);
  });

  it('reads the margins of a press conference as no meeting', () => {
    const ids = selectTriggers('de', 'Das sagte sie am Rande einer Pressekonferenz.').map((s) => s.id);
    expect(ids).not.toContain('am-rande');
  });

  it('reads the nouns of mediation, release and expulsion as NOUN, so that a verb of the sentence names the event', () => {
    const pos = new Map(triggers.patterns.map((p) => [p.id, (p as Entry & { pos: string }).pos]));
    for (const id of ['vermittlung-nomen', 'freilassung-nomen', 'ausweisung-nomen', 'verurteilenswert'])
      expect(pos.get(id), id).toBe('NOUN');
    const ids = selectTriggers('de', 'Wir danken Katar für die Vermittlung.').map((s) => s.id);
    expect(ids).toEqual(['danken', 'vermittlung-nomen']);
  });

  it('reads an export control as an imposition only beside its verb', () => {
    expect(firing('Der Händler umging jahrelang die Exportkontrollen.')).not.toContain('sanktionen-nomen');
  });

  it('reads a purpose clause of a trip as part of the trip', () => {
    const codes = selectTriggers('de', 'Der Minister fliegt nach Ankara, um mit Erdoğan zu sprechen.').map(
      (s) => s.code,
    );
    expect(codes).toEqual(['042']);
  });
});

describe('de grammar, titles and demonyms, round 5', () => {
  it('reads a modal before a verb of talks, and the next round of talks, as a plan', () => {
    expect(
      markerFires(
        'planned',
        'modal-verbende',
        'Die Präsidentin will am Freitag mit dem Premier telefonieren.',
      ),
    ).toBe(true);
    expect(markerFires('planned', 'naechste-runde', 'Die nächste Runde der Gespräche beginnt im Mai.')).toBe(
      true,
    );
    expect(
      markerFires('planned', 'soll-stattfinden', 'Das Treffen der Minister soll in Wien stattfinden.'),
    ).toBe(true);
    expect(markerFires('planned', 'soll-stattfinden', 'Das Treffen der Minister fand in Wien statt.')).toBe(
      false,
    );
  });

  it('makes an ambassador speak for the state, not for its foreign ministry', () => {
    const org = new Map(titles.titles.map((t) => [t.id, t.org]));
    expect(org.get('botschafter')).toBe('country');
    expect(org.get('un-botschafter')).toBe('country');
    expect(org.get('aussenminister')).toBe('foreign-ministry');
  });

  it('knows the demonyms of the Gulf and the Balkans', () => {
    const byStem = new Map(demonyms.demonyms.flatMap((d) => d.stems.map((s) => [s, d.country] as const)));
    expect(byStem.get('emiratisch')).toBe('AE');
    expect(byStem.get('katarisch')).toBe('QA');
    expect(byStem.get('kosovarisch')).toBe('XK');
    expect(byStem.get('albanisch')).toBe('AL');
  });
});
