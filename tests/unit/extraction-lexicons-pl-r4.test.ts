import { describe, expect, it } from 'vitest';
import { selectTriggers } from '../support/triggers.ts';

/**
 * Sentences written for this test, each with the round-4 trigger (id and CAMEO code) that must
 * win in it: one or two per pattern family added or narrowed in round 4.
 */
const POSITIVE: [string, string, string][] = [
  // 011 declining to comment is an act, not a verb of saying
  ['Rzecznik odmówił komentarza w tej sprawie.', 'odmowil-komentarza', '011'],
  ['Rzeczniczka ambasady nie skomentowała doniesień prasy.', 'nie-skomentowal', '011'],
  ['Minister nie chciał komentować wyników wyborów.', 'nie-chcial-komentowac', '011'],
  [
    'Kancelaria premiera pozostawiła pytania dziennikarzy bez komentarza.',
    'pozostawil-bez-komentarza',
    '011',
  ],
  ['Resort powstrzymał się od komentarzy.', 'powstrzymal-sie-od-komentarza', '011'],
  // 014 studying a document
  ['Rząd w Wiedniu przeanalizuje projekt porozumienia.', 'analizuje-mozliwosci', '014'],
  // 020 a formal request
  ['Litwa wystąpiła do Komisji Europejskiej o pomoc finansową.', 'wystapil-do-o', '020'],
  ['Estonia wystąpi z wnioskiem o zwołanie posiedzenia.', 'wystapil-z-wnioskiem', '020'],
  ['Wniosek Finlandii do NATO o członkostwo trafił do Brukseli.', 'wniosek-do-o', '020'],
  // 0234 / 1034 asking for allied troops
  [
    'Prezydent Litwy zaapelował do NATO o rozmieszczenie dodatkowych batalionów w kraju.',
    'wezwal-zwiekszenie-obecnosci',
    '0234',
  ],
  [
    'Rumunia poprosi sojuszników o zwiększenie liczby żołnierzy nad Morzem Czarnym.',
    'wezwal-zwiekszenie-obecnosci',
    '0234',
  ],
  ['Estonia domaga się rozmieszczenia stałych brygad sojuszniczych.', 'zazadal-obecnosci-wojskowej', '1034'],
  // 040 summits in their cases and by their occasion; 041 the telephone
  ['Podczas szczytu w Brukseli przywódcy omówili budżet.', 'podczas-szczytu', '040'],
  ['Na szczycie G20 w Indiach zabrakło prezydenta Rosji.', 'na-szczycie', '040'],
  ['Przygotowania do szczytu, który odbędzie się w grudniu, trwają.', 'spotkanie-odbylo-sie', '040'],
  ['Prezydenci rozmawiali telefonicznie o sytuacji na granicy.', 'telefonicznie', '041'],
  ['Premierzy rozmawiali przez telefon.', 'rozmawial-telefonicznie', '041'],
  ['Rozmowa odbyła się telefonicznie.', 'rozmowa-odbyla-sie-telefonicznie', '041'],
  // 057 signing: verb, passive, noun
  ['Ministrowie podpisali wczoraj porozumienie.', 'podpisal', '057'],
  ['Umowa została wczoraj podpisana w Wilnie.', 'zostal-podpisany', '057'],
  ['Przed podpisaniem umowy ministrowie wygłosili przemówienia.', 'podpisanie', '057'],
  // 036 invitations: active verb, participle with its agent
  ['Prezydent zaprosił kanclerza do Warszawy.', 'zaprosil', '036'],
  ['Premier Czech został zaproszony przez prezydenta do Warszawy.', 'zaproszony-przez', '036'],
  // 062 / 074 alliance plans and troops
  ['Ministrowie obrony przyjęli nowe plany obronne dla wschodniej flanki.', 'przyjal-plany-obronne', '062'],
  [
    'Pentagon zdecydował o rozmieszczeniu dodatkowych żołnierzy w Rumunii.',
    'decyzja-o-rozmieszczeniu',
    '074',
  ],
  ['Sojusz nie podjął decyzji o rozmieszczeniu brygady na Litwie.', 'decyzja-o-rozmieszczeniu', '074'],
  // 103 reparations claims
  ['Ateny wysłały do Berlina notę w sprawie reparacji wojennych.', 'nota-reparacje', '103'],
  ['Roszczenia o reparacje wojenne zgłosiła Grecja.', 'zadanie-reparacji', '103'],
  // 111 calling a state a threat
  ['Iran pozostaje poważnym zagrożeniem dla stabilności regionu.', 'jest-zagrozeniem-dla', '111'],
  ['Premier nazwał Rosję zagrożeniem dla Europy.', 'nazwal-prowokacja', '111'],
  // 112 hybrid aggression
  ['Białoruś prowadzi wojnę hybrydową przeciwko Litwie.', 'prowadzi-wojne-hybrydowa', '112'],
  ['Reżim instrumentalizuje migrantów na granicy z Łotwą.', 'instrumentalizuje-migrantow', '112'],
  ['Rząd potępił instrumentalizację migracji przez Mińsk.', 'instrumentalizacja-migracji', '112'],
  // 128 the verb and its noun
  ['Rosja łamie prawo międzynarodowe.', 'zlamal-prawo', '128'],
  ['Raport opisuje łamanie praw człowieka w Iranie.', 'lamanie-prawa', '128'],
  // 154 the verbs and their nouns
  ['Rosja przerzuciła na granicę dodatkowe brygady.', 'rozmiescil-wojska', '154'],
  ['Rozmieszczenie wojsk rosyjskich na Białorusi zaniepokoiło Litwę.', 'rozmieszczenie-wojsk', '154'],
  ['Niemcy wzmocnią wschodnią flankę NATO.', 'wzmocnil-flanke', '154'],
  ['Plany wzmocnienia flanki omówiono w Brukseli.', 'wzmocnienie-flanki', '154'],
  ['USA zwiększą obecność wojskową w Polsce.', 'zwiekszyl-obecnosc-wojskowa', '154'],
  ['Zwiększenie obecności wojskowej zapowiedział Pentagon.', 'zwiekszenie-obecnosci-wojskowej', '154'],
  // 163 closing crossings and sanctions lists
  ['Litwa zamknęła dwa przejścia graniczne z Białorusią.', 'zamknal-granice', '163'],
  ['Finlandia może zamknąć granicę z Rosją.', 'zamknal-granice', '163'],
  ['Zamknięcie granicy zapowiedział rząd w Helsinkach.', 'zamkniecie-granicy', '163'],
  ['Kolejni oligarchowie trafią na listę sankcyjną.', 'wpisal-na-liste-sankcyjna', '163'],
  ['Trzy firmy mają trafić na unijną listę.', 'trafil-na-unijna-liste', '163'],
];

/** Ordinary sentences, most beside a round-4 word in another sense, in which no trigger may fire. */
const NEGATIVE: string[] = [
  'Mgła stanowi zagrożenie dla kierowców na autostradzie.',
  'Drzwi zamykają się automatycznie po minucie.',
  'Uczniowie analizują wiersz na lekcji polskiego.',
  'Zawodnik wystąpił w finale mistrzostw świata.',
  'Kierowca łamał przepisy drogowe przez cały rok.',
  'W sklepie zwiększono liczbę kas samoobsługowych.',
  'Ogrodzenie wymaga wzmocnienia przed zimą.',
  'Zamknięcie sklepu nastąpiło o dwudziestej.',
  'Uczestnicy kursu otrzymali podpisane certyfikaty.',
  'Delegacja Litwy była zaproszona na uroczystość.',
];

describe('pl round-4 triggers', () => {
  it.each(POSITIVE)('%s → %s (%s)', (sentence, id, code) => {
    const kept = selectTriggers('pl', sentence).map((t) => `${t.id}:${t.code}`);
    expect(kept).toContain(`${id}:${code}`);
  });

  it('reads declining to comment as an act, not as a verb of saying', () => {
    const [hit] = selectTriggers('pl', 'Rzecznik odmówił komentarza w tej sprawie.');
    expect(hit?.frame).toBe('DEFAULT');
  });

  it('keeps one telephone trigger where the verb of talking and the adverb meet', () => {
    const kept = selectTriggers('pl', 'Kanclerz rozmawiała telefonicznie z prezydentem.').map((t) => t.code);
    expect(kept).toEqual(['041']);
  });

  it.each(NEGATIVE)('fires nothing in: %s', (sentence) => {
    expect(selectTriggers('pl', sentence)).toEqual([]);
  });
});
