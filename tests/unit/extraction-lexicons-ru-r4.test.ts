import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../src/modules/extraction/actors/gazetteer.ts';
import { defaultLexicons, LEXICON_DIR } from '../../src/modules/extraction/lexicons.ts';
import { rulesEngine } from '../../src/modules/extraction/rules/engine.ts';
import { selectTriggers } from '../support/triggers.ts';

interface TriggerEntry {
  id: string;
  pattern: string;
  code: string;
  pos: string;
  frame: string;
}

const file = JSON.parse(readFileSync(`${LEXICON_DIR}/ru/triggers.json`, 'utf8')) as {
  patterns: TriggerEntry[];
};
const posOf = (id: string) => file.patterns.find((p) => p.id === id)?.pos;

/** Sentences written for this test, each with the round-4 pattern it must select and its code. */
const POSITIVE: [string, string, string][] = [
  ['Киев попросит союзников ускорить работу.', 'prosit', '020'],
  ['Сенат отклонил просьбу Белого дома.', 'prosba', '020'],
  ['Папа Римский призовёт стороны к миру.', 'prizval', '020'],
  ['Призывы Вашингтона остались без внимания.', 'prizyv', '020'],
  ['Парламент поддержит законопроект в первом чтении.', 'podderzhal', '051'],
  ['Премьер поблагодарил Токио за поддержку.', 'podderzhka', '051'],
  ['Катар поставит сжиженный газ в Германию.', 'postavki-energii', '061'],
  ['Поставки российского газа в Европу сократились вдвое.', 'postavki-energii-noun', '061'],
  ['Кишинёв рассчитывает на финансовую помощь Брюсселя.', 'rasschityvaet-na-pomosh', '023'],
  ['Ереван надеется на поддержку партнёров по ОДКБ.', 'rasschityvaet-na-podderzhku', '022'],
  ['Пострадавшие районы ждут помощи от правительства.', 'zhdet-pomoshi', '023'],
  ['Президент высоко оценил вклад миротворцев.', 'vysoko-cenit', '051'],
  ['В Пекине по достоинству оценили эту инициативу.', 'po-dostoinstvu-ocenil', '051'],
  ['Москва ценит взвешенную позицию Анкары.', 'cenit-poziciyu', '051'],
  ['Токио намерен продолжить диалог с Сеулом.', 'nameren-vesti-dialog', '036'],
  ['Вашингтон не намеревается вести переговоры с талибами.', 'nameren-vesti-dialog', '036'],
  ['Лидеры планируют встретиться в Пекине.', 'nameren-vstretitsya', '040'],
  ['На саммите в Мадриде лидеры обсудят новую стратегию.', 'na-sammite-rassmotryat', '040'],
  ['Катар выразил готовность выступать посредником в переговорах.', 'gotov-vystupit-posrednikom', '039'],
  ['Альянс может перебросить войска к границе.', 'styagivaet-voyska', '154'],
  ['Минобороны перебросит в регион дополнительную группировку.', 'styagivaet-voyska', '154'],
  ['Польша увеличит численность вооружённых сил до трёхсот тысяч.', 'uvelichil-chislennost-voysk', '154'],
  ['Альянс задействовал силы быстрого реагирования.', 'sily-bystrogo-reagirovaniya', '154'],
  ['Гарнизон находится в состоянии повышенной готовности.', 'povyshennaya-gotovnost', '152'],
  ['Иран и Россия перешли на расчёты в рублях и риалах.', 'pereshli-na-raschety', '061'],
  ['Стороны переведут торговлю на национальные валюты.', 'pereveli-raschety', '061'],
  ['Доля расчётов в национальных валютах превысила половину.', 'raschety-v-nacvalyutah', '061'],
  ['Решение суда подвергли резкой критике в Брюсселе.', 'podverg-kritike', '111'],
  ['Пограничники задержали трёх нарушителей.', 'zaderzhal', '173'],
];

/** Ordinary sentences near the new patterns' words, in which no trigger may fire. */
const NEGATIVE = [
  'Туристы перешли на другую сторону улицы.',
  'Бухгалтер перевёл расчёты в новую программу.',
  'Мальчик поставил чашку на стол.',
  'Учёные увеличили численность популяции редких птиц.',
  'Кафе работает в режиме повышенной нагрузки.',
  'Силы быстро иссякли после долгого подъёма.',
  'Она ценит тишину и хорошие книги.',
  'Поставки мебели задерживаются на неделю.',
  'Цены на билеты в национальный парк выросли.',
  'На выставке показали картины молодых художников.',
  'Рейс задержался на два часа из-за тумана.',
];

describe('ru triggers, round 4: new phrasings select their pattern', () => {
  it.each(POSITIVE)('«%s» selects %s (%s)', (sentence, id, code) => {
    const selected = selectTriggers('ru', sentence);
    const hit = selected.find((s) => s.id === id);
    expect(hit, JSON.stringify(selected)).toBeDefined();
    expect(hit!.code).toBe(code);
  });

  it.each(NEGATIVE)('«%s» fires no trigger', (sentence) => {
    expect(selectTriggers('ru', sentence)).toEqual([]);
  });
});

describe('ru triggers, round 4: what a noun or a word of another sense may not become', () => {
  it('keeps the nouns of request, appeal, support and supply apart from their verbs', () => {
    expect(
      ['prosba', 'prizyv', 'podderzhka', 'postavki-energii-noun', 'raschety-v-nacvalyutah'].map(posOf),
    ).toEqual(['NOUN', 'NOUN', 'NOUN', 'NOUN', 'NOUN']);
    expect(['prosit', 'prizval', 'podderzhal', 'postavki-energii'].map(posOf)).toEqual([
      'VERB',
      'VERB',
      'VERB',
      'VERB',
    ]);
  });

  it('reads the forces of heightened readiness as troops, not as readiness to cooperate', () => {
    const ids = selectTriggers('ru', 'Альянс увеличит численность сил повышенной готовности.').map(
      (s) => s.id,
    );
    expect(ids).toContain('uvelichil-chislennost-voysk');
    expect(ids).not.toContain('gotov');
  });

  it('reads a declared intent to talk as 036 and a scheduled meeting as 040', () => {
    expect(selectTriggers('ru', 'Берлин намерен вести диалог с Пекином.').map((s) => s.code)).toEqual([
      '036',
    ]);
    const scheduled = selectTriggers('ru', 'Министры планируют провести встречу в мае.').map((s) => s.code);
    expect(scheduled).toContain('040');
    expect(scheduled).not.toContain('036');
  });
});

describe('ru grammar, round 4: events the engine builds from the new patterns', () => {
  const lexicons = defaultLexicons();
  const gazetteer = buildGazetteer([], lexicons);
  const extract = (text: string) =>
    rulesEngine.extract(
      { text, publishedAt: '2024-03-01', language: 'ru', title: null, publisher: null },
      { gazetteer, lexicons },
    );

  it('one event where a noun of request stands beside the verb that supports it', () => {
    const draft = extract('Германия поддержала эту просьбу Литвы.');
    expect(draft.events.map((e) => e.cameoCode)).toEqual(['051']);
  });

  it('reads the perfective future "увеличит" as a plan', () => {
    const draft = extract('Польша увеличит численность вооружённых сил.');
    expect(draft.events.map((e) => [e.cameoCode, e.status])).toEqual([['154', 'PLANNED']]);
  });
});
