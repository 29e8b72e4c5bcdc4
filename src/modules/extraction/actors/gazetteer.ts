import { createRequire } from 'node:module';
import countryNames from 'i18n-iso-countries';
import type { LexiconSet } from '../lexicons.ts';
import { fold } from '../text/fold.ts';
import { type Token, tokenize } from '../text/tokens.ts';
import { type ActorKind, type ActorMention, type Evidence, LANGUAGES, type Language } from '../types.ts';
import { type GrammaticalCase, type InflectionSet, inflectName, type NameTarget } from './inflection.ts';
import {
  type ActorLexicons,
  actorLexicons,
  type BodyType,
  type CountryEntry,
  type NamedEntry,
} from './lexicon.ts';
import { hasCyrillic, nameSkeleton, slugify } from './translit.ts';

/**
 * The gazetteer: every surface form an article may use for an actor, indexed by its first
 * folded token. Sources, strongest first: the graph's names and aliases, the register of
 * public figures (people.json), the lexicons' IGOs, organisations, capitals and seats, the
 * country names of i18n-iso-countries, demonyms. Russian,
 * Polish and German forms are expanded by the inflection tables at build time, so finding
 * actors in an article is lookups only.
 */

export interface GraphActor {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  countryCode: string | null;
  /** The state it acts for, as the graph says (a body's PART_OF, a person's position's body's). */
  actsFor?: string | null;
}

/** An actor an entry can name: from the graph, or one the extraction would create. */
export interface ActorInfo {
  id: string;
  name: string;
  kind: ActorKind;
  /** ISO alpha-3, as the graph stores it; for a person of the register, their country. */
  countryCode: string | null;
  /** The state it acts for, when the graph says so. */
  actsFor?: string | null;
  inGraph: boolean;
  /** Folded forms the graph lists for it (name and aliases), to tell new aliases. */
  knownForms: Set<string>;
}

export interface EntryToken {
  value: string;
  /** Acronyms match the text as written (`US`, never `us`); other tokens match folded. */
  exact: boolean;
  /** Written with a capital: the text's token must be too (`Запад`, not `запад`; `the West`). */
  cap: boolean;
}

export interface GazetteerEntry {
  tokens: EntryToken[];
  actorId: string;
  via: ActorMention['via'];
  /** A capital or a seat: a place after a place preposition, otherwise a metonym. */
  metonym: boolean;
  confidence: number;
  evidence: Evidence[];
  grammaticalCase: GrammaticalCase | null;
  /** A declined form, not the form as listed. */
  inflected: boolean;
  priority: number;
  /** Other actors the same form names (a warning when it is matched). */
  ambiguous: string[];
  /** `Bruxelles`: the actor to use instead when the article names the key actor. */
  ifNamed: Record<string, string> | null;
}

/**
 * A token is looked up as its folded form and as `=` + its exact text (acronyms). One-token
 * entries are keyed by that token, longer ones by their first two tokens (`sergei lavrov`),
 * so that a first name many people share does not make a long list to scan.
 */
export interface LanguageIndex {
  one: Map<string, GazetteerEntry[]>;
  /** Longest first. */
  two: Map<string, GazetteerEntry[]>;
}

export function tokenKey(t: EntryToken): string {
  return t.exact ? `=${t.value}` : t.value;
}

export interface CountryInfo {
  code2: string;
  code3: string;
  id: string;
  name: string;
}

export interface PersonIndex {
  /** `skeleton(surname)|first letter of skeleton(first name)` → graph person ids. */
  byKey: Map<string, string[]>;
  /** `skeleton(surname)` → graph person ids. */
  bySurname: Map<string, string[]>;
}

export interface Gazetteer {
  actors: Map<string, ActorInfo>;
  languages: Record<Language, LanguageIndex>;
  /** The graph's forms as it writes them, for every language (a language's index shadows it). */
  shared: LanguageIndex;
  persons: PersonIndex;
  countriesByCode2: Map<string, CountryInfo>;
  countriesById: Map<string, CountryInfo>;
  graphIds: Set<string>;
  lexicons: ActorLexicons;
  /** Folded first names that start a new person's name: the lexicon's and the register's. */
  firstNames: Record<Language, Set<string>>;
  /** Folded words that never continue a name: the lexicon's, and months, weekdays and parts of months. */
  nameStops: Record<Language, Set<string>>;
}

// The register sits between the lexicons and the graph: a graph actor with the same form wins.
const PRIORITY = { demonym: 0, country: 1, lexicon: 2, register: 2.5, graph: 3, contextual: 4 } as const;
const INFLECTED_PENALTY = 0.5;

const require = createRequire(import.meta.url);
let localesRegistered = false;
function registerLocales(): void {
  if (localesRegistered) return;
  for (const lang of LANGUAGES) countryNames.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  localesRegistered = true;
}

export function isAcronymToken(word: string): boolean {
  return /\p{L}/u.test(word) && !/\p{Ll}/u.test(word);
}

/** The key under which a form is compared with the graph's forms: its folded tokens. */
export function formKey(form: string): string {
  return tokenize(form)
    .map((t) => t.folded)
    .join(' ');
}

/**
 * `Moldova, Republic of` → `Moldova`; `КНДР (Корейская …)` → `КНДР` and what the brackets
 * spell out. Brackets after a plain name qualify it (`Виргинские Острова (США)`): dropped.
 */
function cleanPackageNames(names: string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const bracket = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
    const parts = bracket
      ? isAcronymToken(bracket[1]!)
        ? [bracket[1]!, bracket[2]!]
        : [bracket[1]!]
      : [name];
    for (const part of parts) {
      const head = part.split(',')[0]!.trim();
      if (head) out.push(head);
    }
  }
  return [...new Set(out)];
}

interface EntryForm {
  tokens: EntryToken[];
  key: string;
}

function entryTokens(raw: Token[]): EntryForm {
  const tokens = raw.map((t) => {
    const exact = isAcronymToken(t.text);
    return { value: exact ? t.text : t.folded, exact, cap: !exact && t.capitalised };
  });
  // The capitals are part of the key: `Polski` (Poland, genitive) and `polski` (the adjective)
  // are two entries, and the text's case picks one.
  const key = tokens.map((t) => (t.exact ? `=${t.value}` : t.cap ? `^${t.value}` : t.value)).join(' ');
  return { tokens, key };
}

/**
 * The same forms come back in every build and in several languages (`Olaf Scholz` in four,
 * the declined names of the register): their tokens are computed once. Entries share the
 * token arrays and never change them. Bounded, so a server reading ever new graphs does not grow it.
 */
const FORM_CACHE_LIMIT = 200_000;
const formCache = new Map<string, EntryForm>();
function entryTokensOf(form: string): EntryForm {
  let hit = formCache.get(form);
  if (!hit) {
    hit = entryTokens(tokenize(form));
    if (formCache.size >= FORM_CACHE_LIMIT) formCache.clear();
    formCache.set(form, hit);
  }
  return hit;
}

function bodyName(lex: ActorLexicons, body: BodyType, country: string): string {
  return lex.countries.bodyNames[body].replace('{country}', country);
}

class Builder {
  readonly actors = new Map<string, ActorInfo>();
  readonly languages = {} as Record<Language, LanguageIndex>;
  /** Per language (and `shared`): entry key → entry. */
  readonly byKey = new Map<Language | 'shared', Map<string, GazetteerEntry>>();
  readonly shared: LanguageIndex = { one: new Map(), two: new Map() };
  readonly countriesByCode2 = new Map<string, CountryInfo>();
  readonly countriesById = new Map<string, CountryInfo>();
  readonly graphIds: Set<string>;
  /** Folded forms of non-person, non-country graph actors → id: an IGO the graph knows by another id. */
  readonly graphForms = new Map<string, string>();

  constructor(
    readonly graph: GraphActor[],
    readonly lex: ActorLexicons,
  ) {
    this.graphIds = new Set(graph.map((a) => a.id));
    for (const lang of LANGUAGES) this.languages[lang] = { one: new Map(), two: new Map() };
  }

  actor(info: Omit<ActorInfo, 'inGraph' | 'knownForms'>): string {
    if (!this.actors.has(info.id))
      this.actors.set(info.id, { ...info, inGraph: false, knownForms: new Set() });
    return info.id;
  }

  add(
    langs: readonly Language[],
    form: string,
    base: Omit<GazetteerEntry, 'tokens' | 'ambiguous' | 'grammaticalCase' | 'inflected'>,
    inflect?: { set: (lang: Language) => InflectionSet | null; target: NameTarget; declinedOnly?: boolean },
  ): void {
    for (const lang of langs) {
      const set = inflect?.set(lang);
      const forms = set
        ? inflectName(form, set, inflect!.target)
        : [{ form, grammaticalCase: null, base: true, source: null }];
      let inflectedEvidence: Map<string, Evidence[]> | undefined;
      for (const f of forms) {
        if (f.base && inflect?.declinedOnly) continue;
        let evidence = base.evidence;
        if (!f.base) {
          // One evidence list per table: the forms of one name share it.
          inflectedEvidence ??= new Map();
          const source = f.source ?? '';
          let e = inflectedEvidence.get(source);
          if (!e) {
            e = [...base.evidence, { rule: 'actor.inflection', entry: `${lang}/inflection#${f.source}` }];
            inflectedEvidence.set(source, e);
          }
          evidence = e;
        }
        this.put(lang, f.form, {
          actorId: base.actorId,
          via: base.via,
          metonym: base.metonym,
          confidence: base.confidence,
          evidence,
          priority: base.priority - (f.base ? 0 : INFLECTED_PENALTY),
          ifNamed: base.ifNamed,
          grammaticalCase: f.grammaticalCase,
          inflected: !f.base,
        });
      }
    }
  }

  /** Puts one form: in a language's index, or in the shared one (the graph's own forms). Takes `entry` over: pass a fresh object. */
  put(
    lang: Language | 'shared',
    form: string | Token[],
    entry: Omit<GazetteerEntry, 'tokens' | 'ambiguous'>,
  ): void {
    const { tokens, key } = typeof form === 'string' ? entryTokensOf(form) : entryTokens(form);
    if (tokens.length === 0) return;
    const full = entry as GazetteerEntry;
    full.tokens = tokens;
    full.ambiguous = [];
    let forLang = this.byKey.get(lang);
    if (!forLang) {
      forLang = new Map();
      this.byKey.set(lang, forLang);
    }
    let existing = forLang.get(key);
    const shared = lang === 'shared' ? undefined : this.byKey.get('shared')?.get(key);
    if (!existing && shared) {
      // A language's own reading of a graph form (`Moscou`, a capital): a copy of the graph's
      // entry, merged here, shadows the shared one in that language only.
      existing = { ...shared, evidence: [...shared.evidence], ambiguous: [...shared.ambiguous] };
    }
    if (!existing) {
      forLang.set(key, full);
      return;
    }
    const metonym = existing.metonym || full.metonym;
    const [winner, loser] = full.priority > existing.priority ? [full, existing] : [existing, full];
    if (
      winner.actorId !== loser.actorId &&
      winner.priority === loser.priority &&
      !winner.ambiguous.includes(loser.actorId)
    )
      winner.ambiguous.push(loser.actorId);
    if (metonym && !winner.metonym) {
      // A graph alias that is also a capital or a seat (`Moscou`): still a place after `à`.
      winner.metonym = true;
      winner.via = 'METONYM';
      winner.confidence = Math.min(winner.confidence, 0.7);
      winner.evidence = [
        ...winner.evidence,
        ...loser.evidence.filter((e) => e.rule === 'actor.gazetteer.metonym'),
      ];
    }
    // One form, two cases (two names of one actor decline alike): the case is not known.
    if (winner.actorId === loser.actorId && winner.grammaticalCase !== loser.grammaticalCase)
      winner.grammaticalCase = null;
    forLang.set(key, winner);
  }

  finish(): void {
    for (const [lang, entries] of this.byKey) {
      const index = lang === 'shared' ? this.shared : this.languages[lang];
      for (const entry of entries.values()) {
        const [a, b] = entry.tokens;
        const map = b ? index.two : index.one;
        const k = b ? `${tokenKey(a!)} ${tokenKey(b)}` : tokenKey(a!);
        const list = map.get(k);
        if (list) list.push(entry);
        else map.set(k, [entry]);
      }
      for (const list of index.two.values())
        if (list.length > 1)
          list.sort((x, y) => y.tokens.length - x.tokens.length || y.priority - x.priority);
    }
  }
}

function inflectionOf(lex: ActorLexicons): (lang: Language) => InflectionSet | null {
  return (lang) => lex.byLanguage[lang].inflection;
}

function addGraph(b: Builder): void {
  const inflection = inflectionOf(b.lex);
  for (const a of b.graph) {
    const forms = [a.name, ...a.aliases.filter((x) => x !== a.name)];
    const tokenized = forms.map((f) => tokenize(f));
    b.actors.set(a.id, {
      id: a.id,
      name: a.name,
      kind: a.kind,
      countryCode: a.countryCode,
      actsFor: a.actsFor ?? null,
      inGraph: true,
      knownForms: new Set(tokenized.map((t) => t.map((x) => x.folded).join(' '))),
    });
    const target: NameTarget = a.kind === 'PERSON' ? 'person' : 'thing';
    forms.forEach((form, i) => {
      const base = {
        actorId: a.id,
        via: form === a.name ? ('NAME' as const) : ('ALIAS' as const),
        metonym: false,
        confidence: form === a.name ? 0.95 : 0.9,
        evidence: [{ rule: 'actor.gazetteer.alias', entry: `graph:${a.id}` }],
        priority: PRIORITY.graph,
        ifNamed: null,
      };
      // The form as the graph writes it serves every language; declined forms go to the
      // language whose tables fit the script: Cyrillic names to Russian, a person's Latin
      // names to Polish and German.
      b.put('shared', tokenized[i]!, { ...base, grammaticalCase: null, inflected: false });
      const declined = { set: inflection, target, declinedOnly: true };
      if (hasCyrillic(form)) b.add(['ru'], form, base, declined);
      else if (a.kind === 'PERSON') b.add(['pl', 'de'], form, base, declined);
    });
    if (a.kind !== 'PERSON' && a.kind !== 'COUNTRY')
      for (const t of tokenized) b.graphForms.set(t.map((x) => x.folded).join(' '), a.id);
  }
}

function addCountries(b: Builder): void {
  registerLocales();
  const inflection = inflectionOf(b.lex);
  const overrides = new Map<string, CountryEntry>(b.lex.countries.countries.map((c) => [c.code, c]));
  const graphByCode3 = new Map<string, GraphActor>();
  for (const a of b.graph) if (a.kind === 'COUNTRY' && a.countryCode) graphByCode3.set(a.countryCode, a);
  const perLang = {} as Record<Language, Record<string, string[]>>;
  for (const lang of LANGUAGES) perLang[lang] = countryNames.getNames(lang, { select: 'all' });
  for (const code2 of Object.keys(perLang.en)) {
    const code3 = countryNames.alpha2ToAlpha3(code2);
    if (!code3) continue;
    const override = overrides.get(code2);
    const english = cleanPackageNames(perLang.en[code2] ?? [code2]);
    const graphActor = graphByCode3.get(code3);
    const name = override?.name ?? english[0] ?? code2;
    const id = graphActor?.id ?? override?.id ?? slugify(name);
    const info: CountryInfo = { code2, code3, id, name: graphActor?.name ?? name };
    b.countriesByCode2.set(code2, info);
    b.countriesById.set(id, info);
    b.actor({ id, name: info.name, kind: 'COUNTRY', countryCode: code3 });
    for (const lang of LANGUAGES) {
      const skip = b.lex.countries.skipNames[lang];
      const names = [
        ...cleanPackageNames(perLang[lang][code2] ?? []).map((n) => ({
          n,
          entry: `i18n-iso-countries:${code2}`,
        })),
        ...(override?.names[lang] ?? []).map((n) => ({ n, entry: `countries#${override!.id}` })),
      ];
      for (const { n, entry } of names) {
        if (skip?.has(n)) continue;
        b.add(
          [lang],
          n,
          {
            actorId: id,
            via: 'NAME',
            metonym: false,
            confidence: 0.9,
            evidence: [{ rule: 'actor.gazetteer.country', entry }],
            priority: PRIORITY.country,
            ifNamed: null,
          },
          { set: inflection, target: 'thing' },
        );
      }
    }
  }
  for (const c of b.lex.countries.countries) {
    const country = b.countriesByCode2.get(c.code);
    if (!country) continue;
    for (const lang of LANGUAGES) {
      for (const n of c.capital[lang] ?? [])
        b.add(
          [lang],
          n,
          {
            actorId: country.id,
            via: 'METONYM',
            metonym: true,
            confidence: 0.7,
            evidence: [{ rule: 'actor.gazetteer.metonym', entry: `countries#${c.id}`, detail: 'capital' }],
            priority: PRIORITY.lexicon,
            ifNamed: null,
          },
          { set: inflection, target: 'thing' },
        );
      for (const seat of c.seats) {
        if (seat.proper) continue;
        const bodyId = bodyActorId(b.lex, country, seat.body);
        b.actor({
          id: bodyId,
          name: bodyName(b.lex, seat.body, country.name),
          kind: 'GOVERNMENT_BODY',
          countryCode: country.code3,
        });
        for (const n of seat.names[lang] ?? [])
          b.add(
            [lang],
            n,
            {
              actorId: bodyId,
              via: 'METONYM',
              metonym: true,
              confidence: 0.7,
              evidence: [{ rule: 'actor.gazetteer.metonym', entry: `countries#${seat.id}`, detail: 'seat' }],
              priority: PRIORITY.lexicon,
              ifNamed: null,
            },
            { set: inflection, target: 'thing' },
          );
      }
    }
  }
}

/** Bodies by their own names (`State Department`, `Госдепартамент`): names, not places. */
function addProperBodies(b: Builder): void {
  const inflection = inflectionOf(b.lex);
  for (const c of b.lex.countries.countries) {
    const country = b.countriesByCode2.get(c.code);
    if (!country) continue;
    for (const seat of c.seats) {
      if (!seat.proper) continue;
      const bodyId = bodyActorId(b.lex, country, seat.body);
      b.actor({
        id: bodyId,
        name: bodyName(b.lex, seat.body, country.name),
        kind: 'GOVERNMENT_BODY',
        countryCode: country.code3,
      });
      for (const lang of LANGUAGES)
        for (const n of seat.names[lang] ?? [])
          b.add(
            [lang],
            n,
            {
              actorId: bodyId,
              via: 'NAME',
              metonym: false,
              confidence: 0.85,
              evidence: [{ rule: 'actor.gazetteer.body', entry: `countries#${seat.id}` }],
              priority: PRIORITY.lexicon,
              ifNamed: null,
            },
            { set: inflection, target: 'thing' },
          );
    }
  }
}

/** The id of a country's body: the lexicon's fixed id (`russian-foreign-ministry`), else `<country id>-<body>`. */
export function bodyActorId(lex: ActorLexicons, country: CountryInfo, body: BodyType): string {
  const override = lex.countries.countries.find((c) => c.code === country.code2)?.bodyIds[body];
  return override ?? `${country.id}-${body}`;
}

/** The body as an actor: the graph's or the gazetteer's when known, otherwise a new one. */
export function bodyActor(gazetteer: Gazetteer, country: CountryInfo, body: BodyType): ActorInfo {
  const id = bodyActorId(gazetteer.lexicons, country, body);
  return (
    gazetteer.actors.get(id) ?? {
      id,
      name: bodyName(gazetteer.lexicons, body, country.name),
      kind: 'GOVERNMENT_BODY',
      countryCode: country.code3,
      inGraph: false,
      knownForms: new Set(),
    }
  );
}

/** Every lexicon id (IGO, organisation) and the graph id it becomes. */
function resolveNamed(b: Builder): Map<string, string> {
  const all = new Map<string, NamedEntry[]>();
  for (const lang of LANGUAGES) {
    const a = b.lex.byLanguage[lang].actors;
    for (const e of [...a.igos, ...a.organisations]) all.set(e.id, [...(all.get(e.id) ?? []), e]);
  }
  const resolved = new Map<string, string>();
  for (const [id, entries] of all) {
    let target = id;
    if (!b.graphIds.has(id)) {
      for (const e of entries)
        for (const n of e.names) {
          const g = b.graphForms.get(formKey(n));
          if (g && target === id) target = g;
        }
    }
    resolved.set(id, target);
    if (!b.graphIds.has(target)) {
      const en = entries.find(
        (e) =>
          b.lex.byLanguage.en.actors.igos.includes(e) || b.lex.byLanguage.en.actors.organisations.includes(e),
      );
      const first = entries[0]!;
      b.actor({
        id: target,
        name: en?.name ?? first.name ?? en?.names.find((n) => !isAcronymToken(n)) ?? first.names[0]!,
        kind: first.kind,
        countryCode: entries.find((e) => e.countryCode)?.countryCode ?? null,
      });
    }
  }
  return resolved;
}

function addLexiconActors(b: Builder): void {
  const inflection = inflectionOf(b.lex);
  const resolved = resolveNamed(b);
  const resolve = (id: string) => resolved.get(id) ?? b.countriesById.get(id)?.id ?? id;
  for (const lang of LANGUAGES) {
    const a = b.lex.byLanguage[lang].actors;
    for (const e of [...a.igos, ...a.organisations]) {
      for (const n of e.names)
        b.add(
          [lang],
          n,
          {
            actorId: resolve(e.id),
            via: 'NAME',
            metonym: false,
            confidence: 0.9,
            evidence: [{ rule: 'actor.gazetteer.lexicon', entry: `${lang}/actors#${e.id}` }],
            priority: PRIORITY.lexicon,
            ifNamed: null,
          },
          { set: inflection, target: 'thing' },
        );
    }
    for (const m of a.metonyms) {
      const ifNamed: Record<string, string> = {};
      for (const [k, v] of Object.entries(m.ifNamed)) ifNamed[resolve(k)] = resolve(v);
      for (const n of m.names)
        b.add(
          [lang],
          n,
          {
            actorId: resolve(m.actor),
            via: 'METONYM',
            metonym: true,
            confidence: 0.7,
            evidence: [{ rule: 'actor.gazetteer.metonym', entry: `${lang}/actors#${m.id}` }],
            priority: PRIORITY.contextual,
            ifNamed,
          },
          { set: inflection, target: 'thing' },
        );
    }
    for (const d of b.lex.byLanguage[lang].demonyms.demonyms) {
      const actorId = d.country ? b.countriesByCode2.get(d.country)?.id : d.actor && resolve(d.actor);
      if (!actorId) continue;
      for (const f of d.forms)
        b.add([lang], f, {
          actorId,
          via: 'DEMONYM',
          metonym: false,
          confidence: 0.6,
          evidence: [{ rule: 'actor.demonym', entry: `${lang}/demonyms#${d.id}` }],
          priority: PRIORITY.demonym,
          ifNamed: null,
        });
    }
  }
}

/** Folded forms of the graph's people → their ids: a register entry naming one of them is that person. */
function graphPersonForms(graph: GraphActor[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of graph)
    if (a.kind === 'PERSON') for (const f of [a.name, ...a.aliases]) out.set(formKey(f), a.id);
  return out;
}

/**
 * The register of public figures: every language's spellings of a person link to one id, the
 * slug of the English name (`Poutine`, `Путин`, `Putin` → `vladimir-putin`), or to the graph's
 * person when the graph knows one of the names. Russian and Polish forms are declined; a name
 * used alone is weaker, and dropped when two people of the register share it.
 * Returns the people as graph-like actors, for the spelling-blind person index.
 */
function addPeople(b: Builder): GraphActor[] {
  const inflection = inflectionOf(b.lex);
  const graphForms = graphPersonForms(b.graph);
  const shortOwners = new Map<string, Set<string>>();
  for (const p of b.lex.people)
    for (const lang of LANGUAGES)
      for (const s of p.short[lang] ?? []) {
        const k = `${lang}|${formKey(s)}`;
        shortOwners.set(k, (shortOwners.get(k) ?? new Set()).add(p.id));
      }
  const out: GraphActor[] = [];
  for (const p of b.lex.people) {
    const full = LANGUAGES.flatMap((lang) => p.names[lang] ?? []);
    let id = p.id;
    if (!b.graphIds.has(id)) {
      const known = full.map((n) => graphForms.get(formKey(n))).find((g) => g !== undefined);
      if (known) id = known;
    }
    const code3 = p.country ? (b.countriesByCode2.get(p.country)?.code3 ?? null) : null;
    if (!b.graphIds.has(id))
      b.actor({ id, name: p.name, kind: 'PERSON', countryCode: code3, actsFor: p.actsFor });
    const evidence = [{ rule: 'actor.gazetteer.register', entry: `people#${p.id}` }];
    for (const lang of LANGUAGES) {
      const add = (form: string, via: 'NAME' | 'ALIAS', confidence: number) =>
        b.add(
          [lang],
          form,
          {
            actorId: id,
            via,
            metonym: false,
            confidence,
            evidence,
            priority: PRIORITY.register,
            ifNamed: null,
          },
          { set: inflection, target: 'person' },
        );
      for (const n of p.names[lang] ?? []) add(n, 'NAME', 0.9);
      for (const s of p.short[lang] ?? [])
        if (shortOwners.get(`${lang}|${formKey(s)}`)?.size === 1) add(s, 'ALIAS', 0.8);
    }
    out.push({ id, name: p.name, kind: 'PERSON', aliases: full, countryCode: code3 });
  }
  return out;
}

/** Words of `dates.json` that are never part of a name: months, weekdays, parts of months, today/yesterday. */
function dateWords(dates: unknown): string[] {
  const out: string[] = [];
  const words = (v: unknown) => {
    if (typeof v === 'string') {
      for (const w of v.split(/[\s|~*]+/)) if (/^\p{L}+$/u.test(w)) out.push(fold(w));
    } else if (Array.isArray(v)) for (const x of v) words(x);
  };
  if (!dates || typeof dates !== 'object') return out;
  const d = dates as Record<string, unknown>;
  for (const key of ['months', 'weekdays', 'monthParts', 'relativeDays']) {
    const list = d[key];
    if (!Array.isArray(list)) continue;
    for (const e of list)
      if (e && typeof e === 'object') {
        const entry = e as Record<string, unknown>;
        words(entry.forms);
        words(entry.patterns);
      }
  }
  return out;
}

function firstNamesOf(lex: ActorLexicons): Record<Language, Set<string>> {
  const out = {} as Record<Language, Set<string>>;
  for (const lang of LANGUAGES) {
    const set = new Set(lex.byLanguage[lang].actors.firstNames);
    for (const p of lex.people) {
      const shortIsFirst = (p.short[lang] ?? []).some((s) =>
        (p.names[lang] ?? []).some((n) => n.startsWith(`${s} `)),
      );
      // Names written surname first (`Xi Jinping`, `Kim Jong Un`) have no first name to learn.
      if (shortIsFirst || !p.short[lang]?.length) continue;
      for (const n of p.names[lang] ?? []) {
        const head = n.split(' ')[0]!;
        if (n.includes(' ') && /^\p{Lu}\p{Ll}/u.test(head)) set.add(fold(head));
      }
    }
    out[lang] = set;
  }
  return out;
}

function personIndex(graph: GraphActor[]): PersonIndex {
  const byKey = new Map<string, string[]>();
  const bySurname = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, id: string) => {
    const list = m.get(k);
    if (!list) m.set(k, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  for (const a of graph) {
    if (a.kind !== 'PERSON') continue;
    for (const form of [a.name, ...a.aliases]) {
      const words = tokenize(form);
      const surname = nameSkeleton(words[words.length - 1]?.text ?? '');
      if (!surname) continue;
      push(bySurname, surname, a.id);
      if (words.length >= 2) push(byKey, `${surname}|${nameSkeleton(words[0]!.text)[0] ?? ''}`, a.id);
    }
  }
  return { byKey, bySurname };
}

export function buildGazetteer(graphActors: GraphActor[], lexicons: LexiconSet): Gazetteer {
  const lex = actorLexicons(lexicons);
  const b = new Builder(graphActors, lex);
  addGraph(b);
  addCountries(b);
  addProperBodies(b);
  const people = addPeople(b);
  addLexiconActors(b);
  b.finish();
  const nameStops = {} as Record<Language, Set<string>>;
  for (const lang of LANGUAGES)
    nameStops[lang] = new Set([
      ...lex.byLanguage[lang].actors.nameStops,
      ...dateWords(lexicons.byLanguage[lang]?.dates),
    ]);
  return {
    actors: b.actors,
    languages: b.languages,
    shared: b.shared,
    persons: personIndex([...graphActors, ...people]),
    countriesByCode2: b.countriesByCode2,
    countriesById: b.countriesById,
    graphIds: b.graphIds,
    lexicons: lex,
    firstNames: firstNamesOf(lex),
    nameStops,
  };
}
