import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CompiledPattern, compilePattern, findAll } from '../../src/modules/extraction/text/patterns.ts';
import { tokenize } from '../../src/modules/extraction/text/tokens.ts';

interface Trigger {
  id: string;
  pattern: string;
  code: string;
  pos: string;
  frame: string;
  summary: string;
}

interface Marker {
  id: string;
  pattern: string;
}

interface Grammar {
  language: string;
  negation: Marker[];
  planned: Marker[];
  hypothetical: Marker[];
  passiveAgent: string[];
  passiveNote?: string;
  sourcePrepositions: string[];
  addresseePrepositions: string[];
  withPrepositions: string[];
  pastTense: Marker[];
  futureTense: Marker[];
}

const LANGS = ['ru', 'pl'] as const;
type Lang = (typeof LANGS)[number];
const MARKER_LISTS = ['negation', 'planned', 'hypothetical', 'pastTense', 'futureTense'] as const;
const PREPOSITION_LISTS = [
  'passiveAgent',
  'sourcePrepositions',
  'addresseePrepositions',
  'withPrepositions',
] as const;

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
}

const triggers = (lang: Lang) =>
  readJson(`data/lexicons/${lang}/triggers.json`) as { language: string; patterns: Trigger[] };
const grammar = (lang: Lang) => readJson(`data/lexicons/${lang}/grammar.json`) as Grammar;

const cameoCodes = new Set(
  readFileSync(new URL('../../data/reference/cameo-codes.csv', import.meta.url), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]!.trim())
    .filter(Boolean),
);

interface Hit {
  id: string;
  frame: string;
  first: number;
  last: number;
  steps: number;
}

/**
 * The triggers a sentence keeps when overlapping matches compete, by the rule of
 * src/modules/extraction/rules/triggers.ts: more pattern steps (more specific) first, content
 * before speech, then the tighter match, then the earlier one.
 */
function winners(compiled: { entry: Trigger; c: CompiledPattern }[], sentence: string): Hit[] {
  const tokens = tokenize(sentence);
  const hits: Hit[] = [];
  for (const { entry, c } of compiled) {
    for (const m of findAll(c, tokens)) {
      hits.push({ id: entry.id, frame: entry.frame, first: m.first, last: m.last, steps: c.steps.length });
    }
  }
  hits.sort(
    (a, b) =>
      b.steps - a.steps ||
      Number(a.frame === 'SPEECH') - Number(b.frame === 'SPEECH') ||
      a.last - a.first - (b.last - b.first) ||
      a.first - b.first,
  );
  const kept: Hit[] = [];
  for (const h of hits) if (!kept.some((k) => h.first <= k.last && k.first <= h.last)) kept.push(h);
  return kept;
}

/** Sentences written for this test; each lists the trigger ids the sentence must keep. */
const POSITIVE: Record<Lang, [string, string[]][]> = {
  ru: [
    [
      'Министр иностранных дел Белоруссии заявил, что Минск готов к переговорам с Западом.',
      ['zayavit', 'gotov-k-peregovoram'],
    ],
    ['Москва ждёт ответа от Вашингтона на свои предложения.', ['zhdet-otveta']],
    ['Россия получила письменные ответы от США и НАТО.', ['poluchil-pismenny-otvet']],
    ['МИД Литвы вручил ноту протеста российскому послу.', ['vruchil-notu-protesta']],
    ['Евросоюз ввёл новые санкции против белорусских чиновников.', ['vvel-sankcii']],
    ['Вашингтон пригрозил Москве новыми санкциями.', ['prigrozil-sankciyami']],
    ['Президенты провели телефонный разговор.', ['telefonny-razgovor']],
    ['Китай призвал стороны к сдержанности.', ['prizval-sderzhannost']],
    ['Лавров и Ван И встретились на полях саммита.', ['vstretilis-na-polyah']],
    ['Киев отверг обвинения в провокации.', ['otverg-obvineniya']],
    ['Польша выслала пятерых российских дипломатов.', ['vyslal-diplomatov']],
    [
      'Турция предложила посредничество в переговорах между сторонами.',
      ['predlozhil-posrednichestvo-v-peregovorah'],
    ],
    ['Президент Казахстана прибыл в Москву с официальным визитом.', ['pribyl-s-vizitom']],
    ['Армения приостановила участие в работе организации.', ['sokratil-sotrudnichestvo']],
    [
      'Стороны подписали соглашение о стратегическом партнёрстве.',
      ['podpisal', 'strategicheskoe-partnerstvo'],
    ],
    ['Российские войска нанесли ракетный удар по складу.', ['nanes-raketny-udar']],
    ['Германия пообещала поставить Украине танки.', ['obeshal-postavit-oruzhie']],
    ['Сербия отказалась вводить санкции против России.', ['otkazalsya-vvodit-sankcii']],
    ['Минск приветствует любые конструктивные предложения.', ['privetstvuet']],
    ['Очередной раунд консультаций прошёл в Женеве.', ['raund-proshel']],
    ['Трёхсторонняя встреча министров может пройти в июне.', ['vstrecha-proshla']],
    ['По итогам встречи министры подписали соглашение.', ['vstrecha-noun', 'podpisal']],
    ['Делегации обсудили по телефону подготовку договора.', ['obsudili-po-telefonu']],
    ['Совместный документ по итогам заседания принят не был.', ['sovmestnyy-dokument-prinyat']],
    ['Лидеры рассмотрят текст на саммите в ноябре.', ['rassmotryat-na-vstreche']],
    ['Армения не направила в Астану своего представителя.', ['napravil-predstavitelya']],
    ['Москва передала американской стороне пакет конкретных идей.', ['peredal-idei']],
    ['В Вашингтоне назвали эти идеи нереалистичными.', ['nazval-provokaciey']],
    ['Ответственность за кризис целиком лежит на Вильнюсе.', ['otvetstvennost-lezhit']],
    ['Министр был проинформирован коллегой о результатах переговоров.', ['proinformiroval']],
    ['Министры ЕС одобрили новые ограничения против банков.', ['odobril-sankcii']],
    ['Россия может ограничить поставки удобрений.', ['ogranichil-postavki']],
    ['Согласование документа было заблокировано Венгрией.', ['zablokirovano']],
    ['Москва может объявить персоной нон грата ещё двух дипломатов.', ['obyavil-personoy-non-grata']],
    ['Минск ждёт от Варшавы официальных извинений.', ['zhdet-izvineniy']],
    ['Пекин ответил на ноту протеста через неделю.', ['otvetil-na-notu']],
    ['Белоруссия стоит на стороне союзника.', ['na-storone']],
    ['Посол предупредил о серьёзных последствиях.', ['predupredil-o']],
    ['Стороны планируют провести переговоры в Вене.', ['nameren-vstretitsya']],
  ],
  pl: [
    [
      'Minister spraw zagranicznych oświadczył, że Warszawa jest gotowa do rozmów z Kijowem.',
      ['oswiadczyc', 'gotow-do-rozmow'],
    ],
    ['Chiny wezwały strony do powściągliwości.', ['wezwal-powsciagliwosc']],
    ['MSZ wezwało ambasadora Rosji.', ['wezwal-ambasadora']],
    ['Unia Europejska nałożyła nowe sankcje na Białoruś.', ['nalozyl-sankcje']],
    ['Premier złożył wizytę w Berlinie.', ['zlozyl-wizyte']],
    ['Prezydenci rozmawiali telefonicznie o sytuacji na granicy.', ['telefonicznie']],
    ['Rosja otrzymała pisemne odpowiedzi od Stanów Zjednoczonych.', ['otrzymal-pisemna-odpowiedz']],
    ['Moskwa czeka na odpowiedź Waszyngtonu.', ['czeka-na-odpowiedz']],
    ['Litwa wydaliła trzech rosyjskich dyplomatów.', ['wydalil']],
    ['Stany Zjednoczone zagroziły Iranowi sankcjami.', ['zagrozil-sankcjami']],
    ['Polska przekazała Ukrainie czołgi.', ['przekazal-bron']],
    ['Kijów odrzucił oskarżenia Moskwy.', ['odrzucil-oskarzenia']],
    ['Rosja i Białoruś przeprowadziły wspólne ćwiczenia wojskowe.', ['wspolne-cwiczenia-wojskowe']],
    ['Turcja zaoferowała mediację w konflikcie.', ['zaoferowal-mediacje']],
    ['Rosja wycofała się z układu o kontroli zbrojeń.', ['wycofal-sie-z-traktatu']],
    ['Estonia domaga się wycofania wojsk rosyjskich.', ['zazadal-wycofania-wojsk']],
    ['Rzecznik rządu odmówił komentarza.', ['odmowil-komentarza']],
    ['Ambasador został wezwany do MSZ.', ['ambasador-wezwany']],
    ['Białoruś z zadowoleniem przyjmuje konstruktywne propozycje.', ['z-zadowoleniem']],
    ['Minister odbył we wtorek rozmowę telefoniczną z sekretarzem stanu.', ['rozmowa-telefoniczna']],
    ['Polska przedstawi sojusznikom informacje o kampanii dezinformacyjnej.', ['przedstawil-informacje']],
    ['Warszawa może wprowadzić część ograniczeń na poziomie krajowym.', ['wprowadzil-ograniczenia-sankcje']],
    ['Waszyngton zdecydował o wysłaniu do Polski dodatkowych żołnierzy.', ['wyslal-wojska-do']],
    ['Niemcy stoją ramię w ramię z Polską.', ['ramie-w-ramie']],
    ['Tego rodzaju insynuacje są całkowicie bezpodstawne.', ['bezpodstawne']],
    ['Berlin do dziś nie odpowiedział na ten dokument.', ['odpowiedzial-na-note']],
    ['Mińsk oczekuje od Warszawy oficjalnych przeprosin.', ['oczekuje-przeprosin']],
    ['Projektem mają zająć się w piątek ambasadorowie.', ['projektem-zajac-sie']],
    ['Rau podziękował Berlinowi za wsparcie.', ['podziekowal', 'wsparcie']],
    ['Rosyjskie rakiety uderzyły w magazyny paliwa.', ['uderzyl-wojsko']],
    ['Ławrow ostrzegł przed ryzykiem wojny.', ['ostrzegl-przed']],
    ['Premier planuje spotkać się z kanclerzem w maju.', ['planuje-spotkanie']],
    ['Unia nie osiągnęła porozumień w sprawie ograniczeń.', ['osiagnieto-porozumienie']],
  ],
};

/** Ordinary sentences in which no trigger may fire. */
const NEGATIVE: Record<Lang, string[]> = {
  ru: [
    'Безопасность региона очень важна для всех.',
    'Погода в столице в четверг была солнечной.',
    'Экономика страны выросла на три процента за прошлый год.',
    'Новая библиотека откроется в центре города осенью.',
    'Студенты сдали экзамены и разъехались на каникулы.',
    'Министр иностранных дел родился в Ленинграде.',
    'Это требует времени.',
    'В прошлом году зима прошла спокойно.',
  ],
  pl: [
    'Bezpieczeństwo regionu jest bardzo ważne.',
    'Ceny chleba wzrosły w listopadzie o trzy procent.',
    'W sobotę w Krakowie odbył się koncert muzyki klasycznej.',
    'Nowy most zostanie otwarty w przyszłym roku.',
    'Dzieci bawiły się w parku do wieczora.',
    'To zadanie wymaga czasu.',
    'Nowe sankcje uderzą w europejską energetykę.',
    'Rozmówcy zgodnie wyszli z sali.',
    'Dziennikarze mediów publicznych wyszli z budynku.',
  ],
};

/** Grammar markers: [list, marker id, a sentence it must match, a sentence it must not]. */
const MARKERS: Record<Lang, [(typeof MARKER_LISTS)[number], string, string, string][]> = {
  ru: [
    ['negation', 'ne', 'Россия не признала итоги выборов.', 'Россия признала итоги выборов.'],
    ['planned', 'budet', 'Министр будет в Пекине в среду.', 'Министр был в Пекине в среду.'],
    ['hypothetical', 'esli', 'Если Запад введёт санкции, Москва ответит.', 'Запад ввёл санкции.'],
    [
      'pastTense',
      'past-l',
      'Министр иностранных дел заявила о визите.',
      'Министр иностранных дел заявляет о визите.',
    ],
    ['futureTense', 'sostoitsya', 'Встреча состоится в Минске.', 'Встреча прошла в Минске.'],
    [
      'futureTense',
      'perfective-future',
      'Лавров 20 декабря проведёт переговоры в Москве.',
      'Лавров 20 декабря провёл переговоры в Москве.',
    ],
    ['planned', 'namechen', 'Визит намечен на март.', 'Визит прошёл в марте.'],
    ['planned', 'dolzhen', 'Министры должны провести встречу в мае.', 'Министры провели встречу в мае.'],
  ],
  pl: [
    ['negation', 'nie', 'Polska nie uzna wyników wyborów.', 'Polska uzna wyniki wyborów.'],
    ['planned', 'zamierza', 'Premier zamierza odwiedzić Kijów.', 'Premier odwiedził Kijów.'],
    [
      'hypothetical',
      'jesli',
      'Gdyby Rosja wycofała wojska, rozmowy byłyby możliwe.',
      'Rosja wycofała wojska.',
    ],
    ['pastTense', 'past-3rd', 'Minister oświadczył to w Wilnie.', 'Minister mówi to w Wilnie.'],
    ['futureTense', 'odbedzie', 'Szczyt odbędzie się w Wilnie.', 'Szczyt trwa w Wilnie.'],
    [
      'futureTense',
      'perfective-future',
      'Rau złoży wizytę w Waszyngtonie.',
      'Rau złożył wizytę w Waszyngtonie.',
    ],
    [
      'planned',
      'ma-sie-odbyc',
      'Projektem mają zająć się ambasadorowie.',
      'Projektem zajęli się ambasadorowie.',
    ],
  ],
};

describe.each(LANGS)('%s trigger lexicon', (lang) => {
  const file = triggers(lang);
  const compiled = file.patterns.map((entry) => ({ entry, c: compilePattern(entry.pattern) }));

  it('declares its language and holds at least 150 patterns with unique ids', () => {
    expect(file.language).toBe(lang);
    expect(file.patterns.length).toBeGreaterThanOrEqual(150);
    const ids = file.patterns.map((p) => p.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('uses only codes of the CAMEO codebook, known frames and parts of speech, and gives a summary', () => {
    expect(cameoCodes.size).toBeGreaterThan(200);
    const bad = file.patterns.filter(
      (p) =>
        !cameoCodes.has(p.code) ||
        !['VERB', 'NOUN', 'ADJ'].includes(p.pos) ||
        !['DEFAULT', 'SPEECH', 'ADDRESS', 'RECEIVE', 'MEET'].includes(p.frame) ||
        !/^[a-z]/.test(p.summary),
    );
    expect(bad.map((p) => p.id)).toEqual([]);
  });

  it('keeps the expected trigger in each sample sentence', () => {
    for (const [sentence, expected] of POSITIVE[lang]) {
      const kept = winners(compiled, sentence).map((h) => h.id);
      expect({ sentence, kept }).toEqual({ sentence, kept: expect.arrayContaining(expected) });
    }
  });

  it('fires on nothing in ordinary sentences', () => {
    for (const sentence of NEGATIVE[lang]) {
      expect({ sentence, hits: winners(compiled, sentence).map((h) => h.id) }).toEqual({
        sentence,
        hits: [],
      });
    }
  });
});

describe.each(LANGS)('%s grammar lexicon', (lang) => {
  const file = grammar(lang);

  it('compiles every marker, with ids unique in the file', () => {
    expect(file.language).toBe(lang);
    const ids: string[] = [];
    for (const list of MARKER_LISTS) {
      expect(file[list].length, list).toBeGreaterThan(0);
      for (const marker of file[list]) {
        expect(() => compilePattern(marker.pattern), `${list}#${marker.id}`).not.toThrow();
        ids.push(`${list}#${marker.id}`);
      }
    }
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('lists prepositions as single words', () => {
    for (const list of PREPOSITION_LISTS) {
      for (const word of file[list])
        expect(
          tokenize(word).map((t) => t.text),
          `${list}: ${word}`,
        ).toEqual([word]);
    }
    expect(file.withPrepositions.length).toBeGreaterThan(0);
    expect(file.addresseePrepositions.length).toBeGreaterThan(0);
  });

  it('matches each sample marker sentence and not its counterpart', () => {
    for (const [list, id, yes, no] of MARKERS[lang]) {
      const marker = file[list].find((m) => m.id === id);
      expect(marker, `${list}#${id}`).toBeDefined();
      const c = compilePattern(marker!.pattern);
      expect(findAll(c, tokenize(yes)).length, yes).toBeGreaterThan(0);
      expect(findAll(c, tokenize(no)), no).toEqual([]);
    }
  });
});

describe('Russian passive agents', () => {
  it('have no preposition and a note pointing to the instrumental', () => {
    const file = grammar('ru');
    expect(file.passiveAgent).toEqual([]);
    expect(file.passiveNote).toMatch(/instrumental/);
  });
});

describe('Polish passive agents', () => {
  it('are introduced by przez', () => {
    expect(grammar('pl').passiveAgent).toEqual(['przez']);
  });
});
