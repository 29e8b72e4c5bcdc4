import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLexicons, LEXICON_DIR } from '../../src/modules/extraction/lexicons.ts';
import { compilePattern, findAll } from '../../src/modules/extraction/text/patterns.ts';
import { splitSentences } from '../../src/modules/extraction/text/sentences.ts';
import { tokenize } from '../../src/modules/extraction/text/tokens.ts';
import type { Draft } from '../../src/modules/extraction/types.ts';
import { extractWithSeed } from '../support/extract.ts';
import { expectSelected, selectTriggers } from '../support/triggers.ts';

interface Entry {
  id: string;
  pattern: string;
}

const readLexicon = <T>(file: string) => JSON.parse(readFileSync(`${LEXICON_DIR}/de/${file}`, 'utf8')) as T;
const triggers = readLexicon<{ patterns: Entry[] }>('triggers.json');
const grammar = readLexicon<Record<string, unknown>>('grammar.json');
const compiled = triggers.patterns.map((p) => ({ ...p, compiled: compilePattern(p.pattern) }));

function firing(sentence: string): string[] {
  const tokens = tokenize(sentence);
  return compiled.filter((p) => findAll(p.compiled, tokens).length > 0).map((p) => p.id);
}

function markerFires(list: string, sentence: string): string[] {
  const tokens = tokenize(sentence);
  return (grammar[list] as Entry[])
    .filter((m) => findAll(compilePattern(m.pattern), tokens).length > 0)
    .map((m) => m.id);
}

const codes = (d: Draft) => d.events.map((e) => e.cameoCode);

// Round-8 families, each in a sentence of our own (none is in a fixture), with the entry and
// the code it must select.
const POSITIVE: [string, string, string][] = [
  ['Peking hat alle Einfuhren von Rindfleisch aus Australien gestoppt.', 'einfuhren-gestoppt', '163'],
  ['Moskau stoppte die Importe von polnischem Obst.', 'stoppte-einfuhren', '163'],
  ['Die Regierung will prüfen, ob sie die Hilfen aufstockt.', 'pruefen-ob', '014'],
  ['Wer unsere Grenzen verletzt, wird dafür teuer bezahlen.', 'dafuer-bezahlen', '130'],
  ['Der Aggressor werde einen hohen Preis zahlen.', 'hohen-preis-zahlen', '130'],
  ['Frankreich wird sich an der Beobachtermission beteiligen.', 'sich-beteiligen-werde', '030'],
  ['Vor dem Rathaus in Kiew wurde die Flagge der EU gehisst.', 'flagge-gehisst', '017'],
  ['Die Soldaten hissten die Fahne über der Stadt.', 'hisste-flagge', '017'],
  ['Der Präsident sprach von einem historischen Moment für die Region.', 'sprach-von-historisch', '051'],
  ['Die Kanzlerin nannte das Abkommen einen historischen Erfolg.', 'nannte-historisch', '051'],
  ['Finnland hat die Beitrittsurkunde in Washington hinterlegt.', 'urkunde-hinterlegt', '057'],
  ['Am Dienstag stimmte der Senat in Rom dem Abkommen zu.', 'stimmte-beitritt-zu', '057'],
  ['Das Parlament hat dem Beitritt Finnlands zugestimmt.', 'beitritt-zugestimmt', '057'],
  ['Teheran wies jede Beteiligung an dem Anschlag zurück.', 'verantwortung-zurueckweisen', '016'],
  ['Minsk hat jede Verantwortung für den Vorfall bestritten.', 'verantwortung-bestritten', '016'],
  ['China werde Taiwan notfalls mit Gewalt eingliedern.', 'notfalls-gewalt', '138'],
  ['Die Regierung äußerte Sorge vor einer weiteren Eskalation.', 'sorge-vor', '012'],
  [
    'Oslo sei bereit, den Ermittlern alle Unterlagen zur Verfügung zu stellen.',
    'bereit-zur-verfuegung',
    '030',
  ],
  ['Der Bericht entspricht den internationalen Standards.', 'entspricht-standards', '051'],
  ['Russland müsse die Angriffe sofort einstellen.', 'muesse-beenden', '100'],
  ['Berlin will sich eng mit Paris abstimmen.', 'eng-abstimmen', '030'],
  ['Das Gipfeltreffen soll im Oktober in Madrid stattfinden.', 'treffen-stattfinden', '040'],
  ['Das Treffen findet am Montag in Genf statt.', 'treffen-findet-statt', '040'],
  ['Teheran kündigte eine harte Reaktion an.', 'kuendigte-antwort-an', '130'],
  ['Die Bundesregierung forderte Moskau auf, das Embargo aufzuheben.', 'aufforderung-aufheben', '0254'],
  ['Ankara wurde aufgefordert, die Beschränkungen zu lockern.', 'aufgefordert-aufheben', '0254'],
  ['Das Exportverbot für Weizen werde die Regierung vorerst nicht aufheben.', 'verbot-aufheben-weit', '085'],
  ['Ein Angriff auf die Nachbarn wäre ein schwerer Fehler.', 'waere-fehler', '130'],
  [
    'Der Präsident nahm eine Einladung des Königs zu einem Staatsbesuch in Madrid an.',
    'einladung-annehmen',
    '036',
  ],
  ['Die Armee zerstörte die Brücke über den Fluss.', 'zerstoerte-objekt', '1712'],
  ['Die Regierung verbot die Kundgebung der Opposition.', 'verbot-objekt', '172'],
  ['Der Kreml hat die Einreise untersagt.', 'verbieten', '172'],
  ['Der Minister sagte, Ungarn verstößt gegen die Regeln des Binnenmarkts.', 'verstossen', '112'],
];

// Ordinary sentences near the new entries' words (Sorge, Fehler, Flagge, Import, prüfen,
// beteiligen, bezahlen, stattfinden), in which no trigger fires.
const NEGATIVE = [
  'Die Sorge um die Großmutter war groß.',
  'Im Diktat fand der Lehrer keinen Fehler.',
  'Die Flagge des Vereins hängt im Saal.',
  'Der Import von Bananen ist im Winter billiger.',
  'Der Lehrer will die Hefte morgen prüfen.',
  'Die Eltern bezahlen den Ausflug der Klasse.',
  'Das Konzert im Park soll am Sonntag stattfinden.',
  'Die Bewohner des zerstörten Hauses leben bei Verwandten.',
];

describe('de triggers, round 8: new families select their entry', () => {
  it.each(POSITIVE)('"%s" selects %s (%s)', (sentence, id, code) => {
    expectSelected('de', sentence, id, code);
  });

  it.each(NEGATIVE)('"%s" fires no trigger', (sentence) => {
    expect(firing(sentence)).toEqual([]);
  });
});

describe('de triggers, round 8: words that describe rather than report', () => {
  it('does not read an attributive participle ("dem zerstörten Kraftwerk") as destruction', () => {
    expect(firing('Das Wasser stammt aus dem zerstörten Kraftwerk.')).not.toContain('zerstoeren');
    expect(firing('Das Wasser stammt aus dem zerstörten Kraftwerk.')).not.toContain('zerstoerte-objekt');
  });

  it('reads "das Verbot" as a noun, so that the verb of the sentence names the event', () => {
    const selected = selectTriggers('de', 'Das Verbot gelte ab sofort, erklärte die Regierung.');
    expect(selected.find((s) => s.id === 'verbot-nomen')).toBeDefined();
    expect(selected.find((s) => s.id === 'verbieten')).toBeUndefined();
  });

  it('reads "Zustimmung" and "Einladung" as nouns, not as verbs', () => {
    expect(selectTriggers('de', 'Die Zustimmung Ungarns steht aus.').map((s) => s.id)).toEqual([
      'zustimmung-nomen',
    ]);
    expect(
      selectTriggers('de', 'Auf Einladung des Königs reiste sie nach Madrid.').map((s) => s.id),
    ).toContain('einladung-nomen');
  });

  it('does not read "beunruhigen" as a voiced concern, but keeps "beunruhigt"', () => {
    expect(firing('Das ist eine Nachricht, die jeden beunruhigen sollte.')).not.toContain('besorgt');
    expect(firing('Die Regierung zeigte sich beunruhigt.')).toContain('besorgt');
  });

  it('covers a feared delivery with the concern, so that the delivery is no event of its own', () => {
    const selected = selectTriggers(
      'de',
      'In Brüssel wächst die Sorge vor russischen Waffenlieferungen an Serbien.',
    );
    expect(selected.map((s) => s.id)).toEqual(['sorge-vor']);
  });

  it('does not read the noun "Verstößen" as the verb "verstößt"', () => {
    expect(firing('Er saß eine Strafe wegen Verstößen gegen Zollgesetze ab.')).not.toContain('verstossen');
  });
});

describe('de grammar, round 8: markers', () => {
  it('no longer reads the noun "Vorhaben" as a plan marker', () => {
    expect(markerFires('planned', 'Das Vorhaben entspreche dem Recht.')).toEqual([]);
  });

  it('keeps "ob" out of the conditional markers, so a clause after it does not make the verb before it hypothetical', () => {
    expect(markerFires('hypothetical', 'Berlin prüft, ob es Panzer liefert.')).toEqual([]);
    expect(markerFires('hypothetical', 'Berlin liefert Panzer, falls Paris zustimmt.')).toEqual([
      'wenn-falls',
    ]);
  });
});

describe('de discourse, round 8: what an indirect question or a "wer" clause says is no event', () => {
  it('reads "prüfen, ob … liefern" as the consideration only', () => {
    const d = extractWithSeed('de', 'Die Bundesregierung will prüfen, ob sie der Ukraine Kampfjets liefert.');
    expect(codes(d)).toEqual(['014']);
  });

  it('does not read the attack in a "Wer … angreift" clause as an attack', () => {
    const d = extractWithSeed(
      'de',
      '„Wer Polen angreift, wird dafür bezahlen“, sagte Stoltenberg am Montag.',
    );
    expect(codes(d)).toEqual(['130']);
    expect(d.events[0]!.status).toBe('ASSERTED');
  });

  it('reads a refused lifting of a ban as a negated easing', () => {
    const d = extractWithSeed('de', 'Das Einfuhrverbot für Getreide werde Polen vorerst nicht aufheben.');
    const easing = d.events.find((e) => e.cameoCode === '085');
    expect(easing?.status).toBe('NEGATED');
    expect(codes(d)).not.toContain('163');
  });
});

describe('de abbreviations, round 8: military ranks do not end a sentence', () => {
  it('keeps "Adm." and "Maj." inside their sentence', () => {
    const quotes = splitSentences(
      'Der Minister traf Adm. Berger in Kiel. Danach sprach Maj. Roth.',
      'de',
      defaultLexicons(),
    ).map((s) => s.quote);
    expect(quotes).toEqual(['Der Minister traf Adm. Berger in Kiel.', 'Danach sprach Maj. Roth.']);
  });
});
