import { describe, expect, it } from 'vitest';
import { selectTriggers } from '../support/triggers.ts';

/**
 * Sentences written for this test, each with the round-6 trigger (id and CAMEO code) that must
 * win in it: one per pattern family added in the round-6 coverage pass (common wire phrasings,
 * first-person quotes, and passives with the noun before the participle).
 */
const POSITIVE: [string, string, string][] = [
  // 01 reporting and opinion verbs
  ['Jak podała agencja Reuters, rozmowy zakończyły się bez wyniku.', 'jak-podala', '010'],
  ['Rzecznik podał w komunikacie nowe szczegóły.', 'podal-w-komunikacie', '010'],
  ['Rzecznik potwierdził, że wizyta się odbędzie.', 'potwierdzil-ze', '010'],
  ['Minister powiadomił parlament o decyzji.', 'powiadomil', '010'],
  ['Premier wyraził opinię, że kryzys minie.', 'wyrazil-opinie', '010'],
  ['Ministerstwo opublikowało komunikat na stronie internetowej.', 'opublikowal-komunikat', '010'],
  ['Rzecznik resortu uważa, że decyzja jest słuszna.', 'uwaza-ze', '010'],
  ['Jak poinformowano, rozmowy będą kontynuowane.', 'poinformowano', '010'],
  // 02 first person and passive appeals
  ['Wzywamy wszystkie strony do powściągliwości.', 'wzywamy', '020'],
  ['Strony zostały wezwane do powściągliwości.', 'strony-wezwane-do', '020'],
  // 03 pledges and letters of intent
  ['Zobowiązujemy się do przestrzegania porozumienia.', 'zobowiazujemy-sie', '030'],
  ['List intencyjny w sprawie terminalu czeka na podpis.', 'list-intencyjny', '030'],
  ['Oba kraje podpisały list intencyjny w sprawie współpracy.', 'podpisal-list-intencyjny', '030'],
  ['Premier zapowiedział zacieśnienie współpracy wojskowej.', 'zapowiedzial-wspolprace', '030'],
  ['Niemcy zapowiedziały przekazanie kolejnych czołgów.', 'zapowiedzial-przekazanie-broni', '0332'],
  // 04 convening, hosting, debating
  ['Prezydent zwołał posiedzenie Rady Bezpieczeństwa Narodowego.', 'zwolal-posiedzenie', '040'],
  ['Ministrowie debatowali nad pakietem.', 'debatowal-nad', '040'],
  ['Prezydent przyjmie w czwartek kanclerza Niemiec.', 'przyjmie-goscia', '043'],
  ['Szef MSZ gości swojego odpowiednika z Litwy.', 'gosci-odpowiednika', '043'],
  // 05
  ['Prezydent wręczył listy uwierzytelniające.', 'wreczyl-listy-uwierzytelniajace', '050'],
  ['Plan został poparty przez większość państw.', 'plan-poparty', '051'],
  // 07
  ['Polska przyjęła uchodźców z Ukrainy.', 'przyjal-uchodzcow', '075'],
  ['Rząd sfinansuje odbudowę szpitala.', 'sfinansowal-odbudowe', '071'],
  // 08 lifting measures in the passive, backing down, surrender, release
  ['Sankcje zostały zniesione.', 'sankcje-zniesiono', '085'],
  ['Zniesiono sankcje wobec trzech banków.', 'zniesiono-sankcje', '085'],
  ['Ograniczenia zostaną złagodzone.', 'restrykcje-zniesiono', '081'],
  ['Zniesiono godzinę policyjną.', 'zniesiono-godzine-policyjna', '081'],
  ['Parlament zniósł stan wyjątkowy w regionie.', 'zniesiono-stan-wyjatkowy', '081'],
  ['Prezydent zrezygnował z planów budowy bazy.', 'zrezygnowal-z-planow', '080'],
  ['Rebelianci złożyli broń.', 'zlozyl-bron', '0874'],
  ['Oddziały się poddały.', 'oddzialy-poddaly-sie', '0874'],
  ['Załoga poddała się wojskom ukraińskim.', 'poddal-sie-wojskom', '0874'],
  ['Więźniowie zostali zwolnieni.', 'wiezniowie-zwolnieni', '0841'],
  ['Wojska zostaną wycofane.', 'wojska-wycofane', '087'],
  // 10
  ['Żądanie wycofania wojsk odrzucono.', 'zadanie-noun', '100'],
  ['Domagamy się natychmiastowego uwolnienia więźniów.', 'zadamy', '100'],
  ['Warszawa oczekuje od Moskwy natychmiastowego wycofania wojsk.', 'oczekuje-od', '100'],
  // 11
  ['Dyplomata otrzymał notę protestacyjną.', 'otrzymal-note-protestacyjna', '114'],
  ['Procedura naruszeniowa wobec Polski trwa od roku.', 'procedura-naruszeniowa', '115'],
  [
    'Komisja Europejska wszczęła procedurę naruszeniową wobec Węgier.',
    'wszczela-procedure-naruszeniowa',
    '115',
  ],
  // 12 ruling out, and its negation left to consideration
  ['Kreml wykluczył możliwość negocjacji.', 'wykluczyl-mozliwosc', '120'],
  ['Minister nie wykluczył możliwości negocjacji.', 'nie-wyklucza-mozliwosci', '014'],
  ['Nie zaakceptujemy tych warunków.', 'nie-zaakceptujemy', '120'],
  // 13 threats as nouns
  ['Pogróżki pod adresem sędziów potępiła opozycja.', 'grozby-pod-adresem', '130'],
  ['Groźby ze strony Teheranu zaniepokoiły sąsiadów.', 'grozby-ze-strony', '130'],
  ['Posłanka otrzymywała pogróżki od miesięcy.', 'pogrozki', '130'],
  ['Groźby Moskwy nie robią wrażenia na Warszawie.', 'grozby-stolicy', '130'],
  // 14
  ['Protestujemy przeciwko tej decyzji.', 'protestujemy', '140'],
  // 16 passives and noun-first orders
  ['Nowe sankcje obejmą sektor bankowy.', 'sankcje-obejma', '163'],
  ['Sankcje zostały nałożone na pięć firm.', 'sankcje-zostaly-nalozone', '163'],
  ['Granica została zamknięta dla ruchu osobowego.', 'granica-zamknieta', '163'],
  ['Zawieszono ruch na przejściu granicznym.', 'zawieszono-ruch-graniczny', '163'],
  ['Rosja została wykluczona z Rady Europy.', 'wykluczony-z-organizacji', '160'],
  ['Kraj został zawieszony w prawach członka organizacji.', 'zawieszony-w-prawach', '160'],
  ['Współpraca została zawieszona.', 'wspolpraca-zawieszona', '160'],
  ['Ambasador został odwołany na konsultacje.', 'ambasador-odwolany', '161'],
  ['Stosunki dyplomatyczne zostały zerwane.', 'stosunki-zerwane', '161'],
  ['Ambasada zostanie zamknięta.', 'ambasada-zamknieta', '161'],
  ['Rosja zawiesiła działalność konsulatu w Gdańsku.', 'zawiesil-dzialalnosc-ambasady', '161'],
  ['Pomoc dla rządu została wstrzymana.', 'pomoc-wstrzymana', '162'],
  ['Rozmowy zostały zawieszone na czas nieokreślony.', 'rozmowy-zawieszone', '164'],
  // 17
  ['Kraje bałtyckie wstrzymały wydawanie wiz obywatelom Rosji.', 'wstrzymal-wydawanie-wiz', '172'],
  ['Dziennikarzowi odmówiono wjazdu do kraju.', 'odmowil-wjazdu', '172'],
  ['Rosja uznała organizację za niepożądaną.', 'uznal-organizacje-za', '172'],
  ['Portal został zablokowany przez władze.', 'portal-zablokowany', '172'],
  ['Majątek został skonfiskowany.', 'aktywa-zamrozone', '1711'],
  ['Dyplomaci zostali wydaleni z kraju.', 'dyplomaci-wydaleni', '174'],
  ['Władze represjonują opozycję.', 'represjonuje', '175'],
  ['Represje wobec opozycji nasiliły się po wyborach.', 'represje-wobec', '175'],
  ['Demonstracja została rozpędzona.', 'demonstracja-rozpedzona', '175'],
  // 19
  ['Bitwa o lotnisko trwała trzy dni.', 'bitwa', '190'],
  ['Wojska walczą o kontrolę nad miastem.', 'walcza-o-kontrole', '190'],
  ['Ochotnicy walczą z wojskami najeźdźcy.', 'walcza-z-wojskami', '190'],
  ['Wojsko zabiło trzech bojowników.', 'zabil-zolnierzy', '190'],
  ['Na granicy doszło do starć.', 'doszlo-do-starc', '190'],
  ['Starcia wojsk trwały całą noc.', 'starcia-wojsk', '190'],
  ['Okręt został trafiony rakietą.', 'trafiony-rakieta', '195'],
  ['Wojsko przejęło kontrolę nad lotniskiem.', 'przejal-kontrole-nad', '192'],
  ['Miasto zostało zajęte przez Rosjan.', 'miasto-zajete', '192'],
];

/** Ordinary sentences, most beside a round-6 word in another sense, in which no trigger may fire. */
const NEGATIVE: string[] = [
  'Portal informacyjny ma nową szatę graficzną.',
  'Kelner podał gościom zupę.',
  'Uczniowie rozwiązali trudne zadanie z matematyki.',
  'Zadamy panu kilka pytań po koncercie.',
  'Bitwa na poduszki rozbawiła dzieci.',
  'Miejsce przy oknie było już zajęte.',
  'Drużyna walczyła do ostatniej minuty meczu.',
  'Sklep został zamknięty z powodu remontu.',
  'Samochód trafił do warsztatu po wypadku.',
  'Pani doktor uważnie obejrzała wyniki badań.',
];

describe('pl round-6 triggers', () => {
  it.each(POSITIVE)('%s → %s (%s)', (sentence, id, code) => {
    const kept = selectTriggers('pl', sentence).map((t) => `${t.id}:${t.code}`);
    expect(kept).toContain(`${id}:${code}`);
  });

  it('reads "żądanie" only with what is demanded, since it folds to "zadanie" (a task)', () => {
    expect(selectTriggers('pl', 'To zadanie wymaga czasu i cierpliwości.')).toEqual([]);
  });

  it.each(NEGATIVE)('fires nothing in: %s', (sentence) => {
    expect(selectTriggers('pl', sentence)).toEqual([]);
  });
});
