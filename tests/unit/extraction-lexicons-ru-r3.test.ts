import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CompiledPattern, compilePattern, findAll } from '../../src/modules/extraction/text/patterns.ts';
import { tokenize } from '../../src/modules/extraction/text/tokens.ts';

interface Trigger {
  id: string;
  pattern: string;
  code: string;
  frame: string;
}

const file = JSON.parse(
  readFileSync(new URL('../../data/lexicons/ru/triggers.json', import.meta.url), 'utf8'),
) as { patterns: Trigger[] };
const compiled = file.patterns.map((entry) => ({ entry, c: compilePattern(entry.pattern) }));

/**
 * The trigger ids a sentence keeps after overlapping matches compete, by the rule of
 * src/modules/extraction/rules/triggers.ts: more pattern steps, then content before speech,
 * then the tighter match, then the earlier one.
 */
function kept(sentence: string): string[] {
  const hits: { id: string; speech: boolean; first: number; last: number; steps: number }[] = [];
  for (const { entry, c } of compiled as { entry: Trigger; c: CompiledPattern }[]) {
    for (const m of findAll(c, tokenize(sentence)))
      hits.push({
        id: entry.id,
        speech: entry.frame === 'SPEECH',
        first: m.first,
        last: m.last,
        steps: c.steps.length,
      });
  }
  hits.sort(
    (a, b) =>
      b.steps - a.steps ||
      Number(a.speech) - Number(b.speech) ||
      a.last - a.first - (b.last - b.first) ||
      a.first - b.first,
  );
  const out: typeof hits = [];
  for (const h of hits) if (!out.some((k) => h.first <= k.last && k.first <= h.last)) out.push(h);
  return out.map((h) => h.id);
}

/** Sentences written for this test, each with the round-3 pattern it must keep. */
const POSITIVE: [string, string][] = [
  ['Официальный представитель МИД сделала заявление для прессы.', 'sdelal-zayavlenie'],
  ['Пресс-секретарь Кремля не стал комментировать эти сообщения.', 'ne-stal-kommentirovat'],
  ['В Минске опасаются новой волны санкций.', 'opasaetsya'],
  ['Министр выразил уверенность в успехе переговоров.', 'vyrazil-uverennost'],
  ['Правительство прорабатывает вопрос о закрытии границы.', 'izuchaet-vopros'],
  ['Киев отверг свою причастность к взрыву.', 'otverg-prichastnost'],
  ['Стороны сошлись во мнении, что кризис нужно решать политически.', 'soshlis-vo-mnenii'],
  ['Литва обратилась к союзникам за помощью.', 'obratilsya-za-pomoshyu'],
  ['Китай призвал стороны решить разногласия за столом переговоров.', 'prizval-reshit-raznoglasiya'],
  ['Премьер принял приглашение посетить Пекин.', 'prinyal-priglashenie'],
  ['Турция готова выступить посредником между сторонами.', 'gotov-vystupit-posrednikom'],
  ['Министры приняли участие в заседании Совета ЕС.', 'prinyal-uchastie'],
  ['В ходе беседы стороны сверили часы по ключевым вопросам.', 'sverili-chasy'],
  ['Макрон позвонил Путину во вторник.', 'pozvonil'],
  ['Глава МИД совершил рабочий визит в Ереван.', 'sovershil-vizit'],
  ['Канцлер дал высокую оценку работе посредников.', 'dal-vysokuyu-ocenku'],
  ['США передали Украине зенитные ракеты.', 'postavil-tehniku'],
  ['Москва оставляет за собой право на ответные меры.', 'ostavlyaet-za-soboy-pravo'],
  ['Пекин наложил вето на проект резолюции.', 'nalozhil-veto'],
  ['Посол был вызван на ковер в МИД.', 'vyzval-na-kover'],
  ['Москва отменила визит министра в Берлин.', 'otmenil-vizit'],
  ['Пять дипломатов высланы из страны.', 'vyslan'],
  ['Польша приостановила выдачу виз гражданам Белоруссии.', 'priostanovil-vydachu-viz'],
  ['Вашингтон потребовал извинений от Пекина.', 'potreboval-izvineniy'],
  ['Стороны договорились о прекращении огня.', 'dogovorilis-o-prekrashenii-ognya'],
];

/** Ordinary sentences near the new patterns' words, in which no trigger may fire. */
const NEGATIVE = [
  'Компания возобновила работу после ремонта.',
  'Город открыл новую школу.',
  'Учёные провели испытание новой вакцины.',
  'Президент принял участие в открытии выставки.',
  'Рост прибыли банка превзошёл прогнозы.',
  'Спортсмены провели тренировочные сборы в горах.',
  'Завод выпустил тысячу автомобилей за месяц.',
  'Журнал опубликовал интервью с писателем.',
  'Жители пожелали городу процветания.',
  'Подрыв доверия к банкам беспокоит вкладчиков.',
];

describe('ru trigger lexicon, round 3 phrasings', () => {
  it.each(POSITIVE)('keeps the expected pattern in «%s»', (sentence, id) => {
    expect(file.patterns.some((p) => p.id === id)).toBe(true);
    expect(kept(sentence)).toContain(id);
  });

  it.each(NEGATIVE)('fires nothing in «%s»', (sentence) => {
    expect(kept(sentence)).toEqual([]);
  });
});
