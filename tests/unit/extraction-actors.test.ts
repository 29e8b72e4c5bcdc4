import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActorFindings, findActors } from '../../src/modules/extraction/actors/find.ts';
import {
  buildGazetteer,
  type Gazetteer,
  type GraphActor,
} from '../../src/modules/extraction/actors/gazetteer.ts';
import { inflectName } from '../../src/modules/extraction/actors/inflection.ts';
import { actorLexicons } from '../../src/modules/extraction/actors/lexicon.ts';
import { nameSkeleton, slugify } from '../../src/modules/extraction/actors/translit.ts';
import { LexiconError, type LexiconSet, loadLexicons } from '../../src/modules/extraction/lexicons.ts';
import { LANGUAGES, type Language, type Sentence } from '../../src/modules/extraction/types.ts';

const SEED_DIR = new URL('../../data/seed/', import.meta.url);
const seedText = readFileSync(new URL('bbabo-2022-02-09.txt', SEED_DIR), 'utf8');
const seedBundle = JSON.parse(readFileSync(new URL('bbabo-2022-02-09.bundle.json', SEED_DIR), 'utf8')) as {
  actors: (Omit<GraphActor, 'countryCode'> & { countryCode?: string })[];
};
const seedGraph: GraphActor[] = seedBundle.actors.map((a) => ({
  id: a.id,
  name: a.name,
  kind: a.kind,
  aliases: a.aliases,
  countryCode: a.countryCode ?? null,
}));

/** A plain splitter for the tests: sentence ends before a capital, and at blank lines. */
function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?»](?=\s+[«\p{Lu}])|\n\n/gu)) {
    const end = m.index + m[0].length;
    out.push({ start, end, quote: text.slice(start, end), index: out.length });
    start = end;
  }
  out.push({ start, end: text.length, quote: text.slice(start), index: out.length });
  return out;
}

let lexicons: LexiconSet;
let seedGazetteer: Gazetteer;
let emptyGazetteer: Gazetteer;

beforeAll(() => {
  lexicons = loadLexicons();
  seedGazetteer = buildGazetteer(seedGraph, lexicons);
  emptyGazetteer = buildGazetteer([], lexicons);
});

function find(text: string, language: Language, gazetteer = seedGazetteer): ActorFindings {
  return findActors({ text, sentences: sentences(text), language }, gazetteer, lexicons);
}

function ids(found: ActorFindings): string[] {
  return found.actors.map((a) => a.id);
}

function mentionsOf(found: ActorFindings, id: string) {
  return found.actors.find((a) => a.id === id)?.mentions ?? [];
}

function expectExactOffsets(text: string, found: ActorFindings): void {
  for (const a of found.actors) for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.quote);
  for (const f of found.facts) expect(text.slice(f.mention.start, f.mention.end)).toBe(f.mention.quote);
}

const SEED_IDS = [
  'belarus',
  'russia',
  'united-states',
  'nato',
  'canada',
  'csto',
  'valdai-club',
  'sergei-aleinik',
  'sergey-lavrov',
  'russian-foreign-ministry',
  'the-west',
  'european-countries',
];

describe('the seed article with the seed graph', () => {
  it('finds every actor of the seed, all LINKED, with exact offsets', () => {
    const found = find(seedText, 'fr');
    expect(ids(found)).toEqual(expect.arrayContaining(SEED_IDS));
    for (const id of SEED_IDS) expect(found.actors.find((a) => a.id === id)?.status).toBe('LINKED');
    expectExactOffsets(seedText, found);
  });

  it('links Aleinik to the Belarusian foreign ministry by his title', () => {
    const fact = find(seedText, 'fr').facts.find((f) => f.type === 'HOLDS_POSITION');
    expect(fact).toMatchObject({
      subjectId: 'sergei-aleinik',
      objectId: 'belarus-foreign-ministry',
      title: 'Deputy Minister of Foreign Affairs',
      evidence: [{ rule: 'actor.title', entry: 'fr/titles#vice-ministre-ae' }],
    });
    expect(fact?.mention.quote).toBe(
      'vice-ministre des Affaires étrangères de la République, Sergei Aleinik',
    );
  });

  it('cites the graph for an alias and proposes no alias the graph already lists', () => {
    const found = find(seedText, 'fr');
    const belarus = found.actors.find((a) => a.id === 'belarus')!;
    expect(belarus.mentions.some((m) => m.evidence.some((e) => e.entry === 'graph:belarus'))).toBe(true);
    expect(belarus.newAliases).toEqual([]);
    expect(found.actors.find((a) => a.id === 'sergei-aleinik')?.mentions).toHaveLength(1);
  });

  it('keeps capitals as metonyms and "partie russe" as Russia', () => {
    const found = find(seedText, 'fr');
    const minsk = mentionsOf(found, 'belarus').filter((m) => m.quote === 'Minsk');
    expect(minsk.length).toBe(2);
    for (const m of minsk) expect(m).toMatchObject({ via: 'METONYM', confidence: 0.7 });
    expect(mentionsOf(found, 'russia').map((m) => m.quote)).toContain('partie russe');
  });
});

describe('the seed article with an empty graph', () => {
  it('finds the same actors from the package and the lexicons, all NEW', () => {
    const found = find(seedText, 'fr', emptyGazetteer);
    const withoutLavrov = SEED_IDS.filter((id) => id !== 'sergey-lavrov');
    expect(ids(found)).toEqual(expect.arrayContaining(withoutLavrov));
    const lavrov = found.actors.find((a) => a.kind === 'PERSON' && /lavrov/.test(a.id));
    expect(lavrov?.mentions.map((m) => m.quote)).toEqual(['Sergueï Lavrov']);
    for (const a of found.actors) expect(a.status).toBe('NEW');
    expectExactOffsets(seedText, found);
  });

  it('makes Aleinik a new person from his title, the ministry from the country named before', () => {
    const found = find(seedText, 'fr', emptyGazetteer);
    const aleinik = found.actors.find((a) => a.id === 'sergei-aleinik')!;
    expect(aleinik).toMatchObject({
      kind: 'PERSON',
      status: 'NEW',
      name: 'Sergei Aleinik',
      newAliases: ['Sergei Aleinik'],
    });
    expect(aleinik.mentions[0]!.via).toBe('TITLE_AND_NAME');
    const fact = found.facts.find((f) => f.type === 'HOLDS_POSITION')!;
    expect(fact).toMatchObject({ subjectId: 'sergei-aleinik', objectId: 'belarus-foreign-ministry' });
    expect(fact.warnings.map((w) => w.code)).toEqual(['TITLE_COUNTRY_INFERRED']);
    expect(found.actors.find((a) => a.id === 'belarus-foreign-ministry')?.kind).toBe('GOVERNMENT_BODY');
  });

  it('finds the Russian ministry by its pattern, part of Russia', () => {
    const found = find(seedText, 'fr', emptyGazetteer);
    expect(mentionsOf(found, 'russian-foreign-ministry')[0]).toMatchObject({
      quote: 'ministère russe des Affaires étrangères',
      via: 'PATTERN',
    });
    expect(found.facts).toContainEqual(
      expect.objectContaining({ type: 'PART_OF', subjectId: 'russian-foreign-ministry', objectId: 'russia' }),
    );
  });
});

describe('metonyms', () => {
  it('a capital after a place preposition is a place, not an actor', () => {
    const text = 'Le ministre est arrivé à Moscou mardi. Moscou a répondu aussitôt.';
    const moscou = mentionsOf(find(text, 'fr'), 'russia');
    expect(moscou.map((m) => m.start)).toEqual([text.lastIndexOf('Moscou')]);
    expect(moscou[0]).toMatchObject({ via: 'METONYM', confidence: 0.7 });
  });

  it('drops places in Russian and Polish after в / w, with the declined capital', () => {
    expect(ids(find('Переговоры прошли в Москве и в Кремле.', 'ru'))).toEqual([]);
    expect(ids(find('Rozmowy odbyły się w Moskwie.', 'pl', emptyGazetteer))).toEqual([]);
  });

  it('reads Bruxelles as NATO when the article names NATO, otherwise as the EU', () => {
    const withNato = find("L'OTAN a répondu. Bruxelles a envoyé sa réponse écrite.", 'fr');
    expect(mentionsOf(withNato, 'nato').map((m) => m.quote)).toEqual(["L'OTAN", 'Bruxelles']);
    const withoutNato = find('Bruxelles a adopté de nouvelles sanctions contre la Biélorussie.', 'fr');
    expect(mentionsOf(withoutNato, 'european-union').map((m) => m.quote)).toEqual(['Bruxelles']);
    expect(ids(withoutNato)).not.toContain('nato');
    const ru = find('Брюссель ответил. Альянс НАТО готов.', 'ru', emptyGazetteer);
    expect(mentionsOf(ru, 'nato').map((m) => m.quote)).toEqual(['Брюссель', 'НАТО']);
  });

  it('maps seats of government to the presidential administration', () => {
    const found = find(
      'The White House declined to comment, and the Kremlin said nothing.',
      'en',
      emptyGazetteer,
    );
    expect(ids(found)).toEqual([
      'united-states-presidential-administration',
      'russia-presidential-administration',
    ]);
  });
});

describe('Russian and Polish cases', () => {
  it('generates the cases of graph names: Лаврова, Лавровым (instrumental), России, Белоруссии', () => {
    const text = 'Встреча Лаврова прошла. Письмо подписано Лавровым. Позиция России и Белоруссии ясна.';
    const found = find(text, 'ru');
    expect(mentionsOf(found, 'sergey-lavrov').map((m) => [m.quote, m.grammaticalCase])).toEqual([
      ['Лаврова', null],
      ['Лавровым', 'INS'],
    ]);
    expect(mentionsOf(found, 'russia').map((m) => m.quote)).toEqual(['России']);
    expect(mentionsOf(found, 'belarus').map((m) => m.quote)).toEqual(['Белоруссии']);
    expect(found.actors.find((a) => a.id === 'sergey-lavrov')?.newAliases).toEqual([]);
    expectExactOffsets(text, found);
  });

  it('declines -ик consonant stems: Алейника, Алейнику, Алейником, Алейнике', () => {
    const text = 'Слова Алейника. Алейнику ответили. С Алейником согласны. Об Алейнике писали.';
    expect(mentionsOf(find(text, 'ru'), 'sergei-aleinik').map((m) => [m.quote, m.grammaticalCase])).toEqual([
      ['Алейника', null],
      ['Алейнику', 'DAT'],
      ['Алейником', 'INS'],
      ['Алейнике', 'LOC'],
    ]);
  });

  it('finds Polish country cases from the package names: Rosji, Polsce, Białorusi', () => {
    const text = 'Ambasador Rosji mówił o Polsce i o Białorusi.';
    const found = find(text, 'pl', emptyGazetteer);
    expect(ids(found)).toEqual(['russia', 'poland', 'belarus']);
    expect(found.actors.map((a) => a.mentions[0]!.quote)).toEqual(['Rosji', 'Polsce', 'Białorusi']);
  });

  it('declines a Polish graph name: Ławrow → Ławrowa, Ławrowowi, Ławrowem', () => {
    const graph: GraphActor[] = [
      { id: 'sergey-lavrov', name: 'Sergey Lavrov', kind: 'PERSON', aliases: ['Ławrow'], countryCode: 'RUS' },
    ];
    const text = 'Słowa Ławrowa. Ławrowowi odpowiedziano. Z Ławrowem rozmawiano.';
    const found = find(text, 'pl', buildGazetteer(graph, lexicons));
    expect(mentionsOf(found, 'sergey-lavrov').map((m) => [m.quote, m.grammaticalCase])).toEqual([
      ['Ławrowa', null],
      ['Ławrowowi', 'DAT'],
      ['Ławrowem', 'INS'],
    ]);
  });

  it('generates the tables for nouns: Россия, Беларусь, Polska, Białoruś', () => {
    const set = actorLexicons(lexicons).byLanguage;
    const forms = (name: string, lang: Language) =>
      inflectName(name, set[lang].inflection!, 'thing').map((f) => f.form);
    expect(forms('Россия', 'ru')).toEqual(expect.arrayContaining(['России', 'Россию', 'Россией']));
    expect(forms('Беларусь', 'ru')).toEqual(expect.arrayContaining(['Беларуси', 'Беларусью']));
    expect(forms('Polska', 'pl')).toEqual(expect.arrayContaining(['Polski', 'Polsce', 'Polskę', 'Polską']));
    expect(forms('Białoruś', 'pl')).toEqual(expect.arrayContaining(['Białorusi', 'Białorusią']));
  });
});

describe('transliterated names', () => {
  it('links spellings of a graph person that the aliases lack, and the surname once named', () => {
    const de = find('Sergej Lawrow kam an. Lawrows Antwort war kurz.', 'de');
    expect(mentionsOf(de, 'sergey-lavrov').map((m) => m.quote)).toEqual(['Sergej Lawrow', 'Lawrows']);
    expect(de.actors.find((a) => a.id === 'sergey-lavrov')?.newAliases).toEqual(['Sergej Lawrow']);
    const pl = find('Minister spotkał się z Siergiejem Ławrowem. Ławrowa nie było.', 'pl');
    expect(mentionsOf(pl, 'sergey-lavrov').map((m) => [m.quote, m.grammaticalCase])).toEqual([
      ['Siergiejem Ławrowem', 'INS'],
      ['Ławrowa', null],
    ]);
  });

  it('does not link another spelling of a graph surname alone when the article has not named the person', () => {
    expect(ids(find('Alejnika nie było.', 'pl'))).toEqual([]);
    // The register's own short forms do link: the well-known are named by surname.
    expect(ids(find('Ławrowa nie było.', 'pl', emptyGazetteer))).toEqual(['sergey-lavrov']);
  });

  it('gives one key to the spellings of one name, and ids from the Latin form', () => {
    const keys = ['Sergueï', 'Sergey', 'Sergej', 'Siergiej', 'Сергей'].map(nameSkeleton);
    expect(new Set(keys)).toEqual(new Set(['sergei']));
    expect(slugify('Сергей Шойгу')).toBe('sergei-shoigu');
    expect(slugify('Sergueï Lavrov')).toBe('serguei-lavrov');
  });
});

describe('demonyms', () => {
  it('a demonym alone is weak evidence for its country', () => {
    const found = find('Les propositions russes ont été discutées.', 'fr', emptyGazetteer);
    expect(mentionsOf(found, 'russia')).toMatchObject([{ quote: 'russes', via: 'DEMONYM' }]);
    expect(mentionsOf(found, 'russia')[0]!.confidence).toBeLessThanOrEqual(0.6);
  });

  it('"the side" with a demonym is the country itself, in every language', () => {
    const cases: [Language, string, string][] = [
      ['fr', 'La partie russe a refusé.', 'partie russe'],
      ['en', 'The Russian side refused.', 'Russian side'],
      ['ru', 'Российская сторона отказалась.', 'Российская сторона'],
      ['de', 'Die russische Seite lehnte ab.', 'russische Seite'],
      ['pl', 'Strona rosyjska odmówiła.', 'Strona rosyjska'],
    ];
    for (const [lang, text, quote] of cases) {
      const mention = mentionsOf(find(text, lang, emptyGazetteer), 'russia')[0];
      expect(mention, lang).toMatchObject({ quote, confidence: 0.85 });
    }
  });

  it('declined demonyms: белорусского, российской, białoruskiego, weißrussischen', () => {
    const ru = find('Делегация белорусского и российской стороны.', 'ru', emptyGazetteer);
    expect(ru.actors.map((a) => [a.id, a.mentions[0]!.quote])).toEqual([
      ['belarus', 'белорусского'],
      ['russia', 'российской стороны'],
    ]);
    expect(ids(find('Przedstawiciel białoruskiego resortu.', 'pl', emptyGazetteer))).toEqual(['belarus']);
    // Before a government noun the demonym names the body, which is part of the country.
    const body = find('Przedstawiciel białoruskiego rządu.', 'pl', emptyGazetteer);
    expect(ids(body)).toEqual(['belarus-government']);
    expect(body.facts).toContainEqual(expect.objectContaining({ type: 'PART_OF', objectId: 'belarus' }));
    expect(ids(find('Die weißrussischen Behörden schweigen.', 'de', emptyGazetteer))).toEqual(['belarus']);
  });
});

describe('acronyms and short words', () => {
  it('matches all-caps aliases only as written: US, never us', () => {
    expect(ids(find('The US said it would answer.', 'en'))).toEqual(['united-states']);
    expect(ids(find('They told us nothing, said the minister.', 'en'))).toEqual([]);
  });

  it('matches an initialism written with full stops: U.S., as the graph spells it', () => {
    const text = 'The U.S. condemned the test, and U.S. officials left.';
    const found = find(text, 'en');
    expect(ids(found)).toEqual(['united-states']);
    expect(mentionsOf(found, 'united-states').map((m) => m.quote)).toEqual(['U.S', 'U.S']);
    expect(ids(find('Plan B. S. Jones disagreed.', 'en'))).toEqual([]);
  });

  it('matches IGOs by acronym and long name in each language', () => {
    const cases: [Language, string, string][] = [
      ['fr', "L'ONU et l'Union européenne", 'united-nations european-union'],
      ['en', 'The OSCE and the Eurasian Economic Union', 'osce eaeu'],
      ['ru', 'ОДКБ и Совет Безопасности ООН', 'csto un-security-council'],
      ['de', 'Die OSZE und die GUS', 'osce cis'],
      ['pl', 'OUBZ i Szanghajska Organizacja Współpracy', 'csto sco'],
    ];
    for (const [lang, text, want] of cases)
      expect(ids(find(text, lang, emptyGazetteer)), lang).toEqual(want.split(' '));
  });
});

describe('titles', () => {
  it('NATO Secretary General Jens Stoltenberg: a new person holding a position at NATO', () => {
    const text = 'NATO Secretary General Jens Stoltenberg said the alliance would reply.';
    const found = find(text, 'en');
    expect(found.actors.find((a) => a.id === 'jens-stoltenberg')).toMatchObject({
      status: 'NEW',
      kind: 'PERSON',
    });
    expect(found.facts).toContainEqual(
      expect.objectContaining({
        subjectId: 'jens-stoltenberg',
        objectId: 'nato',
        title: 'Secretary General',
      }),
    );
    expectExactOffsets(text, found);
  });

  it('der deutsche Außenminister Heiko Maas: the German foreign ministry, new', () => {
    const found = find('Der deutsche Außenminister Heiko Maas reiste ab.', 'de');
    expect(found.facts).toContainEqual(
      expect.objectContaining({
        type: 'HOLDS_POSITION',
        subjectId: 'heiko-maas',
        objectId: 'germany-foreign-ministry',
      }),
    );
    expect(found.actors.find((a) => a.id === 'germany-foreign-ministry')).toMatchObject({
      status: 'NEW',
      kind: 'GOVERNMENT_BODY',
      countryCode: 'DEU',
    });
  });

  it('глава МИД России Сергей Лавров: the graph person and the graph ministry, no new actor', () => {
    const found = find('Глава МИД России Сергей Лавров заявил об этом.', 'ru');
    expect(found.actors.every((a) => a.status === 'LINKED')).toBe(true);
    expect(found.facts).toContainEqual(
      expect.objectContaining({
        subjectId: 'sergey-lavrov',
        objectId: 'russian-foreign-ministry',
        mention: expect.objectContaining({ quote: 'Глава МИД России Сергей Лавров' }),
      }),
    );
  });

  it('minister spraw zagranicznych Polski Zbigniew Rau: the country after the title', () => {
    const found = find('Minister spraw zagranicznych Polski Zbigniew Rau przyjechał.', 'pl');
    expect(found.facts).toContainEqual(
      expect.objectContaining({
        subjectId: 'zbigniew-rau',
        objectId: 'poland-foreign-ministry',
        title: 'Minister of Foreign Affairs',
      }),
    );
  });

  it('a name in apposition before the title', () => {
    const found = find("Jens Stoltenberg, le secrétaire général de l'OTAN, a répondu.", 'fr');
    expect(found.facts).toContainEqual(
      expect.objectContaining({ subjectId: 'jens-stoltenberg', objectId: 'nato' }),
    );
  });

  it('has at least 40 titles a language, each with its English title', () => {
    for (const lang of LANGUAGES) {
      const titles = actorLexicons(lexicons).byLanguage[lang].titles.titles;
      expect(titles.length, lang).toBeGreaterThanOrEqual(40);
      for (const t of titles) expect(t.title, `${lang}#${t.id}`).toMatch(/^[A-Z]/);
    }
  });
});

describe('lexicon checks', () => {
  it('rejects a bad entry, naming its file and id', () => {
    const broken: LexiconSet = {
      shared: lexicons.shared,
      byLanguage: {
        ...lexicons.byLanguage,
        fr: {
          ...lexicons.byLanguage.fr,
          titles: { titles: [{ id: 'x', pattern: 'ministre', title: 'M', org: 'navy' }] },
        },
      },
    };
    expect(() => buildGazetteer([], broken)).toThrow(LexiconError);
    expect(() => buildGazetteer([], broken)).toThrow(/fr\/titles\.json#x/);
  });
});

describe('the register of public figures (people.json)', () => {
  it('holds at least 150 people with slug ids, each named in all five languages', () => {
    const people = actorLexicons(lexicons).people;
    expect(people.length).toBeGreaterThanOrEqual(150);
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
    for (const p of people) {
      expect(p.id, p.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const lang of LANGUAGES) expect(p.names[lang]?.length, `${p.id} ${lang}`).toBeGreaterThan(0);
    }
  });

  it('gives one id to every spelling of a person: Poutine, Putin, Путин, Władimir Putin', () => {
    const cases: [Language, string][] = [
      ['fr', 'Vladimir Poutine a parlé. Poutine a ajouté.'],
      ['en', 'Vladimir Putin spoke.'],
      ['ru', 'Владимир Путин заявил. Позже с Путиным говорил канцлер.'],
      ['de', 'Wladimir Putin sagte, Putins Linie sei klar.'],
      ['pl', 'Władimir Putin powiedział. Rozmawiał z Putinem.'],
    ];
    for (const [lang, text] of cases) {
      const found = find(text, lang, emptyGazetteer);
      expect(ids(found), lang).toContain('vladimir-putin');
      expect(
        ids(found).filter((id) => id.includes('putin') || id.includes('poutine')),
        lang,
      ).toEqual(['vladimir-putin']);
      expect(found.actors.find((a) => a.id === 'vladimir-putin')?.name).toBe('Vladimir Putin');
      expectExactOffsets(text, found);
    }
  });

  it('links Peskow, Песков, Pieskow and the declined Zacharowej, Захаровой to the English slugs', () => {
    expect(ids(find('Kremlsprecher Dmitri Peskow sagte das.', 'de', emptyGazetteer))).toContain(
      'dmitry-peskov',
    );
    expect(ids(find('Об этом заявил Дмитрий Песков.', 'ru', emptyGazetteer))).toContain('dmitry-peskov');
    expect(ids(find('Powiedział to Dmitrij Pieskow.', 'pl', emptyGazetteer))).toContain('dmitry-peskov');
    const pl = find('Słowa rzeczniczki Marii Zacharowej wywołały protest.', 'pl', emptyGazetteer);
    expect(ids(pl)).toContain('maria-zakharova');
    expect(mentionsOf(pl, 'maria-zakharova')[0]?.quote).toBe('Marii Zacharowej');
    expect(ids(find('С Марией Захаровой не согласились.', 'ru', emptyGazetteer))).toContain(
      'maria-zakharova',
    );
  });

  it('lets a graph person with the same name win over the register id', () => {
    const graph: GraphActor[] = [
      {
        id: 'putin-in-graph',
        name: 'V. Putin',
        kind: 'PERSON',
        aliases: ['Vladimir Poutine'],
        countryCode: 'RUS',
      },
    ];
    const gazetteer = buildGazetteer(graph, lexicons);
    const found = find('Wladimir Putin und Владимир Путин.', 'de', gazetteer);
    expect(ids(found)).toEqual(['putin-in-graph']);
  });
});

describe('new people in oblique cases, and where names stop', () => {
  it('reads a declined name back to its nominative: Zbigniewem Kowalem, Энтони Смитом', () => {
    const pl = find('Minister rozmawiał ze Zbigniewem Kowalem.', 'pl', emptyGazetteer);
    expect(ids(pl)).toContain('zbigniew-kowal');
    expect(pl.actors.find((a) => a.id === 'zbigniew-kowal')?.name).toBe('Zbigniew Kowal');
    const ru = find('Министр встретился с Энтони Смитом в Москве.', 'ru', emptyGazetteer);
    expect(ru.actors.find((a) => a.kind === 'PERSON')?.name).toBe('Энтони Смит');
    // A register person in an oblique case, in a German article too.
    expect(ids(find('Er traf sich mit Zbigniew Rau.', 'de', emptyGazetteer))).toContain('zbigniew-rau');
    expect(ids(find('Baerbock spotkała się ze Zbigniewem Rauem.', 'pl', emptyGazetteer))).toContain(
      'zbigniew-rau',
    );
  });

  it('stops a name at a month part, a month or a weekday: Hans Berger Mitte Januar', () => {
    const found = find('Bundespräsident Hans Berger Mitte Januar in Kiew.', 'de', emptyGazetteer);
    expect(ids(found)).toContain('hans-berger');
    expect(ids(found).some((id) => id.includes('mitte'))).toBe(false);
    expect(ids(find('Frank-Walter Steinmeier Mitte April.', 'de', emptyGazetteer))).toContain(
      'frank-walter-steinmeier',
    );
  });
});

describe('bodies by their own names', () => {
  it('finds the State Department in every language, also after a place preposition', () => {
    const cases: [Language, string][] = [
      ['en', 'The State Department said so.'],
      ['fr', "a annoncé le département d'État."],
      ['ru', 'В понедельник в Госдепартаменте США назвали идеи нереалистичными.'],
      ['de', 'Das Außenministerium der USA widersprach.'],
      ['pl', 'Tak poinformował Departament Stanu.'],
    ];
    for (const [lang, text] of cases)
      expect(ids(find(text, lang, emptyGazetteer)), lang).toContain('united-states-foreign-ministry');
  });

  it('keeps the Kremlin after в when a verb of saying follows, and drops it as a place', () => {
    expect(ids(find('В Кремле заявили, что это неприемлемо.', 'ru', emptyGazetteer))).toContain(
      'russia-presidential-administration',
    );
    expect(ids(find('Переговоры прошли в Кремле.', 'ru', emptyGazetteer))).not.toContain(
      'russia-presidential-administration',
    );
  });

  it('finds the EEAS and the UN General Assembly', () => {
    expect(ids(find("convoqué par le Service européen pour l'action extérieure", 'fr'))).toContain(
      'european-external-action-service',
    );
    expect(ids(find('will ask the 193-member General Assembly to vote', 'en'))).toContain(
      'un-general-assembly',
    );
    expect(ids(find('Генассамблея ООН проголосовала.', 'ru'))).toContain('un-general-assembly');
  });

  it('reads a seat a title names as the body itself: porte-parole du Kremlin', () => {
    const found = find('le porte-parole du Kremlin, Dmitri Peskov, a démenti.', 'fr', emptyGazetteer);
    const kremlin = mentionsOf(found, 'russia-presidential-administration');
    expect(kremlin.map((m) => m.via)).toEqual(['NAME']);
    expect(found.facts.some((f) => f.type === 'HOLDS_POSITION' && f.subjectId === 'dmitry-peskov')).toBe(
      true,
    );
  });
});

describe('the West', () => {
  it('names the West by its nouns and by its adjective with a group noun', () => {
    const cases: [Language, string][] = [
      ['fr', "Poutine a accusé les Occidentaux d'aggraver la situation."],
      ['fr', 'Kiev en réclame à ses partenaires occidentaux.'],
      ['en', 'He accused Western delegations of blackmail.'],
      ['de', 'Das sagten westliche Staaten.'],
      ['de', 'Er warf dem Westen vor, zu lügen.'],
      ['ru', 'Лавров обвинил Запад. Это касается западных стран.'],
      ['pl', 'Rosja krytykuje Zachód i państwa zachodnie.'],
    ];
    for (const [lang, text] of cases)
      expect(ids(find(text, lang, emptyGazetteer)), `${lang}: ${text}`).toContain('the-west');
  });

  it('does not read a direction next to a country as the West', () => {
    expect(ids(find('o aneksję zachodnich obwodów Ukrainy', 'pl', emptyGazetteer))).not.toContain('the-west');
    expect(ids(find("dans l'Ukraine occidentale", 'fr', emptyGazetteer))).not.toContain('the-west');
  });
});
