import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/modules/extraction/lexicons.ts';
import { ruleLexicon } from '../../src/modules/extraction/rules/lexicon.ts';
import { matchTriggers } from '../../src/modules/extraction/rules/triggers.ts';
import { tokenize } from '../../src/modules/extraction/text/tokens.ts';

const lexicon = ruleLexicon(loadLexicons(), 'pl');

/** The ids (without the `pl/triggers#` prefix) of the triggers the engine keeps in a sentence. */
function kept(sentence: string): string[] {
  return matchTriggers(lexicon.triggers, tokenize(sentence)).map((m) =>
    m.trigger.id.replace('pl/triggers#', ''),
  );
}

/** Sentences written for this test, each with the round-3 trigger that must win in it. */
const POSITIVE: [string, string][] = [
  ['Rzecznik resortu odparł, że decyzja zapadła w Brukseli.', 'odparl'],
  ['Ambasador Węgier został wezwany na dywanik do ministerstwa.', 'wezwal-na-dywanik'],
  ['Szef dyplomacji zabrał głos podczas debaty w Strasburgu.', 'zabral-glos'],
  ['Premier wyraził zaniepokojenie sytuacją na granicy.', 'wyrazil-obawy'],
  ['Kanclerz nie wyklucza rozmów, ale bierze pod uwagę także inne scenariusze.', 'bierze-pod-uwage'],
  ['Rzecznik Kremla oświadczył, że Moskwa nie ma nic wspólnego z atakiem.', 'nic-wspolnego'],
  ['Prezydent oddał hołd ofiarom zbrodni katyńskiej.', 'oddal-hold'],
  ['Organizacje pozarządowe nawołują do wznowienia rozmów pokojowych.', 'wezwal-wznowienie-rozmow'],
  ['Biskupi nawołują strony do negocjacji.', 'naw-rozmowy'],
  ['Sekretarz generalny wezwał Rosję do zaprzestania agresji.', 'wezwal-zaprzestanie'],
  ['Minister wyraził wolę dalszej współpracy z Kijowem.', 'wyrazil-wole'],
  ['W Genewie odbyło się spotkanie przedstawicieli obu państw.', 'odbylo-sie-spotkanie'],
  ['Szef MSZ Łotwy przebywa z wizytą w Warszawie.', 'przebywa-z-wizyta'],
  ['Delegacje obu krajów przystąpiły do negocjacji w czwartek.', 'przystapil-do-rozmow'],
  ['Stolica Apostolska opowiedziała się za zawieszeniem broni.', 'opowiedzial-sie-za'],
  ['Oba państwa sfinalizowały umowę o dostawach gazu.', 'sfinalizowal-umowe'],
  ['Brytyjscy instruktorzy szkolą ukraińskich żołnierzy w Anglii.', 'szkoli-zolnierzy'],
  ['Rada UE wykreśliła z listy sankcyjnej trzech biznesmenów.', 'usunal-z-listy-sankcyjnej'],
  ['Armia wstrzymała ataki na linii frontu na czas wymiany jeńców.', 'wstrzymal-ataki'],
  ['Turcja nie zgodziła się na rozmowy w tym formacie.', 'nie-zgodzil-sie-na-rozmowy'],
  ['Ambasada wystosowała notę protestu w tej sprawie.', 'wystosowal-note-protestu'],
  ['Węgry zablokowały pakiet sankcji wobec Rosji.', 'zablokowal-pakiet'],
  ['Dowództwo Operacyjne poderwało myśliwce dyżurne nad wschodnią Polską.', 'poderwal-mysliwce'],
  ['Rząd wprowadził stopień alarmowy BRAVO na terenie całego kraju.', 'stopien-alarmowy'],
  ['Władze w Mińsku zmniejszyły liczbę personelu polskiej ambasady.', 'zmniejszyl-personel-ambasady'],
  ['Sąd wydał nakaz aresztowania byłego ministra.', 'nakaz-aresztowania'],
];

/** Ordinary sentences, many near a trigger's words, in which no trigger may fire. */
const NEGATIVE: string[] = [
  'Zimą na wschodzie kraju temperatura spada poniżej zera.',
  'Sklepy w centrum miasta są czynne do dwudziestej.',
  'Na stole leżała gazeta z wczorajszą datą.',
  'Nowa linia tramwajowa połączy dwie dzielnice.',
  'Turyści podziwiali panoramę gór z tarasu widokowego.',
  'Pociąg do Gdańska odjechał z opóźnieniem.',
  'Rolnicy zebrali w tym roku mniej zboża niż zwykle.',
  'Muzeum przygotowało wystawę o historii lotnictwa.',
  'Wieczorem w parku gra orkiestra dęta.',
  'To zadanie wymaga czasu i cierpliwości.',
];

describe('pl round-3 triggers', () => {
  it.each(POSITIVE)('keeps the expected trigger in: %s', (sentence, id) => {
    expect(kept(sentence)).toContain(id);
  });

  it.each(NEGATIVE)('fires nothing in: %s', (sentence) => {
    expect(kept(sentence)).toEqual([]);
  });
});
