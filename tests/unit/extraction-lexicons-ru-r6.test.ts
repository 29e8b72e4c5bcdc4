import { describe, expect, it } from 'vitest';
import { expectSelected, selectTriggers } from '../support/triggers.ts';

/**
 * Sentences written for this test, one for each pattern family added in round 6 (coverage of
 * the language's wire phrasings by CAMEO root), with the pattern it must select and its code.
 */
const POSITIVE: [string, string, string][] = [
  ['Глава МИД дал интервью телеканалу.', 'dal-intervyu', '010'],
  ['Стороны выразили удовлетворение итогами встречи.', 'vyrazil-udovletvorenie', '013'],
  ['Премьер удовлетворён итогами визита в Сеул.', 'udovletvoren-itogami', '013'],
  ['Пекин назвал обвинения Токио беспочвенными.', 'nazval-obvineniya-bespochvennymi', '016'],
  ['В Кремле назвали эти сведения вымыслом.', 'nazval-obvineniya-bespochvennymi', '016'],
  ['Президент направил коллеге поздравительную телеграмму.', 'pozdravitelnoe-poslanie', '051'],
  ['Министры скрепили подписями договор о дружбе.', 'skrepili-podpisyami', '057'],
  ['Страны создали совместное предприятие по сборке автобусов.', 'sovmestnoe-predpriyatie', '061'],
  ['Минфин исключил две компании из санкционного списка.', 'isklyuchil-iz-sankcionnogo-spiska', '085'],
  ['Горняки бастуют третью неделю.', 'bastuet', '143'],
  ['Посольство сократило штат сотрудников консульства.', 'sokratil-personal-posolstva', '161'],
  ['Молдова попросила о военной помощи.', 'prosil-voennuyu-pomosh', '0232'],
  ['Власти обратились за гуманитарной помощью к соседям.', 'obratilsya-za-gumanitarnoy', '0233'],
  ['Страны намерены нарастить товарооборот.', 'narastit-tovarooborot', '061'],
  ['Москва не исключает ответных мер.', 'ne-isklyuchaet-otvetnyh-mer', '130'],
  ['Страны восстановили прямое авиасообщение.', 'vosstanovil-aviasoobshenie', '050'],
  ['Правительство пошло на компромисс с профсоюзами.', 'poshel-na-kompromiss', '080'],
  ['Власти выполнили требования бастующих шахтёров.', 'vypolnil-trebovaniya', '080'],
  ['Страна свернула военное сотрудничество с Россией.', 'svernul-voennoe-sotrudnichestvo', '160'],
  ['Боевики совершили теракт в метро.', 'sovershil-terakt', '180'],
  ['Ответственность за теракт пока никто не взял.', 'terakt-noun', '180'],
  ['Пекин ввёл запрет на импорт рыбы.', 'vvel-zapret-na-import', '163'],
  [
    'Латвия закрыла воздушное пространство для белорусских самолётов.',
    'zakryl-vozdushnoe-prostranstvo-dlya',
    '163',
  ],
  ['Оппозиция не признаёт итоги выборов.', 'ne-priznaet-itogi', '120'],
  ['Партия отказалась признать результаты голосования.', 'otkazalsya-priznat', '120'],
  ['Москва призвала Киев сесть за стол переговоров.', 'prizval-sest-za-stol-peregovorov', '026'],
  ['Полиция применила силу против демонстрантов.', 'primenil-silu-protiv-demonstrantov', '175'],
  ['Делегации сели за стол переговоров в Дохе.', 'seli-za-stol', '046'],
  ['Протестующие забросали полицию камнями.', 'zabrosali-policiyu', '145'],
  ['Войска противника предприняли попытку наступления.', 'popytka-nastupleniya', '190'],
  ['Армия ведёт огонь по окраинам города.', 'vedut-ogon', '190'],
  ['Войска ведут артиллерийский огонь по окраинам.', 'vedut-artilleriyskiy-ogon', '194'],
  ['ВКС нанесли бомбовый удар по позициям боевиков.', 'bombovy-udar', '195'],
];

/** Ordinary sentences near the new patterns' words, in which no trigger may fire. */
const NEGATIVE = [
  'Дети дали котёнку тёплого молока.',
  'Соседи создали совместный огород во дворе.',
  'Повар исключил сахар из рецепта торта.',
  'Магазин увеличил ассортимент овощей.',
  'Бабушка пошла на рынок за хлебом.',
  'Мальчик забросал друга снежками.',
  'Туристы развели огонь у реки.',
  'Студенты сели за стол в столовой.',
  'Школа восстановила расписание занятий.',
  'Бригада завершила ремонт моста досрочно.',
];

describe('ru triggers, round 6: the language’s phrasings select their pattern', () => {
  it.each(POSITIVE)('«%s» selects %s (%s)', (sentence, id, code) => {
    expectSelected('ru', sentence, id, code);
  });

  it.each(NEGATIVE)('«%s» fires no trigger', (sentence) => {
    expect(selectTriggers('ru', sentence)).toEqual([]);
  });
});

describe('ru triggers, round 6: the specific phrase wins over the word inside it', () => {
  const ids = (sentence: string) => selectTriggers('ru', sentence).map((s) => s.id);

  it('reads an appeal for military aid as one appeal, not as aid given', () => {
    const selected = ids('Молдова попросила о военной помощи.');
    expect(selected).toContain('prosil-voennuyu-pomosh');
    expect(selected).not.toContain('voennaya-pomosh');
  });

  it('reads artillery fire as artillery, not as generic fire', () => {
    expect(ids('Войска ведут артиллерийский огонь по окраинам.')).not.toContain('vedut-ogon');
  });

  it('reads a refusal to recognise an election as a rejection, not as recognition', () => {
    expect(ids('Оппозиция не признаёт итоги выборов.')).not.toContain('priznal-nezavisimost');
  });
});
