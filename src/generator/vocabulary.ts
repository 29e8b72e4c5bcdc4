import type { BundleInput } from '../modules/ingest/bundle.ts';

/** The words of generated bundles: names, verbs, date phrases, in the four article languages. */

type ActorInput = NonNullable<BundleInput['actors']>[number];
type EventInput = NonNullable<BundleInput['events']>[number];
export type ActorKind = ActorInput['kind'];
export type DocumentKind = NonNullable<BundleInput['documents']>[number]['kind'];
export type FactType = NonNullable<BundleInput['facts']>[number]['type'];
export type Status = EventInput['status'];
export type Qualifier = 'EARLY' | 'MID' | 'LATE';
export type Lang = 'en' | 'fr' | 'de' | 'ru';

/**
 * The CAMEO codes events are drawn from, with weights: mostly verbal cooperation (roots 01–05),
 * as in news about diplomacy, with a thinner tail of conflict. Each exists in the codebook
 * (data/reference/cameo-codes.csv); a unit test checks it.
 */
export const CAMEO_WEIGHTS: readonly (readonly [string, number])[] = (
  '010:10 012:2 013:3 014:1 015:1 016:1 018:1 019:2 020:3 022:2 0234:1 026:2 027:1 028:1 ' +
  '030:3 031:2 0311:1 032:1 036:4 037:1 039:1 040:8 041:1 042:3 043:3 044:1 046:4 050:2 ' +
  '051:2 054:1 057:2 060:1 061:1 062:0.5 070:1 071:0.5 073:0.5 080:0.5 081:0.5 085:0.3 ' +
  '090:0.5 091:0.3 100:1 1012:0.5 111:2 112:2 114:0.5 120:1 125:0.5 128:1 130:1 138:0.5 ' +
  '140:0.5 141:0.3 150:0.3 160:0.3 163:0.3 172:0.3 173:0.2 180:0.1 190:0.1 193:0.1'
)
  .split(' ')
  .map((entry) => {
    const [code, weight] = entry.split(':');
    return [code!, Number(weight)] as const;
  });

/** Roots whose first participant speaks rather than acts. */
export const VERBAL_ROOTS = new Set(['01', '02', '03', '10', '11', '12', '13']);

/** "A <verb> B" per CAMEO root, in the four article languages; names are never inflected. */
export const VERBS: Record<string, readonly [en: string, fr: string, de: string, ru: string]> = {
  '01': ['commented on', 's’est exprimé au sujet de', 'äußerte sich zu', 'высказался о'],
  '02': ['appealed to', 'a lancé un appel à', 'appellierte an', 'обратился с призывом к'],
  '03': [
    'expressed readiness to cooperate with',
    's’est dit prêt à coopérer avec',
    'bekundete Kooperationsbereitschaft gegenüber',
    'заявил о готовности сотрудничать с',
  ],
  '04': [
    'held consultations with',
    'a tenu des consultations avec',
    'führte Konsultationen mit',
    'провёл консультации с',
  ],
  '05': [
    'deepened diplomatic cooperation with',
    'a renforcé sa coopération diplomatique avec',
    'vertiefte die diplomatische Zusammenarbeit mit',
    'углубил дипломатическое сотрудничество с',
  ],
  '06': [
    'agreed on material cooperation with',
    'a conclu une coopération matérielle avec',
    'vereinbarte materielle Zusammenarbeit mit',
    'договорился о практическом сотрудничестве с',
  ],
  '07': ['provided aid to', 'a fourni une aide à', 'leistete Hilfe für', 'оказал помощь'],
  '08': [
    'made concessions to',
    'a fait des concessions à',
    'machte Zugeständnisse gegenüber',
    'пошёл на уступки',
  ],
  '09': [
    'launched an investigation into',
    'a ouvert une enquête sur',
    'ermittelte gegen',
    'начал расследование в отношении',
  ],
  '10': ['made demands of', 'a adressé des exigences à', 'stellte Forderungen an', 'выдвинул требования к'],
  '11': ['criticized', 'a critiqué', 'kritisierte', 'раскритиковал'],
  '12': [
    'rejected a proposal from',
    'a rejeté une proposition de',
    'erteilte eine Absage an',
    'отверг предложение',
  ],
  '13': ['threatened', 'a menacé', 'drohte', 'пригрозил'],
  '14': ['protested against', 'a protesté contre', 'protestierte gegen', 'выразил протест против'],
  '15': [
    'mobilized forces against',
    'a mobilisé des forces contre',
    'mobilisierte Kräfte gegen',
    'мобилизовал силы против',
  ],
  '16': [
    'reduced relations with',
    'a réduit ses relations avec',
    'reduzierte die Beziehungen zu',
    'сократил отношения с',
  ],
  '17': ['stepped up pressure on', 'a accru la pression sur', 'erhöhte den Druck auf', 'усилил давление на'],
  '18': ['attacked', 'a attaqué', 'verübte einen Angriff auf', 'атаковал'],
  '19': ['clashed with', 'a affronté', 'lieferte sich Gefechte mit', 'вступил в столкновение с'],
};
export const LANG_INDEX: Record<Lang, 0 | 1 | 2 | 3> = { en: 0, fr: 1, de: 2, ru: 3 };

export const PHRASES: Record<
  Lang,
  { behalf: string; along: string; and: string; today: string; yesterday: string }
> = {
  en: {
    behalf: ', on behalf of $,',
    along: ', alongside $',
    and: ' and ',
    today: 'today',
    yesterday: 'yesterday',
  },
  fr: {
    behalf: ', au nom de $,',
    along: ', aux côtés de $',
    and: ' et ',
    today: 'aujourd’hui',
    yesterday: 'hier',
  },
  de: {
    behalf: ', im Namen von $,',
    along: ', gemeinsam mit $',
    and: ' und ',
    today: 'heute',
    yesterday: 'gestern',
  },
  ru: { behalf: ', от имени $,', along: ', вместе с $', and: ' и ', today: 'сегодня', yesterday: 'вчера' },
};

const MONTHS = {
  en: 'January February March April May June July August September October November December'.split(' '),
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' '),
  de: 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember'.split(' '),
  // Russian needs the genitive after a day number and the prepositional after "в".
  ruGen: 'января февраля марта апреля мая июня июля августа сентября октября ноября декабря'.split(' '),
  ruPrep: 'январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре'.split(' '),
};

export function dayPhrase(lang: Lang, y: number, m: number, d: number): string {
  switch (lang) {
    case 'en':
      return `on ${d} ${MONTHS.en[m]} ${y}`;
    case 'fr':
      return `le ${d} ${MONTHS.fr[m]} ${y}`;
    case 'de':
      return `am ${d}. ${MONTHS.de[m]} ${y}`;
    case 'ru':
      return `${d} ${MONTHS.ruGen[m]} ${y} года`;
  }
}

export function monthPhrase(lang: Lang, y: number, m: number, q: Qualifier | null): string {
  switch (lang) {
    case 'en':
      return `in ${q ? { EARLY: 'early ', MID: 'mid-', LATE: 'late ' }[q] : ''}${MONTHS.en[m]} ${y}`;
    case 'fr':
      return `${q ? { EARLY: 'début ', MID: 'mi-', LATE: 'fin ' }[q] : 'en '}${MONTHS.fr[m]} ${y}`;
    case 'de':
      return `${q ? { EARLY: 'Anfang', MID: 'Mitte', LATE: 'Ende' }[q] : 'im'} ${MONTHS.de[m]} ${y}`;
    case 'ru':
      return q
        ? `в ${{ EARLY: 'начале', MID: 'середине', LATE: 'конце' }[q]} ${MONTHS.ruGen[m]} ${y} года`
        : `в ${MONTHS.ruPrep[m]} ${y} года`;
  }
}

export function yearPhrase(lang: Lang, y: number): string {
  return { en: `in ${y}`, fr: `en ${y}`, de: `im Jahr ${y}`, ru: `в ${y} году` }[lang];
}

export const FACT_SENTENCES: Record<
  FactType,
  Record<Lang, (s: string, o: string, title: string) => string>
> = {
  MEMBER_OF: {
    en: (s, o) => `${s} is a member of ${o}.`,
    fr: (s, o) => `${s} est membre de ${o}.`,
    de: (s, o) => `${s} ist Mitglied von ${o}.`,
    ru: (s, o) => `${s} является членом ${o}.`,
  },
  PART_OF: {
    en: (s, o) => `${s} is part of the state apparatus of ${o}.`,
    fr: (s, o) => `${s} relève de l’appareil d’État de ${o}.`,
    de: (s, o) => `${s} gehört zum Staatsapparat von ${o}.`,
    ru: (s, o) => `${s} входит в государственный аппарат ${o}.`,
  },
  HOLDS_POSITION: {
    en: (s, o, t) => `${s} serves as ${t} at ${o}.`,
    fr: (s, o, t) => `${s} occupe le poste de ${t} au sein de ${o}.`,
    de: (s, o, t) => `${s} ist ${t} bei ${o}.`,
    ru: (s, o, t) => `${s} занимает пост «${t}» в ${o}.`,
  },
};

export const TITLES: Record<Lang, (a: string, b: string) => string> = {
  en: (a, b) => `${a} and ${b}: diplomatic roundup`,
  fr: (a, b) => `${a} et ${b} : revue diplomatique`,
  de: (a, b) => `${a} und ${b}: diplomatische Rundschau`,
  ru: (a, b) => `${a} и ${b}: дипломатический обзор`,
};

export const PUBLISHERS: Record<Lang, readonly string[]> = {
  en: ['Global Affairs Wire', 'The Diplomatic Monitor', 'Capital Dispatch'],
  fr: ['La Dépêche diplomatique', 'Le Courrier des États'],
  de: ['Außenpolitik Heute', 'Der Diplomatische Dienst'],
  ru: ['Вестник дипломатии', 'Международное обозрение'],
};

export const LANGUAGE_WEIGHTS: readonly (readonly [Lang, number])[] = [
  ['en', 55],
  ['fr', 15],
  ['de', 15],
  ['ru', 15],
];
export const STATUS_WEIGHTS: readonly (readonly [Status, number])[] = [
  ['ASSERTED', 85],
  ['PLANNED', 7],
  ['HYPOTHETICAL', 4],
  ['NEGATED', 4],
];
export const STATUS_PREFIX: Record<Status, string> = {
  ASSERTED: '',
  PLANNED: 'Planned: ',
  HYPOTHETICAL: 'Possibly: ',
  NEGATED: 'Denied: ',
};
export const DOCUMENT_KIND_WEIGHTS: readonly (readonly [DocumentKind, number])[] = [
  ['LETTER', 3],
  ['STATEMENT', 3],
  ['DRAFT_AGREEMENT', 2],
  ['MESSAGE', 1],
  ['WRITTEN_REPLY', 1],
  ['REPORT', 1],
  ['DRAFT_TREATY', 0.5],
];
export const DOCUMENT_TITLES: Record<DocumentKind, (a: string, b: string) => string> = {
  DRAFT_TREATY: (a, b) => `Draft treaty between ${a} and ${b}`,
  DRAFT_AGREEMENT: (a, b) => `Draft agreement between ${a} and ${b}`,
  TREATY: (a, b) => `Treaty between ${a} and ${b}`,
  LETTER: (a, b) => `Letter from ${a} to ${b}`,
  WRITTEN_REPLY: (a, b) => `Written reply of ${a} to ${b}`,
  MESSAGE: (a, b) => `Message from ${a} to ${b}`,
  STATEMENT: (a) => `Statement by ${a}`,
  REPORT: (a) => `Report by ${a}`,
  OTHER: (a) => `Document of ${a}`,
};
export const UNADDRESSED = new Set<DocumentKind>(['STATEMENT', 'REPORT', 'OTHER']);

// Actor names: unique stems of three (or more) syllables, dressed per kind.
export const SYLLABLES =
  'ka lo vi dre mar sel to ran bel os nor gu zan li po der vak mi sta ru en hal tor vel ba ki mon tes ur fal ne ga rik so av pel'.split(
    ' ',
  );
export const FIRST_NAMES =
  'Anna Sergei José Zoë Björn François Olga Mehmet Aïsha Ivan Léa Jürgen Nikolai Maria Ahmed Elena Pavel Inès Dmitri Sofia Tomás Yusuf Hélène Viktor Irina Miguel Lukas Nadia Søren Çağla'.split(
    ' ',
  );
export const SURNAME_ENDINGS = ['ov', 'enko', 'ić', 'escu', 'son', 'ez', 'i', 'er', 'ski', 'ard'];

export interface Template {
  en: string;
  fr: string;
  ru: string;
}
export const ORG_TEMPLATES: Partial<Record<ActorKind, readonly Template[]>> = {
  ALLIANCE: [
    { en: '$ Treaty Organization', fr: 'Organisation du traité de $', ru: 'Организация Договора $' },
    { en: '$ Defence Pact', fr: 'Pacte de défense de $', ru: 'Оборонительный пакт $' },
    { en: '$ Security Alliance', fr: 'Alliance de sécurité de $', ru: 'Союз безопасности $' },
  ],
  IGO: [
    { en: '$ Economic Community', fr: 'Communauté économique de $', ru: 'Экономическое сообщество $' },
    { en: 'Council of $ States', fr: 'Conseil des États de $', ru: 'Совет государств $' },
    {
      en: '$ Cooperation Organization',
      fr: 'Organisation de coopération de $',
      ru: 'Организация сотрудничества $',
    },
    { en: 'Union of $ Nations', fr: 'Union des nations de $', ru: 'Союз наций $' },
  ],
  THINK_TANK: [
    {
      en: '$ Institute for Strategic Studies',
      fr: 'Institut d’études stratégiques de $',
      ru: 'Институт стратегических исследований $',
    },
    { en: '$ Discussion Club', fr: 'Club de discussion de $', ru: 'Дискуссионный клуб $' },
    {
      en: 'Centre for $ Policy Research',
      fr: 'Centre de recherche politique de $',
      ru: 'Центр политических исследований $',
    },
  ],
  GROUP: [
    { en: '$ Liberation Front', fr: 'Front de libération de $', ru: 'Фронт освобождения $' },
    { en: '$ Movement', fr: 'Mouvement de $', ru: 'Движение $' },
    { en: '$ People’s Militia', fr: 'Milice populaire de $', ru: 'Народная милиция $' },
  ],
};

export interface BodyType extends Template {
  acronym: string;
  titles: readonly string[];
}
export const BODY_TYPES: readonly BodyType[] = [
  {
    en: 'Ministry of Foreign Affairs of $',
    fr: 'Ministère des Affaires étrangères de $',
    ru: 'Министерство иностранных дел $',
    acronym: 'MFA',
    titles: [
      'Minister of Foreign Affairs',
      'Deputy Minister of Foreign Affairs',
      'Spokesperson',
      'Ambassador-at-Large',
    ],
  },
  {
    en: 'Ministry of Defence of $',
    fr: 'Ministère de la Défense de $',
    ru: 'Министерство обороны $',
    acronym: 'MoD',
    titles: ['Minister of Defence', 'Chief of the General Staff', 'Deputy Minister of Defence'],
  },
  {
    en: 'Presidential Administration of $',
    fr: 'Administration présidentielle de $',
    ru: 'Администрация президента $',
    acronym: 'PA',
    titles: ['President', 'Chief of Staff', 'Press Secretary'],
  },
  {
    en: 'Parliament of $',
    fr: 'Parlement de $',
    ru: 'Парламент $',
    acronym: 'Parl.',
    titles: ['Speaker of Parliament', 'Member of Parliament', 'Chair of the Foreign Affairs Committee'],
  },
  {
    en: 'Security Council of $',
    fr: 'Conseil de sécurité de $',
    ru: 'Совет безопасности $',
    acronym: 'SC',
    titles: ['Secretary of the Security Council', 'Deputy Secretary of the Security Council'],
  },
  {
    en: 'Government of $',
    fr: 'Gouvernement de $',
    ru: 'Правительство $',
    acronym: 'Gov.',
    titles: ['Prime Minister', 'Deputy Prime Minister'],
  },
  {
    en: 'Ministry of Economy of $',
    fr: 'Ministère de l’Économie de $',
    ru: 'Министерство экономики $',
    acronym: 'MoE',
    titles: ['Minister of Economy', 'Deputy Minister of Economy'],
  },
  {
    en: 'Ministry of Justice of $',
    fr: 'Ministère de la Justice de $',
    ru: 'Министерство юстиции $',
    acronym: 'MoJ',
    titles: ['Minister of Justice'],
  },
];

export const ACTOR_KIND_WEIGHTS: readonly (readonly [ActorKind, number])[] = [
  ['COUNTRY', 20],
  ['PERSON', 30],
  ['GOVERNMENT_BODY', 22],
  ['IGO', 8],
  ['ALLIANCE', 4],
  ['THINK_TANK', 7],
  ['GROUP', 9],
];

const CYRILLIC: Record<string, string> = Object.fromEntries(
  'a:а b:б c:к d:д e:е f:ф g:г h:х i:и j:й k:к l:л m:м n:н o:о p:п q:к r:р s:с t:т u:у v:в w:в x:кс y:ы z:з'
    .split(' ')
    .map((pair) => pair.split(':')),
);
const CYRILLIC_PAIRS: Record<string, string> = {
  sh: 'ш',
  ch: 'ч',
  zh: 'ж',
  ts: 'ц',
  ya: 'я',
  yu: 'ю',
  ei: 'ей',
};

/** A rough Latin-to-Cyrillic transliteration: enough for a non-Latin alias to search for. */
export function cyrillic(latin: string): string {
  const s = latin.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const lower = ch.toLowerCase();
    const pair = CYRILLIC_PAIRS[lower + (s[i + 1] ?? '').toLowerCase()];
    const mapped = pair ?? CYRILLIC[lower];
    if (mapped === undefined) {
      out += ch;
      continue;
    }
    if (pair) i++;
    out += ch === lower ? mapped : mapped[0]!.toUpperCase() + mapped.slice(1);
  }
  return out;
}

const ACCENTS: Record<string, string> = { e: 'é', o: 'ô', a: 'á', i: 'í', u: 'ú' };

/** An accented variant for accent-folding search: the first vowel after the initial gets a mark. */
export function accented(name: string): string {
  const i = name.slice(1).search(/[aeiou]/) + 1;
  return i > 0 ? name.slice(0, i) + ACCENTS[name[i]!] + name.slice(i + 1) : name;
}

export const capitalize = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export function acronym(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
}
