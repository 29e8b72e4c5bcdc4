import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../src/modules/extraction/actors/gazetteer.ts';
import { defaultLexicons } from '../../src/modules/extraction/lexicons.ts';
import { rulesEngine } from '../../src/modules/extraction/rules/engine.ts';
import { expectSelected, selectTriggers } from '../support/triggers.ts';

/** Sentences written for this test, each with the round-5 pattern it must select and its code. */
const POSITIVE: [string, string, string][] = [
  ['Минск может заморозить переговоры с Вильнюсом.', 'prerval-peregovory', '164'],
  ['Стороны приостановят консультации до осени.', 'prerval-peregovory', '164'],
  ['Переговоры по торговому соглашению были приостановлены в марте.', 'peregovory-priostanovleny', '164'],
  ['Приостановка переговоров стала неожиданностью для рынков.', 'priostanovka-peregovorov', '164'],
  ['Катар может приостановить посредничество между сторонами.', 'prekratil-posrednichestvo', '165'],
  ['Эти действия не останутся без ответа, предупредили в Пекине.', 'ne-ostanetsya-bez-otveta', '130'],
  ['Мы не оставим без последствий обстрел нашей территории.', 'ne-ostanetsya-bez-otveta', '130'],
  ['Нападение на консульство не останется безнаказанным.', 'ne-ostanetsya-beznakazannym', '130'],
  ['Кишинёв отверг дорожную карту урегулирования.', 'otverg-plan', '127'],
  ['Мирная инициатива Бразилии была отвергнута Киевом.', 'plan-otvergnut', '127'],
  [
    'Пхеньян отклонил предложение Сеула провести переговоры на границе.',
    'otverg-predlozhenie-vstretitsya',
    '125',
  ],
  ['Приглашение посетить Пекин было отклонено премьером.', 'predlozhenie-vstretitsya-otkloneno', '125'],
  ['Подписанный в мае меморандум вступил в силу.', 'podpisal', '057'],
  ['Подписание договора о дружбе запланировано на осень.', 'podpisanie', '057'],
  ['Венгрия намерена и впредь закупать российскую нефть.', 'nameren-zakupat', '0311'],
  ['Египет готов покупать больше зерна у Казахстана.', 'nameren-zakupat', '0311'],
  ['Анкара предложила Баку подписать газовый контракт.', 'predlozhil-kontrakt', '0311'],
  ['Москва предложила Анкаре поставки сжиженного газа.', 'predlozhil-postavki', '0311'],
  ['Премьер назвал сделку взаимовыгодной для обеих стран.', 'nazval-konstruktivnym', '051'],
  ['Посол назвал доклад комиссии предвзятым.', 'nazval-provokaciey', '111'],
  ['В Берлине инициативу Варшавы встретили без энтузиазма.', 'vstretil-bez-entuziazma', '110'],
  ['Оппозиция встретила законопроект в штыки.', 'vstretil-v-shtyki', '110'],
  ['Предложение Парижа в Лондоне восприняли прохладно.', 'vstretil-holodno', '110'],
  ['В Сеуле решение Токио встретили с пониманием.', 'vstretil-s-odobreniem', '051'],
  ['Новые пошлины на сталь Вашингтон введёт с июля.', 'ogranicheniya-vvedeny', '163'],
  ['Введение эмбарго на нефть обсуждается в Брюсселе.', 'vvedenie-sankciy', '163'],
  ['Стороны договорились начать подготовку визита канцлера в Пекин.', 'podgotovka-vizita', '042'],
  ['Дипломаты ведут подготовку поездки премьера в Дели.', 'podgotovka-vizita', '042'],
  ['Лидеры углубили двусторонние отношения.', 'ukreplyat-otnosheniya', '050'],
  ['Встреча лидеров трёх прибалтийских государств и Польши прошла в Риге.', 'vstrecha-proshla', '040'],
  ['Переговоры делегаций затянулись до утра.', 'vstrecha-proshla', '040'],
  ['Парламент денонсировал соглашение о реадмиссии.', 'denonsiroval', '160'],
];

/** Ordinary sentences near the new patterns' words, in which no trigger may fire. */
const NEGATIVE = [
  'Рыбаки заморозили улов прямо на палубе.',
  'Срыв сроков поставки мебели разозлил покупателей.',
  'Это предложение звучит заманчиво для студентов.',
  'Школа не останется без нового спортзала.',
  'Проказа котёнка не осталась безнаказанной.',
  'Туристы восприняли новость о дожде спокойно.',
  'Соседи приостановили ремонт подъезда.',
  'Введение новых правил парковки отложили.',
  'Концерт прошёл с большим успехом.',
  'Мальчик закупил тетради к школе.',
  'Засуха углубила кризис в двусторонних отношениях.',
];

describe('ru triggers, round 5: new phrasings select their pattern', () => {
  it.each(POSITIVE)('«%s» selects %s (%s)', (sentence, id, code) => {
    expectSelected('ru', sentence, id, code);
  });

  it.each(NEGATIVE)('«%s» fires no trigger', (sentence) => {
    expect(selectTriggers('ru', sentence)).toEqual([]);
  });
});

describe('ru triggers, round 5: the specific phrase wins over the word inside it', () => {
  const ids = (sentence: string) => selectTriggers('ru', sentence).map((s) => s.id);

  it('reads a rejected proposal to hold consultations as one rejection, not a meeting', () => {
    const selected = ids('Варшава отвергла предложение Минска провести в мае консультации.');
    expect(selected).toContain('otverg-predlozhenie-vstretitsya');
    expect(selected).not.toContain('provel-vstrechu');
  });

  it('reads an intent to buy gas as intent to cooperate, not as the purchase', () => {
    const selected = ids('Словакия намерена закупать азербайджанский газ.');
    expect(selected).toContain('nameren-zakupat');
    expect(selected).not.toContain('zakupaet-energiyu');
  });

  it('reads an offer to conclude a contract as one offer, not a signing', () => {
    const selected = ids('Баку предлагал Тбилиси заключить долгосрочный контракт.');
    expect(selected).toEqual(['predlozhil-kontrakt']);
  });

  it('does not take a decision met coldly for a meeting', () => {
    expect(ids('В Вашингтоне решение Эр-Рияда встретили холодно.')).toEqual(['vstretil-holodno']);
  });

  it('keeps the nominative "встреча" a noun, beside the verbs of meeting', () => {
    expect(selectTriggers('ru', 'Такая встреча пока не планируется.')).toEqual([
      expect.objectContaining({ id: 'vstrecha-noun', code: '040' }),
    ]);
  });
});

describe('ru lexicons, round 5: events and actors the engine builds', () => {
  const lexicons = defaultLexicons();
  const gazetteer = buildGazetteer([], lexicons);
  const extract = (text: string) =>
    rulesEngine.extract(
      { text, publishedAt: '2024-03-01', language: 'ru', title: null, publisher: null },
      { gazetteer, lexicons },
    );

  it('one meeting where a later noun "встреча" refers back to it', () => {
    const draft = extract('Лавров встретился с Блинкеном, хотя такая встреча ранее не исключалась.');
    expect(draft.events.map((e) => e.cameoCode)).toEqual(['040']);
  });

  it('a visit whose preparation is agreed is planned', () => {
    const draft = extract('Германия и Китай договорились продолжить подготовку визита канцлера в Пекин.');
    expect(draft.events.map((e) => [e.cameoCode, e.status])).toEqual([['042', 'PLANNED']]);
  });

  it('a permanent representative speaks for the state, not for its foreign ministry', () => {
    const ids = extract('Постпред Франции Пьер Дюран выступил против резолюции.').actors.map((a) => a.id);
    expect(ids).toContain('france');
    expect(ids).not.toContain('france-foreign-ministry');
  });

  it('a line minister speaks for the state, not for an unnamed government body', () => {
    const ids = extract('Министр финансов Польши Анджей Новицкий обвинил Берлин.').actors.map((a) => a.id);
    expect(ids).toContain('poland');
    expect(ids).not.toContain('poland-government');
  });

  it('the western direction is a place; western countries are the West', () => {
    expect(
      extract('Россия перебросит войска на западное направление.').actors.map((a) => a.id),
    ).not.toContain('the-west');
    expect(extract('Западные страны ввели санкции против Минска.').actors.map((a) => a.id)).toContain(
      'the-west',
    );
  });
});
