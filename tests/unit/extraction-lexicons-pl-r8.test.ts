import { describe, expect, it } from 'vitest';
import { extractWithSeed } from '../support/extract.ts';
import { selectTriggers } from '../support/triggers.ts';

/**
 * Sentences written for this test (none is taken from a fixture), each with the round-8 trigger
 * (id and CAMEO code) that must win in it: new phrasings of threats, refusals, pledges and
 * meetings, and the nouns split from verb entries so that a noun beside a verb stays a topic.
 */
const POSITIVE: [string, string, string][] = [
  // 13 threats: reserving the right to respond, proportional measures, destruction, "pogrozić"
  ['Iran zastrzega sobie prawo do odpowiedzi na nowe sankcje.', 'zastrzega-sobie-prawo', '130'],
  ['Teheran podejmie wobec Londynu stanowcze kroki.', 'podejmie-srodki', '130'],
  ['Mińsk zapowiada podjęcie adekwatnych działań.', 'podejmie-srodki', '130'],
  ['Według Kremla czołgi dla Kijowa zostaną zniszczone.', 'sprzet-zostanie-zniszczony', '138'],
  ['Minister pogroził zerwaniem rozmów.', 'pogrozil', '130'],
  ['Premier pogroził Brukseli sankcjami.', 'zagrozil-sankcjami', '1312'],
  // 12 refusing to yield, not expecting
  ['Kiszyniów nie ugnie się pod presją Moskwy.', 'nie-ugnie-sie', '124'],
  ['Rzecznik nie spodziewa się przełomu w rozmowach.', 'nie-spodziewa-sie', '012'],
  // 11 calling something a violation, ruling an election illegal
  ['Zdaniem Rygi jest to rażące naruszenie prawa międzynarodowego.', 'to-naruszenie', '111'],
  ['Decyzja Pekinu stanowi pogwałcenie umowy.', 'to-naruszenie', '111'],
  ['Bruksela uznała wybory za sfałszowane.', 'uznal-za-bledne', '110'],
  // 05 defending someone in words
  ['Kanclerz stanął w obronie swojego ministra.', 'w-obronie', '052'],
  ['Premier wziął w obronę ambasadora.', 'wzial-w-obrone', '052'],
  // 03 pledges: aircraft, the infinitive of handing over, a sum set aside
  ['Norwegia przekaże Kijowowi sześć samolotów.', 'przekaze-bron', '0332'],
  ['Holandia zamierza przekazać Ukrainie myśliwce.', 'przekaze-bron', '0332'],
  ['Dania przekaże Ukrainie bezzałogowce.', 'przekaze-bron', '0332'],
  ['Szwecja przeznaczy w przyszłym roku 500 mln euro na odbudowę.', 'przeznaczy-kwote', '0331'],
  ['Japonia przeznaczyła 300 mln dolarów dla Kijowa.', 'przeznaczyl-kwote', '071'],
  // 04 a meeting that is to take place, a body that convenes
  ['Spotkanie przywódców ma się odbyć w czerwcu.', 'spotkanie-ma-sie-odbyc', '040'],
  ['Rada zebrała się na nadzwyczajnym posiedzeniu.', 'zebral-sie-na-posiedzeniu', '040'],
  // 16 restrictions: the present tense, a passive with its auxiliary, an envoy's accreditation
  ['Łotwa wstrzymuje tranzyt nawozów.', 'ograniczyl-dostawy', '163'],
  ['Trzy banki zostały objęte sankcjami.', 'zostal-objety-sankcjami', '163'],
  ['Kair cofnął akredytację ambasadorowi Izraela.', 'cofnal-akredytacje-ambasadorowi', '161'],
  // 19 repelling an attack
  ['Obrońcy odparli atak na lotnisko.', 'odparl-atak', '190'],
  // 01 what a statement says
  ['Jak głosi komunikat ministerstwa, rozmowy będą kontynuowane.', 'glosi-komunikat', '010'],
];

/** Nouns split from verb entries: the noun entry wins where the noun stands. */
const NOUNS: [string, string, string][] = [
  ['Ograniczenie eksportu stali zapowiedziano na jesień.', 'ograniczenie-dostaw', '163'],
  ['Ostrzał miasta trwał całą noc.', 'ostrzal-noun', '194'],
  ['Inwazja na wyspę zaskoczyła sąsiadów.', 'inwazja-noun', '190'],
  ['Poparcie Paryża okazało się kluczowe.', 'poparcie', '051'],
  ['Zawetowanie budżetu zapowiedział premier.', 'zawetowanie', '129'],
  ['Dostawy amunicji dotarły na front.', 'dostawy-broni', '072'],
  ['Zniesienie ograniczeń wizowych zapowiedział premier.', 'zniesienie-ograniczen', '081'],
  ['Zniesienie sankcji wobec Caracas ogłosił Waszyngton.', 'zniesienie-sankcji', '085'],
];

/** A noun and a participle after it report an act only with an auxiliary between them. */
const PASSIVES: [string, string, string][] = [
  ['Sankcje wobec Teheranu zostały nałożone w piątek.', 'sankcje-zostaly-nalozone', '163'],
  ['Aktywa banku zostaną wkrótce zamrożone.', 'aktywa-zamrozone', '1711'],
  ['Dwaj attaché zostali już wydaleni.', 'dyplomaci-wydaleni', '174'],
];
const ATTRIBUTES: [string, string][] = [
  ['Sankcje nałożone na Moskwę w 2014 roku nie zadziałały.', 'sankcje-zostaly-nalozone'],
  ['Dyplomaci wydaleni w marcu wrócili do Moskwy.', 'dyplomaci-wydaleni'],
  ['Granica zamknięta od roku odcięła wiele wsi.', 'granica-zamknieta'],
];

/** Ordinary sentences in which a round-8 word stands in another sense: no trigger may fire. */
const NEGATIVE: string[] = [
  'Minister odpowiedzialny za energetykę przebywa w Brukseli.',
  'Uchwałę przyjęto jednomyślnie.',
  'Firmy objęte sankcjami szukają nowych rynków.',
  'Jak pan to można naruszyć?',
];

describe('pl round-8 triggers', () => {
  it.each(POSITIVE)('%s → %s (%s)', (sentence, id, code) => {
    const kept = selectTriggers('pl', sentence).map((t) => `${t.id}:${t.code}`);
    expect(kept).toContain(`${id}:${code}`);
  });

  it.each(NOUNS)('reads the noun in "%s" with the NOUN entry %s (%s)', (sentence, id, code) => {
    const kept = selectTriggers('pl', sentence).map((t) => `${t.id}:${t.code}`);
    expect(kept).toContain(`${id}:${code}`);
  });

  it.each(PASSIVES)('reads the passive in "%s" as %s (%s)', (sentence, id, code) => {
    const kept = selectTriggers('pl', sentence).map((t) => `${t.id}:${t.code}`);
    expect(kept).toContain(`${id}:${code}`);
  });

  it.each(ATTRIBUTES)('reads no act in the attribute of "%s" (%s)', (sentence, id) => {
    expect(selectTriggers('pl', sentence).map((t) => t.id)).not.toContain(id);
  });

  it.each(NEGATIVE)('fires nothing in: %s', (sentence) => {
    expect(selectTriggers('pl', sentence)).toEqual([]);
  });

  it('does not read "odpowiedzialnych" (responsible) as the verb of replying', () => {
    const ids = selectTriggers('pl', 'Sankcje dotkną osób odpowiedzialnych za represje.').map((t) => t.id);
    expect(ids).not.toContain('odpowiedziec');
  });

  it('does not read "w obronie przed atakami" (defence against attacks) as a verbal defence', () => {
    const ids = selectTriggers('pl', 'Systemy pomogą w obronie przed atakami.').map((t) => t.id);
    expect(ids).not.toContain('w-obronie');
  });

  it('does not read "lekceważenie" (a noun warned about) as disregarding norms', () => {
    const ids = selectTriggers('pl', 'Rzecznik przestrzegł przed lekceważeniem zagrożenia.').map((t) => t.id);
    expect(ids).toEqual(['przestrzegl-przed']);
  });
});

describe('pl round-8 events and their status', () => {
  const events = (text: string) =>
    extractWithSeed('pl', text, '2024-05-15').events.map((e) => `${e.cameoCode}:${e.status}`);

  it('keeps "nie ugnie się" a refusal that was made (ASSERTED), not a negated yielding', () => {
    expect(
      events('Prezydent Mołdawii Maia Sandu oświadczyła, że Kiszyniów nie ugnie się pod presją.'),
    ).toEqual(['124:ASSERTED']);
  });

  it('negates a handover of aircraft that a state does not intend to make', () => {
    expect(events('Kanada nie zamierza przekazywać Ukrainie samolotów.')).toEqual(['0332:NEGATED']);
  });

  it('reads "powinna" (should) as a hypothesis', () => {
    expect(events('Zdaniem premiera Polska powinna przekazać Ukrainie czołgi.')).toEqual([
      '0332:HYPOTHETICAL',
    ]);
  });

  it('makes no event of a restriction named as the cause of a summons', () => {
    expect(
      events('Rosyjskie MSZ wezwało ambasadora Litwy w związku z ograniczeniem tranzytu do Kaliningradu.'),
    ).toEqual(['114:ASSERTED']);
  });

  it('makes one proposal, not a sanction, of a proposal to impose sanctions', () => {
    expect(events('Komisja Europejska zaproponowała nałożenie sankcji na Iran.')).toEqual(['020:ASSERTED']);
  });

  it('still reads the nominal as the act where no verb names one', () => {
    expect(events('Unia Europejska zdecydowała o nałożeniu sankcji na Iran.')).toEqual(['163:ASSERTED']);
  });

  it('reads no attack inside a "gdyby" condition, and the main clause as a hypothesis', () => {
    expect(events('Gdyby Rosja zaatakowała Litwę, NATO stanie w obronie sojusznika.')).toEqual([
      '052:HYPOTHETICAL',
    ]);
  });

  it('reads no act inside a "chyba że" condition', () => {
    expect(events('Rosja nie wycofa wojsk, chyba że Ukraina ogłosi rozejm.')).toEqual(['087:NEGATED']);
  });

  it('makes no event of goods described as under sanctions', () => {
    expect(events('Towary objęte sankcjami stanowią połowę ładunków przewożonych przez Litwę.')).toEqual([]);
  });

  it('makes no warning event of the noun "ostrzeżenia" with nobody warning', () => {
    expect(events('Pierwsze ostrzeżenia pojawiły się już w lipcu.')).toEqual([]);
  });

  it('makes a threat of reserving the right to respond, with the state as its actor', () => {
    const draft = extractWithSeed(
      'pl',
      'Iran zastrzega sobie prawo do odpowiedzi na nowe sankcje.',
      '2024-05-15',
    );
    expect(draft.events.map((e) => e.cameoCode)).toEqual(['130']);
    expect(draft.events[0]!.roles.find((r) => r.role === 'ACTOR')?.actorId).toBe('iran');
  });
});
