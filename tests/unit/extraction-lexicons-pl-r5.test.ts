import { describe, expect, it } from 'vitest';
import { selectTriggers } from '../support/triggers.ts';

/**
 * Sentences written for this test, each with the round-5 trigger (id and CAMEO code) that must
 * win in it: one or two per pattern family added or narrowed in round 5.
 */
const POSITIVE: [string, string, string][] = [
  // 190 the verb of attacking; the noun only where no verb names the act
  ['Oddziały rebeliantów zaatakowały w nocy posterunek.', 'atak', '190'],
  ['Nocne ataki na rafinerię potwierdziło wojsko.', 'atak-noun', '190'],
  // 192 occupying is a verb, not the participle of a place
  ['Oddziały okupowały lotnisko przez dwa tygodnie.', 'okupacja', '192'],
  // 161 closing a mission in every form, channels of communication, breaking off relations
  ['Rząd może zamknąć konsulat w Katowicach.', 'zamknal-ambasade', '161'],
  ['Zamknięcie konsulatu ogłosił wiceminister.', 'zamkniecie-ambasady', '161'],
  ['Wilno nie zamierza zamykać kanałów komunikacji z Mińskiem.', 'zamknal-kanaly-komunikacji', '161'],
  ['Gruzja zerwała stosunki dyplomatyczne z sąsiadem.', 'zerwal-stosunki', '161'],
  ['Zerwanie stosunków z Kairem ogłosił premier.', 'zerwanie-stosunkow', '161'],
  // 1125 the diplomatic wording for spying
  [
    'Zdaniem rzecznika attaché prowadził działalność szpiegowską.',
    'dzialalnosc-niezgodna-ze-statusem',
    '1125',
  ],
  [
    'Praga uznała, że konsul prowadził działalność niezgodną ze statusem.',
    'dzialalnosc-niezgodna-ze-statusem',
    '1125',
  ],
  [
    'Działalność niezgodna ze statusem dyplomaty była powodem decyzji Pragi.',
    'niezgodna-ze-statusem',
    '1125',
  ],
  ['Działalność szpiegowska attaché stała się jasna dla służb.', 'dzialalnosc-szpiegowska', '1125'],
  // 112 a measure justified by the target's part in something
  ['Ryga zamknęła placówkę, uzasadniając to zaangażowaniem obcych agentów.', 'uzasadnil-udzialem', '112'],
  // 111 calling it russophobia or hysteria
  ['Rzeczniczka nazwała tę decyzję przejawem rusofobii.', 'nazwal-obsesja', '111'],
  // 130 a response in kind, a consequence promised
  ['Teheran odpowie symetrycznie na nowe restrykcje.', 'odpowie-symetrycznie', '130'],
  [
    'Ambasada ostrzegła, że ten krok nie pozostanie bez konsekwencji.',
    'nie-pozostanie-bez-odpowiedzi',
    '130',
  ],
  // 138 military(-technical) steps
  ['Kreml zapowiedział, że podejmie kroki wojskowe.', 'podejmie-kroki-wojskowe', '138'],
  ['Moskwa zastosuje środki wojskowo-techniczne.', 'podejmie-kroki-wojskowe', '138'],
  ['Odpowiedź wojskowo-techniczna jest możliwa według Kremla.', 'kroki-wojskowo-techniczne', '138'],
  // 0332 a future delivery of weapons is a pledge; 072 the delivery made
  ['Holandia przekaże Kijowowi w przyszłym roku kolejne myśliwce.', 'przekaze-bron', '0332'],
  ['Kanada wyśle na Łotwę nowe systemy obrony powietrznej.', 'przekaze-zestawy-przeciwlotnicze', '0332'],
  ['Szwecja będzie dostarczać Ukrainie amunicję.', 'bedzie-dostarczac-bron', '0332'],
  ['Norwegia przekazała Ukrainie haubice.', 'przekazal-bron', '072'],
  // 042 the infinitive of travelling; a visit with its purpose is one visit
  ['Kanclerz ma udać się do Pekinu w maju.', 'udal-sie-do', '042'],
  ['Premier Kanady ma przyjechać do Gdańska.', 'przybyl', '042'],
  ['Wysłannik przyleci do Kijowa, by omówić plan pokojowy.', 'przyjedzie-by-omowic', '042'],
  // 040 a scheduled meeting
  ['Szczyt zaplanowano na październik.', 'spotkanie-zaplanowano', '040'],
  ['Zaplanowano rozmowy ministrów obrony na przyszły tydzień.', 'zaplanowano-spotkanie', '040'],
  // 100 a note that demands is the demand
  ['Wiceminister wręczył notę, w której rząd zażądał wyjaśnień.', 'nota-z-zadaniem', '100'],
  ['Wycofanie sił pokojowych z regionu zapowiedział rząd.', 'wycofanie-sil-pokojowych', '166'],
  ['Zerwanie kontaktów z opozycją zapowiedział rząd.', 'zerwanie-kontaktow', '161'],
  // 087 / 174 the verbs of withdrawing and expelling, their nouns apart
  ['Armia wycofała wojska z obwodu.', 'wycofal-wojska', '087'],
  ['Słowacja wydaliła dwóch dyplomatów.', 'wydalil', '174'],
];

/** Ordinary sentences, most beside a round-5 word in another sense, in which no trigger may fire. */
const NEGATIVE: string[] = [
  'Turyści zwiedzali okupowaną niegdyś twierdzę.',
  'Drużyna przegrała mecz po słabej grze.',
  'Sklep będzie zamknięty w poniedziałek.',
  'Pociąg odjechał ze stacji z opóźnieniem.',
  'Piekarz zaplanował urlop na sierpień.',
  'Dzieci bawiły się w parku do wieczora.',
  'Amunicja artyleryjska leżała w muzeum od lat.',
  'Nowa biblioteka ma piękną salę czytelni.',
  'Firma prowadzi działalność handlową od dwudziestu lat.',
  'Na stole stał wazon z kwiatami.',
];

describe('pl round-5 triggers', () => {
  it.each(POSITIVE)('%s → %s (%s)', (sentence, id, code) => {
    const kept = selectTriggers('pl', sentence).map((t) => `${t.id}:${t.code}`);
    expect(kept).toContain(`${id}:${code}`);
  });

  it('leaves a purpose clause to the visit it belongs to', () => {
    const kept = selectTriggers('pl', 'Delegacja przyjedzie do Wilna, aby omówić współpracę.').map(
      (t) => t.code,
    );
    expect(kept).toEqual(['042']);
  });

  it('reads a noun of withdrawal as a noun, so a verb beside it names the event', () => {
    const kept = selectTriggers('pl', 'Rząd nie poprze planu bez wycofania wojsk.');
    expect(kept.find((t) => t.code === '087')?.id).toBe('wycofanie-wojsk');
  });

  it.each(NEGATIVE)('fires nothing in: %s', (sentence) => {
    expect(selectTriggers('pl', sentence)).toEqual([]);
  });
});
