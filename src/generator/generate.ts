import { ID_PATTERN } from '../modules/common/identity.ts';
import type { ROLES } from '../modules/common/vocabulary.ts';
/**
 * A seeded, deterministic generator of synthetic article bundles for tests and benchmarks.
 *
 * The same options always give byte-identical bundles: every random choice comes from the
 * sfc32 generator below, consumed in one fixed order, and nothing depends on the clock, the
 * locale or Math.random. Bundles are produced one at a time, so a million events stream in
 * constant memory apart from a few typed arrays indexed by actor and event.
 *
 * Shape of the graph:
 * - actor activity follows a Zipf law over actor indices; the first `hubs` actors are
 *   countries and take part in a large share of the events;
 * - an actor is defined in the first bundle that references it (by an event, a document or a
 *   structural fact), so ingesting the bundles in order never references an unknown actor;
 *   when there are more actors than the events can introduce, the surplus is defined first in
 *   actors-only "directory" bundles;
 * - articles are spread evenly over the years and report events of the preceding weeks, so
 *   dates mostly grow with event ids and RESPONDS_TO / FOLLOWS_UP links point back in time.
 */

import type { BundleInput } from '../modules/ingest/bundle.ts';
import {
  ACTOR_KIND_WEIGHTS,
  type ActorKind,
  accented,
  acronym,
  BODY_TYPES,
  type BodyType,
  CAMEO_WEIGHTS,
  capitalize,
  cyrillic,
  DOCUMENT_KIND_WEIGHTS,
  DOCUMENT_TITLES,
  dayPhrase,
  FACT_SENTENCES,
  FIRST_NAMES,
  LANG_INDEX,
  LANGUAGE_WEIGHTS,
  type Lang,
  monthPhrase,
  ORG_TEMPLATES,
  PHRASES,
  PUBLISHERS,
  type Qualifier,
  STATUS_PREFIX,
  STATUS_WEIGHTS,
  SURNAME_ENDINGS,
  SYLLABLES,
  TITLES,
  UNADDRESSED,
  VERBAL_ROOTS,
  VERBS,
  yearPhrase,
} from './vocabulary.ts';

export { CAMEO_WEIGHTS };

type ActorInput = NonNullable<BundleInput['actors']>[number];
type DocumentInput = NonNullable<BundleInput['documents']>[number];
type EventInput = NonNullable<BundleInput['events']>[number];
type LinkInput = NonNullable<BundleInput['eventLinks']>[number];
type FactInput = NonNullable<BundleInput['facts']>[number];
type MentionInput = EventInput['mentions'][number];
type DateInput = EventInput['date'];
type Role = (typeof ROLES)[number];

export interface GeneratorOptions {
  seed: number;
  actors: number;
  events: number;
  /** Events per article bundle (default 50). */
  eventsPerArticle?: number;
  /** How many of the most active actors are countries (default max(3, actors / 200)). */
  hubs?: number;
  /** First year of event dates (default 2018). */
  startYear?: number;
  /** How many years the dates span (default 6). */
  years?: number;
  /** Prefix of every id, so that several generated graphs can share a database (default 'g'). */
  idPrefix?: string;
}

export const sizes = {
  small: { actors: 1_000, events: 10_000 },
  medium: { actors: 10_000, events: 200_000 },
  large: { actors: 40_000, events: 1_000_000 },
} as const;
export type SizeName = keyof typeof sizes;

type Resolved = Required<GeneratorOptions>;

/** Kept well below the schema's 10,000 actors per bundle, since defining an actor pulls in the
 * ends of its facts (a person brings a ministry, which brings its country and alliances). */
const DIRECTORY_CHUNK = 1_000;
const MAX_EVENTS_PER_ARTICLE = 1_000;

function resolve(o: Pick<GeneratorOptions, 'seed' | 'actors'> & Partial<GeneratorOptions>): Resolved {
  const r: Resolved = {
    seed: o.seed,
    actors: o.actors,
    events: o.events ?? 0,
    eventsPerArticle: o.eventsPerArticle ?? 50,
    hubs: Math.min(o.actors, o.hubs ?? Math.max(3, Math.floor(o.actors / 200))),
    startYear: o.startYear ?? 2018,
    years: o.years ?? 6,
    idPrefix: o.idPrefix ?? 'g',
  };
  const int = (name: keyof Resolved, min: number, max: number) => {
    const v = r[name];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max)
      throw new RangeError(`generator option ${name} must be an integer in ${min}..${max}, got ${String(v)}`);
  };
  int('seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  int('actors', 0, 100_000_000);
  int('events', 0, 1_000_000_000);
  int('eventsPerArticle', 1, MAX_EVENTS_PER_ARTICLE);
  int('hubs', 0, r.actors);
  int('startYear', 1900, 2200);
  int('years', 1, 100);
  if (r.events > 0 && r.actors < 2)
    throw new RangeError('generator option actors must be at least 2 when there are events');
  if (!ID_PATTERN.test(r.idPrefix) || r.idPrefix.length > 60)
    throw new RangeError(`generator option idPrefix must be a lowercase slug, got "${r.idPrefix}"`);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** sfc32, seeded through splitmix32: tiny, fast, and passes PractRand far beyond our needs. */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: number) {
    // Mix both halves of a safe integer so that seeds differing only above 2^32 still differ.
    let s = (Math.floor(seed / 4294967296) ^ Math.imul(stream + 1, 0x9e3779b9) ^ (seed >>> 0)) | 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) | 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = (seed >>> 0) ^ stream;
    for (let i = 0; i < 15; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

/** Index of the first cumulative weight above x. */
function search(cum: Float64Array, x: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function cumulate(weights: Iterable<number>): Float64Array {
  const list = [...weights];
  const cum = new Float64Array(list.length);
  let total = 0;
  list.forEach((w, i) => {
    total += w;
    cum[i] = total;
  });
  return cum;
}

class Weighted<T> {
  private readonly items: T[];
  private readonly cum: Float64Array;

  constructor(pairs: readonly (readonly [T, number])[]) {
    this.items = pairs.map((p) => p[0]);
    this.cum = cumulate(pairs.map((p) => p[1]));
  }

  draw(rng: Rng): T {
    return this.items[search(this.cum, rng.next() * this.cum[this.cum.length - 1]!)]!;
  }
}

/** P(rank k) ∝ 1/(k+1): the top hub of 1,000 actors gets ~13% of draws, of 40,000 ~9%. */
class Zipf {
  private readonly cum: Float64Array;

  constructor(n: number) {
    this.cum = new Float64Array(n);
    let total = 0;
    for (let k = 0; k < n; k++) {
      total += 1 / (k + 1);
      this.cum[k] = total;
    }
  }

  draw(rng: Rng): number {
    return search(this.cum, rng.next() * this.cum[this.cum.length - 1]!);
  }
}

const LANGUAGES = new Weighted(LANGUAGE_WEIGHTS);
const STATUSES = new Weighted(STATUS_WEIGHTS);
const DOCUMENT_KINDS = new Weighted(DOCUMENT_KIND_WEIGHTS);
const KINDS = new Weighted(ACTOR_KIND_WEIGHTS);

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// ---------------------------------------------------------------------------------------------
// Actors

export interface GeneratedFact {
  type: FactInput['type'];
  /** Index of the object actor; the subject is the actor that carries the fact. */
  object: number;
  title: string | null;
  since: string | null;
  /** Stated by a register (wikidata) rather than by the article that carries it. */
  fromRegister: boolean;
}

export interface GeneratedActor {
  index: number;
  /** The actor exactly as bundles carry it. */
  actor: ActorInput;
  /** The country a government body belongs to, or a person serves through their body; else -1. */
  country: number;
  /** Structural facts with this actor as subject; stated in the bundle that defines it. */
  facts: GeneratedFact[];
}

/** Day numbers since 1970-01-01 (UTC) and their ISO strings. */
const DAY_MS = 86_400_000;
const epochDay = (y: number, m: number, d: number) => Date.UTC(y, m, d) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Every actor of a generated graph with its structural facts. It depends only on seed, actors,
 * hubs, startYear and idPrefix, so the events count can change without renaming anyone.
 */
export function generatorActors(
  options: Pick<GeneratorOptions, 'seed' | 'actors'> & Partial<GeneratorOptions>,
): GeneratedActor[] {
  const o = resolve(options);
  const rng = new Rng(o.seed, 1);
  const n = o.actors;

  const kinds: ActorKind[] = [];
  for (let i = 0; i < n; i++) kinds.push(i < o.hubs ? 'COUNTRY' : KINDS.draw(rng));
  const countries: number[] = [];
  const bodies: number[] = [];
  const orgs: number[] = [];
  kinds.forEach((k, i) => {
    if (k === 'COUNTRY') countries.push(i);
    else if (k === 'GOVERNMENT_BODY') bodies.push(i);
    else if (k === 'ALLIANCE' || k === 'IGO') orgs.push(i);
  });
  // Bodies and persons need a country to belong to; without one they become countries.
  if (!countries.length && bodies.length) {
    const first = bodies.shift()!;
    kinds[first] = 'COUNTRY';
    countries.push(first);
  }

  // A bijection from index to syllable digits keeps stems unique while looking unordered.
  let syllableCount = 3;
  while (SYLLABLES.length ** syllableCount < n) syllableCount++;
  const space = SYLLABLES.length ** syllableCount;
  const offset = rng.int(space);
  const stem = (i: number) => {
    let j = (i * 7919 + offset) % space; // 7919 is prime, so coprime with 36^k
    let s = '';
    for (let k = 0; k < syllableCount; k++) {
      s += SYLLABLES[j % SYLLABLES.length];
      j = Math.floor(j / SYLLABLES.length);
    }
    return capitalize(s);
  };
  const countryOrdinal = new Map<number, number>();
  countries.forEach((c, ord) => {
    countryOrdinal.set(c, ord);
  });
  const codeOffset = rng.int(26 ** 3);
  const countryCode = (ord: number) => {
    let j = (ord * 7919 + codeOffset) % 26 ** 3;
    let code = '';
    for (let k = 0; k < 3; k++) {
      code += String.fromCharCode(65 + (j % 26));
      j = Math.floor(j / 26);
    }
    return code;
  };

  const names: string[] = [];
  const table: GeneratedActor[] = [];
  const bodyCountry = new Map<number, number>();
  const bodyType = new Map<number, BodyType>();
  // Country names first: bodies and persons are named after them.
  for (const c of countries) {
    const s = stem(c);
    names[c] = /[aeiou]$/.test(s)
      ? s + rng.pick(['nia', 'ria', 'land', 'stan', 'va'])
      : s + rng.pick(['ia', 'land', 'istan', 'ova', 'ar']);
  }
  bodies.forEach((b, ord) => {
    // Governments fill up country by country, hubs first, so hubs get every ministry.
    const type = BODY_TYPES[ord % BODY_TYPES.length]!;
    const country = countries[Math.floor(ord / BODY_TYPES.length) % countries.length]!;
    bodyCountry.set(b, country);
    bodyType.set(b, type);
    const round = Math.floor(ord / (BODY_TYPES.length * countries.length));
    names[b] = type.en.replace('$', names[country]!) + (round ? ` (${stem(b)} office)` : '');
  });

  const since = () =>
    rng.chance(0.5) ? null : isoOf(epochDay(o.startYear - 1 - rng.int(8), rng.int(12), 1));
  const aliasesOf = (i: number, name: string, variants: string[]) => {
    // Hubs always carry every form: they are what searches in tests and benchmarks look for.
    const count = i < o.hubs ? 4 : 1 + rng.int(4);
    for (let k = variants.length - 1; k > 0; k--) {
      const j = rng.int(k + 1);
      [variants[k], variants[j]] = [variants[j]!, variants[k]!];
    }
    return [name, ...variants.filter((v) => v !== name)].slice(0, count);
  };

  for (let i = 0; i < n; i++) {
    const kind = kinds[i]!;
    const id = `${o.idPrefix}-actor-${pad(i, 6)}`;
    const facts: GeneratedFact[] = [];
    let country = -1;
    let name: string;
    let variants: string[];
    let code: string | undefined;
    switch (kind) {
      case 'COUNTRY': {
        name = names[i]!;
        variants = [`Republic of ${name}`, `République de ${accented(name)}`, cyrillic(name)];
        code = countryCode(countryOrdinal.get(i)!);
        if (orgs.length) {
          const memberships = Math.min(
            orgs.length,
            i < o.hubs ? 2 + rng.int(3) : [0, 0, 1, 1, 1, 2, 3][rng.int(7)]!,
          );
          const chosen = new Set<number>();
          while (chosen.size < memberships) chosen.add(orgs[rng.int(orgs.length)]!);
          for (const org of chosen)
            facts.push({
              type: 'MEMBER_OF',
              object: org,
              title: null,
              since: null,
              fromRegister: rng.chance(0.5),
            });
        }
        break;
      }
      case 'GOVERNMENT_BODY': {
        const type = bodyType.get(i)!;
        country = bodyCountry.get(i)!;
        name = names[i]!;
        const cname = names[country]!;
        variants = [
          `${type.acronym} ${cname}`,
          type.fr.replace('$', cname),
          type.ru.replace('$', cyrillic(cname)),
        ];
        facts.push({
          type: 'PART_OF',
          object: country,
          title: null,
          since: null,
          fromRegister: rng.chance(0.5),
        });
        break;
      }
      case 'PERSON': {
        const first = rng.pick(FIRST_NAMES);
        const surname = stem(i) + rng.pick(SURNAME_ENDINGS);
        name = `${first} ${surname}`;
        variants = [surname, `${first[0]}. ${surname}`, cyrillic(name), accented(name)];
        if (bodies.length && rng.chance(0.7)) {
          const body = bodies[rng.int(bodies.length)]!;
          country = bodyCountry.get(body)!;
          const title = rng.pick(bodyType.get(body)!.titles);
          facts.push({
            type: 'HOLDS_POSITION',
            object: body,
            title,
            since: since(),
            fromRegister: rng.chance(0.5),
          });
        }
        break;
      }
      default: {
        const template = rng.pick(ORG_TEMPLATES[kind]!);
        const s = stem(i);
        name = template.en.replace('$', s);
        variants = [
          acronym(name),
          template.fr.replace('$', accented(s)),
          template.ru.replace('$', cyrillic(s)),
        ];
      }
    }
    names[i] = name;
    const actor: ActorInput = { id, kind, name, aliases: aliasesOf(i, name, variants) };
    if (code) actor.countryCode = code;
    table.push({ index: i, actor, country, facts });
  }
  return table;
}

// ---------------------------------------------------------------------------------------------
// Calendar

class Calendar {
  readonly start: number;
  readonly end: number;
  private readonly iso: string[] = [];
  private readonly ymd: Int32Array;

  constructor(startYear: number, years: number) {
    this.start = epochDay(startYear, 0, 1);
    this.end = epochDay(startYear + years, 0, 1) - 1;
    this.ymd = new Int32Array(this.end - this.start + 1);
    for (let day = this.start; day <= this.end; day++) {
      const d = new Date(day * DAY_MS);
      this.iso.push(d.toISOString().slice(0, 10));
      this.ymd[day - this.start] = d.getUTCFullYear() * 512 + d.getUTCMonth() * 32 + d.getUTCDate();
    }
  }

  isoOf(day: number): string {
    return this.iso[day - this.start]!;
  }

  year(day: number): number {
    return this.ymd[day - this.start]! >> 9;
  }

  month(day: number): number {
    return (this.ymd[day - this.start]! >> 5) & 15;
  }

  dayOfMonth(day: number): number {
    return this.ymd[day - this.start]! & 31;
  }

  monthStart(day: number): number {
    return day - this.dayOfMonth(day) + 1;
  }

  monthEnd(day: number): number {
    return epochDay(this.year(day), this.month(day) + 1, 0);
  }
}

// ---------------------------------------------------------------------------------------------
// Bundles

/** One bundle being filled: its parts, and its text growing one sentence at a time. */
class Draft {
  readonly actors: ActorInput[] = [];
  readonly documents: DocumentInput[] = [];
  readonly events: EventInput[] = [];
  readonly links: LinkInput[] = [];
  readonly facts: FactInput[] = [];
  private readonly sentences: string[] = [];
  private length = 0;

  constructor(readonly lang: Lang) {}

  /** Appends a sentence to the text and returns the mention that quotes it. */
  say(sentence: string, confidence: number): MentionInput {
    const start = this.sentences.length ? this.length + 1 : 0;
    this.sentences.push(sentence);
    this.length = start + sentence.length;
    return { quote: sentence, start, end: this.length, confidence };
  }

  bundle(article: Omit<NonNullable<BundleInput['article']>, 'text'>): BundleInput {
    return {
      bundleVersion: 1,
      article: { ...article, text: this.sentences.join(' ') },
      actors: this.actors,
      documents: this.documents,
      events: this.events,
      eventLinks: this.links,
      facts: this.facts,
    };
  }
}

interface Plan {
  articles: number;
  directories: number;
  /** Actors below this index are introduced by events; the rest by directory bundles. */
  introducible: number;
}

function plan(o: Resolved): Plan {
  // An event can bring in up to four new actors; at 1.5 per event the schedule stays reachable.
  const introducible = Math.min(o.actors, Math.floor(1.5 * o.events));
  return {
    articles: Math.ceil(o.events / o.eventsPerArticle),
    directories: Math.ceil((o.actors - introducible) / DIRECTORY_CHUNK),
    introducible,
  };
}

/** How many bundles generateBundles yields for these options (for progress bars). */
export function countBundles(options: GeneratorOptions): number {
  const p = plan(resolve(options));
  return p.articles + p.directories;
}

/**
 * The bundles of a synthetic graph, in the order they must be ingested. Deterministic: the
 * same options give byte-identical bundles (compare with JSON.stringify).
 */
export function generateBundles(options: GeneratorOptions): Generator<BundleInput> {
  // Validated here rather than in the generator body, so bad options throw at the call.
  const o = resolve(options);
  return new Emitter(o, generatorActors(o)).bundles();
}

/** The sequential state of one run: who is defined yet, recent events and documents. */
class Emitter {
  private readonly rng: Rng;
  private readonly plan: Plan;
  private readonly cal: Calendar;
  private readonly zipf: Zipf;
  private readonly codes = new Weighted(CAMEO_WEIGHTS);
  private readonly defined: Uint8Array;
  private introduced = 0;
  private cursor = 0;
  private articleNo = 0;
  private documentNo = 0;
  private readonly pending: { subject: GeneratedActor; fact: GeneratedFact }[] = [];
  // Per-actor and per-event memory for links: typed arrays, a few MB for a million events.
  private readonly eventFirst: Int32Array;
  private readonly lastActed: Int32Array;
  private readonly lastAddressed: Int32Array;
  private readonly recentDocuments: string[] = [];
  /** Introductions per event that bring every introducible actor into an event by mid-run. */
  private readonly rate: number;
  // The event being built; reused, since a closure or array per event is what slows 1M down.
  private readonly queue: number[] = [];
  private readonly chosen: number[] = [];
  private readonly roles: Role[] = [];

  constructor(
    private readonly o: Resolved,
    private readonly table: GeneratedActor[],
  ) {
    this.rng = new Rng(o.seed, 2);
    this.plan = plan(o);
    this.cal = new Calendar(o.startYear, o.years);
    this.zipf = new Zipf(o.actors);
    this.defined = new Uint8Array(o.actors);
    this.eventFirst = new Int32Array(o.events);
    this.lastActed = new Int32Array(o.actors).fill(-1);
    this.lastAddressed = new Int32Array(o.actors).fill(-1);
    this.rate = o.events ? Math.min(3, (2 * this.plan.introducible) / o.events) : 0;
  }

  *bundles(): Generator<BundleInput> {
    for (let d = 0; d < this.plan.directories; d++) yield this.directory(d);
    for (let a = 0; a < this.plan.articles; a++) yield this.article(a);
  }

  private actorId(i: number): string {
    return this.table[i]!.actor.id;
  }

  private nameOf(i: number): string {
    return this.table[i]!.actor.name;
  }

  private eventId(e: number): string {
    return `${this.o.idPrefix}-event-${pad(e, 7)}`;
  }

  private nextArticleId(): string {
    return `${this.o.idPrefix}-article-${pad(this.articleNo++, 6)}`;
  }

  private confidence(): number {
    return Math.round((0.7 + 0.29 * this.rng.next()) * 100) / 100;
  }

  /** Puts an actor in this draft unless it is defined already, with the ends of its facts. */
  private define(i: number, draft: Draft): void {
    if (this.defined[i]) return;
    this.defined[i] = 1;
    if (i < this.plan.introducible) this.introduced++;
    const g = this.table[i]!;
    draft.actors.push(g.actor);
    for (const fact of g.facts) {
      this.define(fact.object, draft);
      this.pending.push({ subject: g, fact });
    }
  }

  /** States the facts of the actors just defined, after the sentence that brought them in. */
  private flushFacts(draft: Draft): void {
    for (const { subject, fact } of this.pending) {
      const f: FactInput = {
        type: fact.type,
        subjectId: subject.actor.id,
        objectId: this.actorId(fact.object),
      };
      if (fact.type === 'HOLDS_POSITION') {
        f.title = fact.title;
        f.since = fact.since;
        f.until = null;
      }
      if (fact.fromRegister) {
        f.source = 'wikidata';
        f.mentions = [];
      } else {
        const sentence = FACT_SENTENCES[fact.type][draft.lang](
          subject.actor.name,
          this.nameOf(fact.object),
          fact.title ?? '',
        );
        f.source = null;
        f.mentions = [draft.say(sentence, this.confidence())];
      }
      draft.facts.push(f);
    }
    this.pending.length = 0;
  }

  private directory(d: number): BundleInput {
    const draft = new Draft('en');
    draft.say(`Directory of actors, part ${d + 1}.`, 1);
    const from = this.plan.introducible + d * DIRECTORY_CHUNK;
    const end = Math.min(this.o.actors, from + DIRECTORY_CHUNK);
    for (let i = from; i < end; i++) {
      this.define(i, draft);
      this.flushFacts(draft);
    }
    const id = this.nextArticleId();
    return draft.bundle({
      id,
      url: `https://registry.example.org/${id}`,
      title: `Actor directory, part ${d + 1}`,
      publisher: 'Parley Synthetic Registry',
      publishedAt: this.cal.isoOf(this.cal.start),
      language: 'en',
    });
  }

  private article(a: number): BundleInput {
    const { o, cal, rng } = this;
    const first = a * o.eventsPerArticle;
    const last = Math.min(o.events, first + o.eventsPerArticle);
    const pub = cal.start + Math.floor(((a + 1) / this.plan.articles) * (cal.end - cal.start));
    const lang = LANGUAGES.draw(rng);
    const draft = new Draft(lang);
    let latest = cal.start;
    for (let e = first; e < last; e++) latest = Math.max(latest, this.event(e, draft, pub));
    if (a === this.plan.articles - 1) {
      // Whoever the introduction schedule did not reach yet (normally nobody) is defined here.
      for (let i = 0; i < o.actors; i++) {
        this.define(i, draft);
        this.flushFacts(draft);
      }
    }
    const participants = draft.events[0]!.participants;
    return draft.bundle({
      id: this.nextArticleId(),
      url: `https://news.example.org/${o.idPrefix}/${pad(a, 6)}`,
      title: TITLES[lang](
        this.nameOf(indexOf(participants[0]!.actorId)),
        this.nameOf(indexOf(participants[1]!.actorId)),
      ),
      publisher: rng.pick(PUBLISHERS[lang]),
      publishedAt: cal.isoOf(Math.max(pub, latest)),
      language: lang,
    });
  }

  private take(i: number, role: Role, draft: Draft): void {
    this.chosen.push(i);
    this.roles.push(role);
    this.define(i, draft);
  }

  /** The next actor not yet in the event: one that must be introduced, else a Zipf draw. */
  private draw(): number {
    const { queue, chosen } = this;
    while (queue.length) {
      const q = queue.shift()!;
      if (!chosen.includes(q)) return q;
    }
    for (;;) {
      const z = this.zipf.draw(this.rng);
      if (!chosen.includes(z)) return z;
    }
  }

  /** Adds event e to the draft and returns the last day of its date. */
  private event(e: number, draft: Draft, pub: number): number {
    const { o, rng, queue, chosen, roles } = this;
    const code = this.codes.draw(rng);
    const root = code.slice(0, 2);
    const status = STATUSES.draw(rng);

    const target = Math.min(this.plan.introducible, Math.ceil((e + 1) * this.rate));
    const wanted = Math.min(4, target - this.introduced);
    queue.length = 0;
    while (this.cursor < this.plan.introducible && this.defined[this.cursor]) this.cursor++;
    for (let c = this.cursor; c < this.plan.introducible && queue.length < wanted; c++)
      if (!this.defined[c]) queue.push(c);
    chosen.length = 0;
    roles.length = 0;

    const verbal = VERBAL_ROOTS.has(root) && rng.chance(0.85);
    const p0 = this.draw();
    this.take(p0, verbal ? 'SPEAKER' : 'ACTOR', draft);

    let link: LinkInput | undefined;
    let p1 = -1;
    const addressed = this.lastAddressed[p0]!;
    const acted = this.lastActed[p0]!;
    if (addressed >= 0 && rng.chance(0.08)) {
      link = { type: 'RESPONDS_TO', from: this.eventId(e), to: this.eventId(addressed) };
      // A reply goes back to whoever started the exchange.
      if (this.eventFirst[addressed] !== p0) p1 = this.eventFirst[addressed]!;
    } else if (acted >= 0 && rng.chance(0.04)) {
      link = { type: 'FOLLOWS_UP', from: this.eventId(e), to: this.eventId(acted) };
    }
    if (p1 < 0) p1 = this.draw();
    const direct = rng.chance(0.8);
    this.take(p1, verbal ? (direct ? 'ADDRESSEE' : 'SUBJECT') : direct ? 'RECIPIENT' : 'PARTICIPANT', draft);

    const drawn = rng.next();
    const size = Math.min(
      o.actors,
      Math.max(drawn < 0.55 ? 2 : drawn < 0.85 ? 3 : 4, Math.min(4, queue.length + 2)),
    );
    const behalf = this.table[p0]!.country;
    if (size > 2 && behalf >= 0 && !chosen.includes(behalf) && rng.chance(0.6))
      this.take(behalf, 'ON_BEHALF_OF', draft);
    while (chosen.length < size) {
      const r = rng.next();
      this.take(this.draw(), root === '04' && r < 0.3 ? 'HOST' : r < 0.65 ? 'PARTICIPANT' : 'SUBJECT', draft);
    }

    const documents: string[] = [];
    if (rng.chance(0.05)) {
      const kind = DOCUMENT_KINDS.draw(rng);
      const id = `${o.idPrefix}-doc-${pad(this.documentNo++, 6)}`;
      draft.documents.push({
        id,
        kind,
        title: DOCUMENT_TITLES[kind](this.nameOf(p0), this.nameOf(p1)),
        authoredBy: [this.actorId(p0)],
        addressedTo: UNADDRESSED.has(kind) ? [] : [this.actorId(p1)],
      });
      documents.push(id);
      this.recentDocuments.push(id);
      if (this.recentDocuments.length > 32) this.recentDocuments.shift();
    } else if (this.recentDocuments.length && rng.chance(0.02)) {
      documents.push(rng.pick(this.recentDocuments));
    }

    const date = eventDate(rng, this.cal, pub, o.startYear, draft.lang);
    const quote = this.sentence(draft.lang, root, date.input.text);
    const mention = draft.say(quote, this.confidence());
    draft.events.push({
      id: this.eventId(e),
      summary: STATUS_PREFIX[status] + (draft.lang === 'en' ? quote : this.sentence('en', root, null)),
      cameoCode: code,
      status,
      date: date.input,
      participants: chosen.map((i, k) => ({ actorId: this.actorId(i), role: roles[k]! })),
      documents,
      mentions: [mention],
    });
    if (link) draft.links.push(link);
    this.flushFacts(draft);

    this.eventFirst[e] = p0;
    this.lastActed[p0] = e;
    this.lastAddressed[p1] = e;
    return date.latestDay;
  }

  /** "A[, on behalf of X,] <verb> B[, alongside C and D][ <date>]." for the event being built. */
  private sentence(lang: Lang, root: string, dateText: string | null | undefined): string {
    const { chosen, roles } = this;
    const p = PHRASES[lang];
    let behalf = '';
    let others = '';
    for (let k = 2; k < chosen.length; k++) {
      const name = this.nameOf(chosen[k]!);
      if (roles[k] === 'ON_BEHALF_OF') behalf = p.behalf.replace('$', name);
      else others = others ? others + p.and + name : name;
    }
    return (
      `${this.nameOf(chosen[0]!)}${behalf} ${VERBS[root]![LANG_INDEX[lang]]} ${this.nameOf(chosen[1]!)}` +
      (others ? p.along.replace('$', others) : '') +
      (dateText ? ` ${dateText}` : '') +
      '.'
    );
  }
}

/** The actor index encoded in a generated actor id. */
function indexOf(actorId: string): number {
  return Number(actorId.slice(actorId.lastIndexOf('-') + 1));
}

/**
 * A date as an article `pub` would report it: ~80% a day, ~15% a month (some narrowed to its
 * early, middle or late part), ~5% a past year. It never ends after `pub`.
 */
function eventDate(
  rng: Rng,
  cal: Calendar,
  pub: number,
  startYear: number,
  lang: Lang,
): { input: DateInput; latestDay: number } {
  const lag = Math.floor(60 * rng.next() ** 2);
  const day = Math.max(cal.start, pub - lag);
  const withText = rng.chance(0.7);
  const r = rng.next();

  if (r >= 0.95) {
    const y = cal.year(pub) - 1 - (rng.chance(0.3) ? 1 : 0);
    const year = y < startYear ? cal.year(pub) - 1 : y;
    if (year >= startYear) {
      const earliest = epochDay(year, 0, 1);
      const latestDay = epochDay(year, 11, 31);
      return {
        input: {
          earliest: cal.isoOf(earliest),
          latest: cal.isoOf(latestDay),
          precision: 'YEAR',
          qualifier: null,
          text: withText ? yearPhrase(lang, year) : null,
        },
        latestDay,
      };
    }
  } else if (r >= 0.8) {
    const q = rng.next();
    const qualifier: Qualifier | null = q < 0.4 ? null : q < 0.6 ? 'EARLY' : q < 0.8 ? 'MID' : 'LATE';
    let [earliest, latestDay] = monthRange(cal, day, qualifier);
    // A month not over when the article appeared reads as the previous month.
    const previous = cal.monthStart(day) - 1;
    if (latestDay > pub && previous >= cal.start)
      [earliest, latestDay] = monthRange(cal, previous, qualifier);
    if (latestDay <= pub) {
      return {
        input: {
          earliest: cal.isoOf(earliest),
          latest: cal.isoOf(latestDay),
          precision: 'MONTH',
          qualifier,
          text: withText ? monthPhrase(lang, cal.year(earliest), cal.month(earliest), qualifier) : null,
        },
        latestDay,
      };
    }
  }
  const iso = cal.isoOf(day);
  const ph = PHRASES[lang];
  const text = !withText
    ? null
    : pub - day === 0
      ? ph.today
      : pub - day === 1
        ? ph.yesterday
        : dayPhrase(lang, cal.year(day), cal.month(day), cal.dayOfMonth(day));
  return { input: { earliest: iso, latest: iso, precision: 'DAY', qualifier: null, text }, latestDay: day };
}

/** The days of day's month that a qualifier leaves: EARLY 1–10, MID 11–20, LATE 21–end. */
function monthRange(cal: Calendar, day: number, qualifier: Qualifier | null): [number, number] {
  const ms = cal.monthStart(day);
  if (qualifier === 'EARLY') return [ms, ms + 9];
  if (qualifier === 'MID') return [ms + 10, ms + 19];
  return [qualifier === 'LATE' ? ms + 20 : ms, cal.monthEnd(day)];
}
