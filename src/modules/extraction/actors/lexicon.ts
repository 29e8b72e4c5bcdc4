import { LexiconError, type LexiconSet, memoizeLexicon } from '../lexicons.ts';
import { fold } from '../text/fold.ts';
import { type CompiledPattern, compilePattern, PatternError } from '../text/patterns.ts';
import { type ActorKind, LANGUAGES, type Language } from '../types.ts';
import { CASES, type GrammaticalCase, type InflectionSet, type InflectionTable } from './inflection.ts';

/**
 * The actors module's lexicon files, parsed and checked once per LexiconSet: `countries.json`
 * and `people.json` (shared), and per language `actors.json`, `demonyms.json`, `titles.json`, `inflection.json`.
 * A bad entry throws a LexiconError naming its file and id.
 */

/** Government bodies a title or a pattern implies; ids are `<country id>-<body>` (docs/extraction.md). */
export const BODY_TYPES = [
  'foreign-ministry',
  'defence-ministry',
  'government',
  'presidential-administration',
  'parliament',
  'security-council',
  'coast-guard',
  'treasury',
] as const;
export type BodyType = (typeof BODY_TYPES)[number];

export type PerLanguage<T> = Partial<Record<Language, T>>;

export interface SeatEntry {
  id: string;
  body: BodyType;
  names: PerLanguage<string[]>;
  /**
   * The body's own name (`State Department`, `Foreign Office`), not a building standing for it
   * (`Kremlin`): a NAME mention, never read as a place after `in` / `в`.
   */
  proper: boolean;
}

export interface CountryEntry {
  /** ISO 3166-1 alpha-2. */
  code: string;
  id: string;
  name: string | null;
  names: PerLanguage<string[]>;
  capital: PerLanguage<string[]>;
  seats: SeatEntry[];
  bodyIds: Partial<Record<BodyType, string>>;
}

export interface CountriesLexicon {
  countries: CountryEntry[];
  /** Package names never matched in a language (common words: Russian `Того`). */
  skipNames: PerLanguage<Set<string>>;
  /** English names of the bodies, with `{country}` for the country's name. */
  bodyNames: Record<BodyType, string>;
}

/** One public figure of `people.json`: the register the gazetteer links spellings to. */
export interface PersonEntry {
  id: string;
  /** The common English spelling (the id is its slug). */
  name: string;
  /** ISO alpha-2, or null (officials of international organisations). */
  country: string | null;
  /** The organisation an international official speaks for (an actor id), instead of a country. */
  actsFor: string | null;
  title: string | null;
  /** Full names as each language writes them. */
  names: PerLanguage<string[]>;
  /** The name used alone (`Poutine`, `von der Leyen`, `Xi`). */
  short: PerLanguage<string[]>;
}

export interface NamedEntry {
  id: string;
  kind: ActorKind;
  name: string | null;
  countryCode: string | null;
  names: string[];
}

export interface MetonymEntry {
  id: string;
  names: string[];
  actor: string;
  /** `{ nato: 'nato' }`: when the article names that actor, the metonym means it instead. */
  ifNamed: Record<string, string>;
}

export interface BodyPattern {
  id: string;
  /** Token patterns before and after the `@country` slot; `slot` false: a fixed name. */
  before: CompiledPattern | null;
  after: CompiledPattern | null;
  slot: boolean;
  body: BodyType;
  /** ISO alpha-2, for fixed names (`Auswärtiges Amt`) and a slot-less default (`MSZ`). */
  country: string | null;
  metonym: boolean;
  confidence: number;
}

export interface ActorsLexicon {
  placePrepositions: Set<string>;
  igos: NamedEntry[];
  organisations: NamedEntry[];
  metonyms: MetonymEntry[];
  bodies: BodyPattern[];
  /** The patterns that begin with the slot (`@country foreign ministry`). */
  slotFirstBodies: BodyPattern[];
  firstNames: Set<string>;
  /** Folded capitalised words that never continue a person's name (`Mitte`, `Montag`). */
  nameStops: Set<string>;
  /**
   * Verbs that make a seat after a place preposition the speaker, not the place: Russian
   * `в Кремле заявили` is "the Kremlin said".
   */
  agentVerbsAfterPlace: CompiledPattern[];
  /**
   * Prepositions that make the country after them (an article may stand between) a place,
   * not an actor: `in`, `en`, `dans`, `в`, `w`. `bareLocativePrepositions` do so only with no
   * article (`à Luxembourg`, not `à la Russie`). Where the case tells a place from a
   * direction (ru, pl: `в Сирии`, not `в Сирию`), `locativeCases` lists the cases of a place:
   * the name must show one (an undeclined form says nothing).
   */
  locativePrepositions: Set<string>;
  bareLocativePrepositions: Set<string>;
  locativeCases: string[] | null;
}

export interface DemonymEntry {
  id: string;
  /** ISO alpha-2 of the country the adjective names, or null for a group's adjective. */
  country: string | null;
  /** A group the adjective names instead of a country (`westlich` → `the-west`). */
  actor: string | null;
  forms: string[];
}

export interface DemonymsLexicon {
  demonyms: DemonymEntry[];
  /** Nouns that make a demonym the country itself: `la partie russe`, `the Russian side`. */
  sideBefore: CompiledPattern[];
  sideAfter: CompiledPattern[];
  /** Nouns that make a group's adjective the group itself: `partenaires occidentaux`, `Western nations`. */
  groupBefore: CompiledPattern[];
  groupAfter: CompiledPattern[];
}

/** What a title implies: a body of the country, the country itself, or the organisation named beside it. */
export type TitleOrg = BodyType | 'country' | 'adjacent';

export interface TitleEntry {
  id: string;
  pattern: CompiledPattern;
  title: string;
  org: TitleOrg;
  /** ISO alpha-2 when the title itself names the country (`Bundeskanzler`, `Kremlsprecher`). */
  country: string | null;
}

export interface TitlesLexicon {
  titles: TitleEntry[];
  determiners: Set<string>;
  connectors: Set<string>;
  complementWords: Set<string>;
}

export interface ActorLexicons {
  countries: CountriesLexicon;
  people: PersonEntry[];
  byLanguage: Record<
    Language,
    {
      actors: ActorsLexicon;
      demonyms: DemonymsLexicon;
      titles: TitlesLexicon;
      inflection: InflectionSet | null;
    }
  >;
}

type Json = Record<string, unknown>;

const KINDS: readonly ActorKind[] = [
  'COUNTRY',
  'ALLIANCE',
  'IGO',
  'GOVERNMENT_BODY',
  'THINK_TANK',
  'PERSON',
  'GROUP',
  'MEDIA',
  'NGO',
  'COMPANY',
];

class Reader {
  constructor(readonly file: string) {}

  fail(message: string, id?: string): never {
    throw new LexiconError(`${this.file}${id ? `#${id}` : ''}: ${message}`);
  }

  object(value: unknown, what: string, id?: string): Json {
    if (!value || typeof value !== 'object' || Array.isArray(value))
      this.fail(`${what} must be an object`, id);
    return value as Json;
  }

  array(value: unknown, what: string, id?: string): unknown[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail(`${what} must be an array`, id);
    return value;
  }

  strings(value: unknown, what: string, id?: string): string[] {
    return this.array(value, what, id).map((s) => {
      if (typeof s !== 'string' || !s.trim()) this.fail(`${what} must hold non-empty strings`, id);
      return s;
    });
  }

  string(value: unknown, what: string, id?: string): string {
    if (typeof value !== 'string' || !value.trim()) this.fail(`${what} must be a non-empty string`, id);
    return value;
  }

  optionalString(value: unknown, what: string, id?: string): string | null {
    return value === undefined || value === null ? null : this.string(value, what, id);
  }

  perLanguage(value: unknown, what: string, id: string): PerLanguage<string[]> {
    if (value === undefined) return {};
    const o = this.object(value, what, id);
    const out: PerLanguage<string[]> = {};
    for (const [lang, names] of Object.entries(o)) {
      if (!(LANGUAGES as readonly string[]).includes(lang))
        this.fail(`${what}: unknown language ${lang}`, id);
      out[lang as Language] = this.strings(names, `${what}.${lang}`, id);
    }
    return out;
  }

  pattern(source: string, id: string): CompiledPattern {
    try {
      return compilePattern(source);
    } catch (error) {
      if (error instanceof PatternError) this.fail(error.message, id);
      throw error;
    }
  }

  /** Entries with unique ids. */
  entries(value: unknown, what: string): Json[] {
    const seen = new Set<string>();
    return this.array(value, what).map((raw) => {
      const entry = this.object(raw, `an entry of ${what}`);
      const id = this.string(entry.id, 'id');
      if (seen.has(id)) this.fail(`duplicate id`, id);
      seen.add(id);
      return entry;
    });
  }
}

function body(r: Reader, value: unknown, id: string): BodyType {
  if (!(BODY_TYPES as readonly string[]).includes(value as string)) r.fail(`unknown body "${value}"`, id);
  return value as BodyType;
}

function countryCode(r: Reader, value: unknown, id: string): string {
  const code = r.string(value, 'country', id);
  if (!/^[A-Z]{2}$/.test(code)) r.fail(`country must be an ISO alpha-2 code, not "${code}"`, id);
  return code;
}

function parseCountries(raw: unknown): CountriesLexicon {
  const r = new Reader('countries.json');
  const o = r.object(raw ?? { countries: [] }, 'the file');
  const countries = r.entries(o.countries, 'countries').map((e): CountryEntry => {
    const id = e.id as string;
    const seats = r.entries(e.seats, `seats of ${id}`).map((s) => ({
      id: s.id as string,
      body: body(r, s.body, s.id as string),
      names: r.perLanguage(s.names, 'names', s.id as string),
      proper: s.proper === true,
    }));
    const bodyIds: Partial<Record<BodyType, string>> = {};
    for (const [k, v] of Object.entries(r.object(e.bodyIds ?? {}, 'bodyIds', id)))
      bodyIds[body(r, k, id)] = r.string(v, 'bodyIds', id);
    return {
      code: countryCode(r, e.code, id),
      id,
      name: r.optionalString(e.name, 'name', id),
      names: r.perLanguage(e.names, 'names', id),
      capital: r.perLanguage(e.capital, 'capital', id),
      seats,
      bodyIds,
    };
  });
  const skipNames: PerLanguage<Set<string>> = {};
  for (const [lang, names] of Object.entries(r.perLanguage(o.skipNames, 'skipNames', 'skipNames')))
    skipNames[lang as Language] = new Set(names);
  const bodyNames = {} as Record<BodyType, string>;
  const names = r.object(o.bodyNames ?? {}, 'bodyNames');
  for (const b of BODY_TYPES) bodyNames[b] = typeof names[b] === 'string' ? names[b] : `${b} of {country}`;
  return { countries, skipNames, bodyNames };
}

function named(r: Reader, entries: Json[], defaultKind: ActorKind): NamedEntry[] {
  return entries.map((e) => {
    const id = e.id as string;
    const kind = (e.kind ?? defaultKind) as ActorKind;
    if (!KINDS.includes(kind)) r.fail(`unknown kind ${String(e.kind)}`, id);
    const code = r.optionalString(e.countryCode, 'countryCode', id);
    return {
      id,
      kind,
      name: r.optionalString(e.name, 'name', id),
      countryCode: code,
      names: r.strings(e.names, 'names', id),
    };
  });
}

function parseActors(lang: Language, raw: unknown): ActorsLexicon {
  const r = new Reader(`${lang}/actors.json`);
  const o = r.object(raw ?? {}, 'the file');
  const bodies = r.entries(o.bodies, 'bodies').map((e): BodyPattern => {
    const id = e.id as string;
    const source = r.string(e.pattern, 'pattern', id);
    const [pre, post, extra] = source.split('@country');
    if (extra !== undefined) r.fail('at most one @country slot', id);
    const slot = post !== undefined;
    const confidence = e.confidence === undefined ? 0.85 : Number(e.confidence);
    if (!(confidence > 0 && confidence <= 1)) r.fail('confidence must be in (0, 1]', id);
    return {
      id,
      before: pre?.trim() ? r.pattern(pre, id) : null,
      after: post?.trim() ? r.pattern(post, id) : null,
      slot,
      body: body(r, e.body, id),
      country: e.country === undefined ? null : countryCode(r, e.country, id),
      metonym: e.metonym === true,
      confidence,
    };
  });
  for (const b of bodies)
    if (!b.slot && !b.country) r.fail('a pattern without @country needs a country', b.id);
  const metonyms = r.entries(o.metonyms, 'metonyms').map((e): MetonymEntry => {
    const id = e.id as string;
    const ifNamed: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.object(e.ifNamed ?? {}, 'ifNamed', id)))
      ifNamed[k] = r.string(v, 'ifNamed', id);
    return { id, names: r.strings(e.names, 'names', id), actor: r.string(e.actor, 'actor', id), ifNamed };
  });
  return {
    placePrepositions: new Set(r.strings(o.placePrepositions, 'placePrepositions').map(fold)),
    igos: named(r, r.entries(o.igos, 'igos'), 'IGO'),
    organisations: named(r, r.entries(o.organisations, 'organisations'), 'GROUP'),
    metonyms,
    bodies,
    slotFirstBodies: bodies.filter((b) => b.slot && !b.before),
    firstNames: new Set(r.strings(o.firstNames, 'firstNames').map(fold)),
    nameStops: new Set(r.strings(o.nameStops, 'nameStops').map(fold)),
    agentVerbsAfterPlace: r
      .strings(o.agentVerbsAfterPlace, 'agentVerbsAfterPlace')
      .map((p) => r.pattern(p, 'agentVerbsAfterPlace')),
    locativePrepositions: new Set(r.strings(o.locativePrepositions ?? [], 'locativePrepositions').map(fold)),
    bareLocativePrepositions: new Set(
      r.strings(o.bareLocativePrepositions ?? [], 'bareLocativePrepositions').map(fold),
    ),
    locativeCases: o.locativeCases === undefined ? null : r.strings(o.locativeCases, 'locativeCases'),
  };
}

function parseDemonyms(lang: Language, raw: unknown): DemonymsLexicon {
  const r = new Reader(`${lang}/demonyms.json`);
  const o = r.object(raw ?? {}, 'the file');
  const endings = r.object(o.endings ?? {}, 'endings');
  const demonyms = r.entries(o.demonyms, 'demonyms').map((e): DemonymEntry => {
    const id = e.id as string;
    const forms = r.strings(e.forms, 'forms', id);
    for (const stem of r.strings(e.stems, 'stems', id)) {
      const paradigm = r.string(e.endings, 'endings', id);
      if (!(paradigm in endings)) r.fail(`unknown endings "${paradigm}"`, id);
      // An ending may be empty (`russisch` itself).
      for (const ending of r.array(endings[paradigm], `endings.${paradigm}`))
        forms.push(stem + String(ending));
    }
    if (forms.length === 0) r.fail('no forms', id);
    if ((e.country === undefined) === (e.actor === undefined))
      r.fail('needs a country or an actor, not both', id);
    return {
      id,
      country: e.country === undefined ? null : countryCode(r, e.country, id),
      actor: e.actor === undefined ? null : r.string(e.actor, 'actor', id),
      forms,
    };
  });
  const side = r.object(o.sideNouns ?? {}, 'sideNouns');
  const group = r.object(o.groupNouns ?? {}, 'groupNouns');
  return {
    demonyms,
    sideBefore: r.strings(side.before, 'sideNouns.before').map((p) => r.pattern(p, 'sideNouns')),
    sideAfter: r.strings(side.after, 'sideNouns.after').map((p) => r.pattern(p, 'sideNouns')),
    groupBefore: r.strings(group.before, 'groupNouns.before').map((p) => r.pattern(p, 'groupNouns')),
    groupAfter: r.strings(group.after, 'groupNouns.after').map((p) => r.pattern(p, 'groupNouns')),
  };
}

function parsePeople(raw: unknown): PersonEntry[] {
  const r = new Reader('people.json');
  const o = r.object(raw ?? { people: [] }, 'the file');
  return r.entries(o.people, 'people').map((e): PersonEntry => {
    const id = e.id as string;
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) r.fail('id must be a lowercase hyphenated slug', id);
    if (e.kind !== undefined && e.kind !== 'PERSON') r.fail('kind must be PERSON', id);
    const names = r.perLanguage(e.names, 'names', id);
    if (!Object.values(names).some((n) => n.length > 0)) r.fail('no names', id);
    return {
      id,
      name: r.string(e.name, 'name', id),
      country: e.country === undefined ? null : countryCode(r, e.country, id),
      actsFor: r.optionalString(e.actsFor, 'actsFor', id),
      title: r.optionalString(e.title, 'title', id),
      names,
      short: r.perLanguage(e.short, 'short', id),
    };
  });
}

const TITLE_ORGS: readonly TitleOrg[] = [...BODY_TYPES, 'country', 'adjacent'];

function parseTitles(lang: Language, raw: unknown): TitlesLexicon {
  const r = new Reader(`${lang}/titles.json`);
  const o = r.object(raw ?? {}, 'the file');
  const titles = r.entries(o.titles, 'titles').map((e): TitleEntry => {
    const id = e.id as string;
    if (!TITLE_ORGS.includes(e.org as TitleOrg)) r.fail(`unknown org "${String(e.org)}"`, id);
    return {
      id,
      pattern: r.pattern(r.string(e.pattern, 'pattern', id), id),
      title: r.string(e.title, 'title', id),
      org: e.org as TitleOrg,
      country: e.country === undefined ? null : countryCode(r, e.country, id),
    };
  });
  const folded = (v: unknown, what: string) => new Set(r.strings(v, what).map(fold));
  return {
    titles,
    determiners: folded(o.determiners, 'determiners'),
    connectors: folded(o.connectors, 'connectors'),
    complementWords: folded(o.complementWords, 'complementWords'),
  };
}

function caseForms(r: Reader, value: unknown, id: string): Partial<Record<GrammaticalCase, string[]>> {
  const o = r.object(value, 'forms', id);
  const out: Partial<Record<GrammaticalCase, string[]>> = {};
  for (const [c, v] of Object.entries(o)) {
    if (!CASES.includes(c as GrammaticalCase)) r.fail(`unknown case ${c}`, id);
    out[c as GrammaticalCase] = typeof v === 'string' ? [v] : r.array(v, c, id).map((s) => String(s));
  }
  return out;
}

function parseInflection(lang: Language, raw: unknown): InflectionSet | null {
  if (raw === undefined) return null;
  const r = new Reader(`${lang}/inflection.json`);
  const o = r.object(raw, 'the file');
  const mode = o.mode === 'last' ? 'last' : 'run';
  const tables = r.entries(o.tables, 'tables').map((e): InflectionTable => {
    const id = e.id as string;
    if (e.pos !== 'noun' && e.pos !== 'adj') r.fail('pos must be noun or adj', id);
    if (e.for !== 'person' && e.for !== 'thing' && e.for !== 'any')
      r.fail('for must be person, thing or any', id);
    const after = r.optionalString(e.after, 'after', id);
    return {
      id,
      pos: e.pos as InflectionTable['pos'],
      for: e.for as InflectionTable['for'],
      suffix: typeof e.suffix === 'string' ? e.suffix : r.fail('suffix must be a string', id),
      after: after ? new RegExp(`^${after}$`, 'u') : null,
      forms: caseForms(r, e.forms, id),
    };
  });
  const irregular = new Map(
    r.entries(o.irregular, 'irregular').map((e) => {
      const id = e.id as string;
      const base = r.string(e.base, 'base', id);
      return [base.toLowerCase(), { id, base, forms: caseForms(r, e.forms, id) }] as const;
    }),
  );
  return { language: lang, mode, tables, irregular };
}

export const actorLexicons = memoizeLexicon((set: LexiconSet): ActorLexicons => {
  const byLanguage = {} as ActorLexicons['byLanguage'];
  for (const lang of LANGUAGES) {
    const files = set.byLanguage[lang] ?? {};
    byLanguage[lang] = {
      actors: parseActors(lang, files.actors),
      demonyms: parseDemonyms(lang, files.demonyms),
      titles: parseTitles(lang, files.titles),
      inflection: parseInflection(lang, files.inflection),
    };
  }
  return {
    countries: parseCountries(set.shared.countries),
    people: parsePeople(set.shared.people),
    byLanguage,
  };
});
