import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../src/modules/extraction/actors/gazetteer.ts';
import { defaultLexicons } from '../../src/modules/extraction/lexicons.ts';
import { rulesEngine } from '../../src/modules/extraction/rules/engine.ts';
import { expectSelected, selectTriggers } from '../support/triggers.ts';

/**
 * Sentences written for this test, one for each pattern family added or narrowed in round 8,
 * with the pattern it must select and its code.
 */
const POSITIVE: [string, string, string][] = [
  ['Белград будет добиваться восстановления прямого авиасообщения.', 'dobivatsya-vozobnovleniya', '030'],
  ['Казахстан передал председательство в организации Киргизии.', 'peredal-predsedatelstvo', '050'],
  ['С 1 января Бразилия приняла председательство в группе.', 'peredal-predsedatelstvo', '050'],
  ['Мы будем вынуждены принять ответные шаги.', 'budem-vynuzhdeny', '130'],
  ['Москва будет вынуждена отреагировать на размещение ракет.', 'budem-vynuzhdeny', '130'],
  ['Вынуждены будем закрыть консульство.', 'vynuzhdeny-budem', '130'],
  ['Визит министра в Токио в этом году исключён.', 'kontakty-isklyucheny', '125'],
  ['Переговоры на высшем уровне пока не исключены.', 'kontakty-ne-isklyucheny', '014'],
  ['Премьер заверил, что страна не будет вводить пошлины.', 'obeshal-chto-ne', '030'],
  ['Парламент согласился рассмотреть законопроект.', 'soglasilsya-sdelat', '030'],
  ['Правительство согласилось продлить соглашение о зерне.', 'soglasilsya-sdelat', '030'],
  ['Стороны условились провести новый раунд консультаций.', 'dogovorilis-provesti-vstrechu', '040'],
  ['Финляндия делегацию на форум так и не прислала.', 'predstavitelya-napravil', '040'],
  ['Польша закрыла транзит белорусских грузов.', 'zakryl-tranzit', '163'],
  ['Таможня перестала пропускать фуры с удобрениями.', 'perestal-propuskat', '163'],
  ['Акция в знак поддержки Кишинёва прошла у посольства.', 'znak-podderzhki', '051'],
  ['Москва угрожает Вильнюсу.', 'prigrozil', '130'],
  ['Визит премьера в Анкару состоялся в марте.', 'vizit-sostoyalsya', '042'],
];

/** Ordinary sentences near the new or narrowed patterns' words, in which no trigger may fire. */
const NEGATIVE = [
  'Старые мины будут угрожать жизни крестьян ещё много лет.',
  'Угрожающая обстановка на дорогах сохраняется.',
  'Фонд финансирует программы поддержки малого бизнеса.',
  'Меры поддержки фермеров остались прежними.',
  'Водитель был вынужден съехать на обочину.',
  'Школьник передал мяч вратарю.',
  'Ученик исключён из кружка рисования.',
];

describe('ru triggers, round 8: the language’s phrasings select their pattern', () => {
  it.each(POSITIVE)('«%s» selects %s (%s)', (sentence, id, code) => {
    expectSelected('ru', sentence, id, code);
  });

  it.each(NEGATIVE)('«%s» fires no trigger', (sentence) => {
    expect(selectTriggers('ru', sentence)).toEqual([]);
  });
});

describe('ru triggers, round 8: the specific phrase wins over the word inside it', () => {
  const ids = (sentence: string) => selectTriggers('ru', sentence).map((s) => s.id);

  it('reads a promise not to use arms as a pledge, not as a promise of arms', () => {
    const selected = ids('Министр пообещал, что эти ракеты не будут применяться против соседей.');
    expect(selected).toContain('obeshal-chto-ne');
    expect(selected).not.toContain('obeshal-oruzhie');
  });

  it('reads "not ruled out" as an option kept, not as contacts ruled out', () => {
    const selected = ids('Контакты между министрами в ближайшее время не исключены.');
    expect(selected).toEqual(['kontakty-ne-isklyucheny']);
  });

  it('reads an agreement to hold a meeting as the meeting, not as an agreement to meet', () => {
    const selected = ids('Министры договорились провести следующее заседание в Баку.');
    expect(selected).toEqual(['dogovorilis-provesti-vstrechu']);
  });

  it('reads the genitive "поддержки" inside a noun phrase as no act of support', () => {
    expect(ids('Проект охватывает всё — от мониторинга мерзлоты до поддержки коренных народов.')).toEqual([]);
  });
});

describe('ru lexicons, round 8: the status of the events the engine builds', () => {
  const lexicons = defaultLexicons();
  const gazetteer = buildGazetteer([], lexicons);
  const extract = (text: string) =>
    rulesEngine.extract(
      { text, publishedAt: '2024-03-01', language: 'ru', title: null, publisher: null },
      { gazetteer, lexicons },
    );
  const codes = (text: string) => extract(text).events.map((e) => [e.cameoCode, e.status]);

  it('a delegation a state did not send is a negated meeting', () => {
    expect(codes('Азербайджан своего представителя на встречу в Ереване не направил.')).toEqual([
      ['040', 'NEGATED'],
    ]);
  });

  it('a meeting the parties agreed to hold is planned', () => {
    expect(codes('Литва и Латвия договорились провести консультации в Риге.')).toEqual([['040', 'PLANNED']]);
  });

  it('a pledge that something will not happen is an asserted pledge, not a negated one', () => {
    expect(codes('Румыния пообещала, что эти самолёты не будут использоваться против Молдовы.')).toEqual([
      ['030', 'ASSERTED'],
    ]);
  });

  it('a threat to be forced to respond under a condition is a threat made', () => {
    expect(codes('Если Эстония вышлет посла, Россия будет вынуждена принять ответные меры.')).toEqual([
      ['130', 'ASSERTED'],
    ]);
  });

  it('a visit that never took place is a negated visit', () => {
    expect(codes('Поездка президента Франции в Алжир, намеченная на весну, так и не состоялась.')).toEqual([
      ['042', 'NEGATED'],
    ]);
  });

  it('handing over a chairmanship is cooperation with the state that takes it', () => {
    const ev = extract('Финляндия передала председательство в совете Швеции.').events;
    expect(ev.map((e) => e.cameoCode)).toEqual(['050']);
    expect(ev[0]!.roles.map((r) => [r.actorId, r.role])).toEqual(
      expect.arrayContaining([
        ['finland', 'ACTOR'],
        ['sweden', 'RECIPIENT'],
      ]),
    );
  });
});
