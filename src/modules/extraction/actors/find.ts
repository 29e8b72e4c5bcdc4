import { type LexiconSet, memoizeLexicon } from '../lexicons.ts';
import { fold } from '../text/fold.ts';
import { type CompiledPattern, matchAt } from '../text/patterns.ts';
import { type Token, tokenize } from '../text/tokens.ts';
import type {
  ActorMention,
  DraftActor,
  DraftFact,
  DraftWarning,
  Evidence,
  Language,
  Sentence,
} from '../types.ts';
import { resolveAnaphora } from './anaphora.ts';
import {
  type ActorInfo,
  bodyActor,
  type CountryInfo,
  type Gazetteer,
  type GazetteerEntry,
} from './gazetteer.ts';
import {
  type GrammaticalCase,
  type InflectionSet,
  type LemmaCandidate,
  lemmaCandidates,
  tableFor,
} from './inflection.ts';
import { type ActorLexicons, actorLexicons, BODY_TYPES, type BodyType, type TitleEntry } from './lexicon.ts';
import { type CyrillicConvention, englishRomanisation, nameSkeleton, slugify } from './translit.ts';

/** States whose people's names the press transcribes from Cyrillic, and by which convention. */
const CYRILLIC_STATES: Record<string, CyrillicConvention> = {
  RU: 'RU',
  BY: 'RU',
  KZ: 'RU',
  KG: 'RU',
  TJ: 'RU',
  UA: 'UK',
};

export interface ActorFindings {
  actors: DraftActor[];
  facts: DraftFact[];
  warnings: DraftWarning[];
}

/** A mention while the passes run: token range plus what the mention will say. */
interface Raw {
  first: number;
  last: number;
  actorId: string;
  via: ActorMention['via'];
  confidence: number;
  evidence: Evidence[];
  warnings: DraftWarning[];
  grammaticalCase: GrammaticalCase | null;
  inflected: boolean;
  metonym: boolean;
  ifNamed: Record<string, string> | null;
  /** An organisation only implied by a title: its words are not a name of it. */
  implied?: boolean;
  /** A body whose state the pattern assumes (`MSZ`: Poland's) instead of the text naming it. */
  defaultCountry?: boolean;
}

const ORG_KINDS = new Set(['GOVERNMENT_BODY', 'IGO', 'ALLIANCE']);
/** Between the tokens of one name: spaces, hyphens, apostrophes, quotes; never a comma or a full stop. */
const JOIN = /^[\s'’ʼ\-‐‑«»„“”"]*$/u;
/** Between the words of a person's name. */
const NAME_JOIN = /^[ \u00a0\-‐‑]$/u;
/**
 * The entries whose pattern can start at a token with this folded form. Most tokens start
 * none; testing each title's first step once per distinct word keeps the passes to lookups.
 * The cache is per entry list and bounded, so a long-running server does not grow it forever.
 */
const FIRST_CACHE_LIMIT = 50_000;

/**
 * discourse.json `placeNouns` ("capitale", "border", "территори*"): a demonym beside one names
 * a place ("la capitale autrichienne", "the Polish border"), not its state as an actor. A
 * trailing `*` makes the word a stem.
 */
const placeNounsOf = memoizeLexicon((set: LexiconSet) => {
  const out = new Map<string, { exact: Set<string>; stems: string[] }>();
  for (const [lang, files] of Object.entries(set.byLanguage)) {
    const raw = (files?.discourse as { placeNouns?: unknown } | undefined)?.placeNouns;
    const words = Array.isArray(raw) ? raw.filter((w): w is string => typeof w === 'string') : [];
    out.set(lang, {
      exact: new Set(words.filter((w) => !w.endsWith('*')).map(fold)),
      stems: words.filter((w) => w.endsWith('*')).map((w) => fold(w.slice(0, -1))),
    });
  }
  return out;
});
const firstCaches = new WeakMap<object, Map<string, unknown[]>>();
function startingWith<T>(list: T[], patternOf: (entry: T) => CompiledPattern | null, folded: string): T[] {
  let cache = firstCaches.get(list) as Map<string, T[]> | undefined;
  if (!cache) {
    cache = new Map();
    firstCaches.set(list, cache);
  }
  let hit = cache.get(folded);
  if (!hit) {
    hit = list.filter((e) => {
      const p = patternOf(e);
      return p !== null && p.steps[0]!.test(folded);
    });
    if (cache.size >= FIRST_CACHE_LIMIT) cache.clear();
    cache.set(folded, hit);
  }
  return hit;
}

/** Lemma candidates per inflection set and word: the passes ask for the same words many times. */
const LEMMA_CACHE_LIMIT = 50_000;
const lemmaCaches = new WeakMap<InflectionSet, Map<string, LemmaCandidate[]>>();
function cachedLemmas(word: string, set: InflectionSet): LemmaCandidate[] {
  let cache = lemmaCaches.get(set);
  if (!cache) {
    cache = new Map();
    lemmaCaches.set(set, cache);
  }
  let hit = cache.get(word);
  if (!hit) {
    hit = lemmaCandidates(word, set, 'person');
    if (cache.size >= LEMMA_CACHE_LIMIT) cache.clear();
    cache.set(word, hit);
  }
  return hit;
}

const CONFIDENCE = { side: 0.85, fuzzy: 0.8, title: 0.85, inferred: 0.65, surname: 0.75, firstName: 0.55 };

class Finder {
  readonly tokens: Token[];
  readonly sentenceOf: number[];
  readonly sentenceEnd: number[];
  /** Raw mention index covering each token, or -1. */
  readonly cover: number[];
  readonly raws: (Raw | null)[] = [];
  readonly local = new Map<string, ActorInfo>();
  readonly facts: DraftFact[] = [];
  readonly warnings: DraftWarning[] = [];
  readonly lex: ActorLexicons['byLanguage'][Language];
  readonly inflection: InflectionSet | null;
  readonly placeNouns: { exact: Set<string>; stems: string[] } | undefined;

  constructor(
    readonly text: string,
    sentences: Sentence[],
    readonly language: Language,
    readonly gaz: Gazetteer,
    lexicons: LexiconSet,
  ) {
    this.lex = actorLexicons(lexicons).byLanguage[language];
    this.inflection = this.lex.inflection;
    this.placeNouns = placeNounsOf(lexicons).get(language);
    this.tokens = tokenize(text);
    const ordered = sentences.length
      ? [...sentences].sort((a, b) => a.start - b.start)
      : [{ start: 0, end: text.length, quote: text, index: 0 }];
    this.sentenceOf = [];
    let s = 0;
    for (const t of this.tokens) {
      while (s + 1 < ordered.length && ordered[s + 1]!.start <= t.start) s++;
      this.sentenceOf.push(ordered[s]!.index);
    }
    // The last token of each token's sentence, so that no match crosses a sentence end.
    this.sentenceEnd = new Array(this.tokens.length);
    for (let i = this.tokens.length - 1; i >= 0; i--)
      this.sentenceEnd[i] =
        i + 1 < this.tokens.length && this.sentenceOf[i + 1] === this.sentenceOf[i]
          ? this.sentenceEnd[i + 1]!
          : i;
    this.cover = new Array(this.tokens.length).fill(-1);
  }

  info(id: string): ActorInfo | undefined {
    return this.local.get(id) ?? this.gaz.actors.get(id);
  }

  joined(a: number, b: number, join = JOIN): boolean {
    return join.test(this.text.slice(this.tokens[a]!.end, this.tokens[b]!.start));
  }

  free(first: number, last: number): boolean {
    for (let i = first; i <= last; i++) if (this.cover[i] !== -1) return false;
    return true;
  }

  push(raw: Raw): number {
    const k = this.raws.length;
    this.raws.push(raw);
    for (let i = raw.first; i <= raw.last; i++) this.cover[i] = k;
    return k;
  }

  drop(k: number): void {
    const raw = this.raws[k];
    if (!raw) return;
    for (let i = raw.first; i <= raw.last; i++) if (this.cover[i] === k) this.cover[i] = -1;
    this.raws[k] = null;
  }

  rawAt(i: number): Raw | null {
    const k = this.cover[i] ?? -1;
    return k >= 0 ? this.raws[k]! : null;
  }

  // --- 1. the gazetteer: longest match on token boundaries -------------------------------

  entryMatches(e: GazetteerEntry, i: number): boolean {
    const end = i + e.tokens.length - 1;
    if (end > this.sentenceEnd[i]!) return false;
    for (let j = 0; j < e.tokens.length; j++) {
      const want = e.tokens[j]!;
      const tok = this.tokens[i + j]!;
      if (want.exact ? tok.text !== want.value : tok.folded !== want.value) return false;
      if (want.cap && !tok.capitalised) return false;
      if (j > 0 && !this.joined(i + j - 1, i + j) && !this.initialism(i + j - 1, i + j)) return false;
    }
    return true;
  }

  /** "U.S.", "U.K.": single letters joined by full stops are one name, whatever JOIN says. */
  initialism(a: number, b: number): boolean {
    const x = this.tokens[a]!;
    const y = this.tokens[b]!;
    return x.text.length === 1 && y.text.length === 1 && this.text.slice(x.end, y.start) === '.';
  }

  gazetteerPass(): void {
    const indexes = [this.gaz.languages[this.language], this.gaz.shared];
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      const next = i < this.sentenceEnd[i]! ? this.tokens[i + 1]! : null;
      const firsts = [t.folded, `=${t.text}`];
      const seconds = next ? [next.folded, `=${next.text}`] : [];
      let best: GazetteerEntry | undefined;
      const consider = (list: GazetteerEntry[] | undefined) => {
        for (const e of list ?? []) {
          if (
            best &&
            (e.tokens.length < best.tokens.length ||
              (e.tokens.length === best.tokens.length && e.priority <= best.priority))
          )
            continue;
          if (this.entryMatches(e, i)) best = e;
        }
      };
      // The language's index first: on a tie it shadows the shared graph form it copied.
      for (const index of indexes)
        for (const a of firsts) for (const b of seconds) consider(index.two.get(`${a} ${b}`));
      if (!best) for (const index of indexes) for (const a of firsts) consider(index.one.get(a));
      if (!best) continue;
      const last = i + best.tokens.length - 1;
      const warnings = best.ambiguous.length
        ? [
            {
              code: 'ACTOR_AMBIGUOUS',
              message: `"${this.quote(i, last)}" also names ${best.ambiguous.join(', ')}.`,
            },
          ]
        : [];
      this.push({
        first: i,
        last,
        actorId: best.actorId,
        via: best.via,
        confidence: best.confidence,
        evidence: best.evidence,
        warnings,
        grammaticalCase: best.grammaticalCase,
        inflected: best.inflected,
        metonym: best.metonym,
        ifNamed: best.ifNamed,
      });
      i = last;
    }
  }

  /** The same key as `formKey` (gazetteer.ts) of the quote, from the tokens already folded. */
  foldedKey(first: number, last: number): string {
    let key = this.tokens[first]!.folded;
    for (let i = first + 1; i <= last; i++) key += ` ${this.tokens[i]!.folded}`;
    return key;
  }

  quote(first: number, last: number): string {
    return this.text.slice(this.tokens[first]!.start, this.tokens[last]!.end);
  }

  /** A capital or a seat after a place preposition is where something happens, not who acts. */
  dropPlaces(): void {
    this.raws.forEach((raw, k) => {
      if (!raw) return;
      if (!raw.metonym) {
        if (this.isPlaceCountry(raw)) this.drop(k);
        return;
      }
      if (raw.first === 0) return;
      let prev = raw.first - 1;
      let after = raw.first;
      // "à l'Élysée", "à la Maison-Blanche": the article between is no reason to read an actor.
      if (
        prev > 0 &&
        this.lex.titles.determiners.has(this.tokens[prev]!.folded) &&
        /^[\s'’]+$/.test(this.gap(prev, raw.first))
      ) {
        after = prev;
        prev--;
      }
      if (this.sentenceOf[prev] !== this.sentenceOf[raw.first] || !/^\s+$/.test(this.gap(prev, after)))
        return;
      if (this.lex.actors.placePrepositions.has(this.tokens[prev]!.folded) && !this.agentAfter(raw))
        this.drop(k);
    });
  }

  /**
   * A country named as a place, not an actor: "in Toledo, Spain" (the country of a city a
   * place preposition governs), "Ukraine-Konflikt", "Russia-Ukraine war" (the first part of a
   * hyphenated compound), "la capitale autrichienne", "the Polish border" (a demonym beside a
   * place noun).
   */
  isPlaceCountry(raw: Raw): boolean {
    if (this.info(raw.actorId)?.kind !== 'COUNTRY') return false;
    const end = this.sentenceEnd[raw.first]!;
    const next = raw.last + 1;
    const tok = (i: number) => this.tokens[i]!;
    const same = (i: number) => i >= 0 && i <= end && this.sentenceOf[i] === this.sentenceOf[raw.first];
    if (raw.via === 'DEMONYM') {
      const nouns = this.placeNouns;
      const isPlace = (i: number) =>
        same(i) &&
        !!nouns &&
        (nouns.exact.has(tok(i).folded) || nouns.stems.some((x) => tok(i).folded.startsWith(x)));
      return (
        (isPlace(raw.first - 1) && /^\s+$/.test(this.gap(raw.first - 1, raw.first))) ||
        (isPlace(next) && /^\s+$/.test(this.gap(raw.last, next)))
      );
    }
    // Unless a name follows the compound: "US-Lehrer Daniel Harlan" says whose the person is.
    if (same(next) && /^[-‐‑]$/.test(this.gap(raw.last, next)) && /^\p{L}/u.test(tok(next).text)) {
      const after = next + 1;
      const named = same(after) && /^\s+$/.test(this.gap(next, after)) && /^\p{Lu}/u.test(tok(after).text);
      return !named;
    }
    // "in Toledo, Spain": a capitalised name after a place preposition, a comma, the country.
    const city = raw.first - 1;
    if (!same(city - 1) || !/^\s*,\s*$/.test(this.gap(city, raw.first)) || this.cover[city] !== -1)
      return false;
    const name = tok(city);
    return (
      name.text.charAt(0) !== name.text.charAt(0).toLowerCase() &&
      this.lex.actors.placePrepositions.has(tok(city - 1).folded)
    );
  }

  /**
   * A country the article names only as where things happen ("the situation in Moldova",
   * "talks à Luxembourg", "в Сирии", "w Mołdawii") is no actor of it (docs/extraction.md,
   * gold files: "a country named only as a place is not one"). One mention that is not a place
   * (a subject, an object, a demonym, a title's state, "the country" repeating it), or a fact
   * naming it, keeps every mention; so does a verb of saying right after the place
   * (`в России заявили`). Runs last, once every mention is known.
   */
  dropPlaceOnlyCountries(): void {
    const byActor = new Map<string, number[]>();
    this.raws.forEach((raw, k) => {
      if (!raw) return;
      const list = byActor.get(raw.actorId);
      if (list) list.push(k);
      else byActor.set(raw.actorId, [k]);
    });
    const inFacts = new Set(this.facts.flatMap((f) => [f.subjectId, f.objectId]));
    for (const [id, ks] of byActor) {
      if (this.info(id)?.kind !== 'COUNTRY' || inFacts.has(id)) continue;
      if (!ks.every((k) => this.isLocative(this.raws[k]!))) continue;
      for (const k of ks) this.drop(k);
    }
  }

  isLocative(raw: Raw): boolean {
    if (raw.via !== 'NAME' && raw.via !== 'ALIAS') return false;
    const { locativePrepositions, bareLocativePrepositions, locativeCases } = this.lex.actors;
    const same = (i: number) => i >= 0 && this.sentenceOf[i] === this.sentenceOf[raw.first];
    let prev = raw.first - 1;
    let bare = true;
    if (
      same(prev - 1) &&
      this.lex.titles.determiners.has(this.tokens[prev]!.folded) &&
      /^[\s'’]+$/.test(this.gap(prev, raw.first))
    ) {
      prev--;
      bare = false;
    }
    if (!same(prev) || !/^[\s'’]+$/.test(this.gap(prev, bare ? raw.first : prev + 1))) return false;
    const word = this.tokens[prev]!.folded;
    if (!locativePrepositions.has(word) && !(bare && bareLocativePrepositions.has(word))) return false;
    if (locativeCases) {
      if (!raw.inflected) return false;
      if (raw.grammaticalCase && !locativeCases.includes(raw.grammaticalCase)) return false;
    }
    return !this.agentAfter(raw);
  }

  /** `в Кремле заявили`, `в Госдепартаменте США назвали`: a verb of saying makes the seat its speaker. */
  agentAfter(raw: Raw): boolean {
    const verbs = this.lex.actors.agentVerbsAfterPlace;
    if (verbs.length === 0) return false;
    const end = this.sentenceEnd[raw.first]!;
    let j = raw.last + 1;
    const next = j <= end ? this.rawAt(j) : null;
    if (next && next.first === j && this.isCountryRaw(next)) j = next.last + 1;
    if (j > end) return false;
    return verbs.some((p) => matchAt(p, this.tokens, j, end + 1) !== undefined);
  }

  gap(a: number, b: number): string {
    return this.text.slice(this.tokens[a]!.end, this.tokens[b]!.start);
  }

  // --- 2. government bodies by pattern: `ministère russe des Affaires étrangères`, `MSZ Rosji` --

  isCountryRaw(raw: Raw | null): raw is Raw {
    return !!raw && !raw.metonym && this.info(raw.actorId)?.kind === 'COUNTRY';
  }

  bodyPass(): void {
    for (let i = 0; i < this.tokens.length; i++) {
      const limit = this.sentenceEnd[i]! + 1;
      let best:
        | {
            last: number;
            country: CountryInfo;
            slot: Raw | null;
            id: string;
            body: BodyType;
            conf: number;
            metonym: boolean;
            defaultCountry: boolean;
          }
        | undefined;
      const bodies = this.lex.actors.bodies;
      const here = this.rawAt(i);
      const candidates = startingWith(bodies, (b) => b.before, this.tokens[i]!.folded);
      const slotFirst = here && here.first === i ? this.lex.actors.slotFirstBodies : [];
      for (const p of candidates.length || slotFirst.length ? [...candidates, ...slotFirst] : []) {
        let j = i;
        if (p.before) {
          const m = matchAt(p.before, this.tokens, i, limit);
          if (!m) continue;
          j = m.last + 1;
        }
        let last = j - 1;
        let country: CountryInfo | undefined;
        let slot: Raw | null = null;
        // `ministère des Affaires étrangères de la Russie`: an article may stand before the slot.
        if (
          p.slot &&
          p.before &&
          j < limit &&
          this.lex.titles.determiners.has(this.tokens[j]!.folded) &&
          !this.rawAt(j)
        )
          j++;
        if (p.slot) {
          const raw = j < limit ? this.rawAt(j) : null;
          if (!this.isCountryRaw(raw) || raw.first !== j) continue;
          country = this.gaz.countriesById.get(raw.actorId);
          slot = raw;
          last = raw.last;
          if (p.after) {
            const m = matchAt(p.after, this.tokens, last + 1, limit);
            if (!m) continue;
            last = m.last;
          }
        } else {
          country = this.gaz.countriesByCode2.get(p.country!);
        }
        if (!country || last < i) continue;
        if (!best || last > best.last)
          best = {
            last,
            country,
            slot,
            id: p.id,
            body: p.body,
            conf: p.confidence,
            metonym: p.metonym,
            defaultCountry: !p.slot,
          };
      }
      if (!best) continue;
      // A longer or equal gazetteer match (the graph's own alias) already says it.
      const inside = new Set<number>();
      let blocked = false;
      for (let t = i; t <= best.last; t++) {
        const k = this.cover[t]!;
        if (k < 0) continue;
        const raw = this.raws[k]!;
        if (raw.first < i || raw.last > best.last || (raw.first === i && raw.last === best.last))
          blocked = true;
        inside.add(k);
      }
      if (blocked) continue;
      for (const k of inside) this.drop(k);
      const actor = bodyActor(this.gaz, best.country, best.body);
      if (!this.info(actor.id)) this.local.set(actor.id, actor);
      const evidence = [{ rule: 'actor.body.pattern', entry: `${this.language}/actors#${best.id}` }];
      this.push({
        first: i,
        last: best.last,
        actorId: actor.id,
        via: best.metonym ? 'METONYM' : 'PATTERN',
        confidence: best.metonym ? 0.7 : best.conf,
        evidence,
        warnings: [],
        grammaticalCase: null,
        inflected: false,
        metonym: best.metonym,
        ifNamed: null,
        defaultCountry: best.defaultCountry,
      });
      this.partOf(actor.id, best.country, i, best.last, evidence);
      i = best.last;
    }
  }

  readonly partOfDone = new Set<string>();
  partOf(
    bodyId: string,
    country: CountryInfo,
    first: number,
    last: number,
    evidence: Evidence[],
    confidence = 0.8,
  ): void {
    if (this.partOfDone.has(bodyId)) return;
    this.partOfDone.add(bodyId);
    this.facts.push({
      type: 'PART_OF',
      subjectId: bodyId,
      objectId: country.id,
      title: null,
      mention: this.span(first, last),
      sentence: this.sentenceOf[first]!,
      confidence,
      evidence,
      warnings: [],
    });
  }

  span(first: number, last: number): { start: number; end: number; quote: string } {
    const start = this.tokens[first]!.start;
    const end = this.tokens[last]!.end;
    return { start, end, quote: this.text.slice(start, end) };
  }

  // --- 3. `la partie russe`, `the Russian side`, `российская сторона`: the country itself ------

  matchesOne(patterns: CompiledPattern[], i: number): boolean {
    return patterns.some((p) => matchAt(p, this.tokens, i, i + 1) !== undefined);
  }

  sidePass(): void {
    const { demonyms } = this.lex;
    this.raws.forEach((raw, k) => {
      if (raw?.via !== 'DEMONYM') return;
      // A group's adjective takes its own nouns: `partenaires occidentaux`, `Western nations`.
      const group = this.info(raw.actorId)?.kind !== 'COUNTRY';
      const sideBefore = group ? demonyms.groupBefore : demonyms.sideBefore;
      const sideAfter = group ? demonyms.groupAfter : demonyms.sideAfter;
      const prev = raw.first - 1;
      const next = raw.last + 1;
      let first = raw.first;
      let last = raw.last;
      if (
        prev >= 0 &&
        this.sentenceOf[prev] === this.sentenceOf[raw.first] &&
        this.cover[prev] === -1 &&
        this.matchesOne(sideBefore, prev) &&
        this.joined(prev, raw.first)
      )
        first = prev;
      else if (
        next <= this.sentenceEnd[raw.first]! &&
        this.cover[next] === -1 &&
        this.matchesOne(sideAfter, next) &&
        this.joined(raw.last, next)
      )
        last = next;
      else {
        // `zachodnich obwodów Ukrainy`, `l'Ukraine occidentale`: a direction, not the group.
        if (group && this.countryNear(raw)) this.drop(k);
        return;
      }
      this.drop(k);
      this.push({
        ...raw,
        first,
        last,
        confidence: CONFIDENCE.side,
        evidence: [
          ...raw.evidence,
          group
            ? { rule: 'actor.demonym.group', entry: `${this.language}/demonyms#groupNouns` }
            : { rule: 'actor.demonym.side', entry: `${this.language}/demonyms#sideNouns` },
        ],
      });
    });
  }

  /** A country mention right before the mention, or within the two tokens after it. */
  countryNear(raw: Raw): boolean {
    const prev = raw.first - 1;
    if (
      prev >= 0 &&
      this.sentenceOf[prev] === this.sentenceOf[raw.first] &&
      this.isCountryRaw(this.rawAt(prev))
    )
      return true;
    for (let j = raw.last + 1; j <= Math.min(raw.last + 2, this.sentenceEnd[raw.first]!); j++)
      if (this.isCountryRaw(this.rawAt(j))) return true;
    return false;
  }

  /**
   * `Александром Новаком` when the register knows `Каталин Новак`: a person's surname alone
   * right after another first name is someone else of that surname. The link is dropped; the
   * spelling pass relinks it when the initial agrees, the first-name pass reads a new person.
   */
  dropSurnamesAfterOtherFirstNames(): void {
    const names = this.gaz.firstNames[this.language];
    if (names.size === 0) return;
    this.raws.forEach((raw, k) => {
      if (raw?.via !== 'ALIAS' || raw.first !== raw.last || raw.first === 0) return;
      if (this.info(raw.actorId)?.kind !== 'PERSON') return;
      const prev = raw.first - 1;
      if (this.cover[prev] !== -1 || this.sentenceOf[prev] !== this.sentenceOf[raw.first]) return;
      if (this.gap(prev, raw.first) !== ' ' || !this.isNameWord(prev)) return;
      if (!this.lemmas(this.tokens[prev]!.text).some((c) => names.has(fold(c.lemma)))) return;
      this.drop(k);
    });
  }

  // --- 4. people the graph knows under another spelling: `Siergiej Ławrow`, `Sergej Lawrow` ----

  /** Runs of 2–3 capitalised, uncovered tokens joined as one name, from `i`. */
  nameRunAt(i: number, maxWords = 3): number | null {
    if (i >= this.tokens.length || this.cover[i] !== -1 || !this.isNameWord(i)) return null;
    let last = i;
    let words = 1;
    while (
      last + 1 <= this.sentenceEnd[i]! &&
      this.cover[last + 1] === -1 &&
      (this.isNameWord(last + 1) || this.syllableAfterHyphen(last, last + 1))
    ) {
      const sep = this.gap(last, last + 1);
      if (!NAME_JOIN.test(sep)) break;
      if (sep !== '-' && sep !== '‐' && sep !== '‑') {
        if (words === maxWords) break;
        words++;
      }
      last++;
    }
    return words >= 2 ? last : null;
  }

  /**
   * The second syllable of a Korean given name (`Kim Hong-kyun`, `Kim Jong-un`): lower case
   * after a hyphen, inside a name that already has a word before the hyphenated one.
   */
  syllableAfterHyphen(prev: number, i: number): boolean {
    const t = this.tokens[i]!;
    return (
      prev > 0 &&
      this.isNameWord(prev) &&
      /^[-‐‑]$/u.test(this.gap(prev, i)) &&
      /^\p{Ll}{1,4}$/u.test(t.text) &&
      this.sentenceOf[prev - 1] === this.sentenceOf[prev] &&
      NAME_JOIN.test(this.gap(prev - 1, prev)) &&
      this.gap(prev - 1, prev) !== '-' &&
      this.isNameWord(prev - 1)
    );
  }

  isNameWord(i: number): boolean {
    const t = this.tokens[i]!;
    // Months, weekdays, `Mitte`, `Anfang` follow names (`Steinmeier Mitte April`) and are no part of them.
    return (
      t.capitalised &&
      /\p{Ll}/u.test(t.text) &&
      !/\p{N}/u.test(t.text) &&
      !this.gaz.nameStops[this.language].has(t.folded)
    );
  }

  lemmas(word: string): LemmaCandidate[] {
    return this.inflection
      ? cachedLemmas(word, this.inflection)
      : [{ lemma: word, grammaticalCase: null, cases: [] }];
  }

  /**
   * A new person's name in the nominative when its words show the case (`Siergiejem Ławrowem`
   * → `Siergiej Ławrow`). A first name known once declined back gives the case, and the other
   * words are declined back in it. A known first name that does not decline (`Энтони`,
   * `Джо`) leaves the case to the surname: a man's (the first name does not end in -a/-я)
   * surname loses its oblique ending (`Блинкена` → `Блинкен`). Among the readings of a word,
   * one that is a known surname wins.
   */
  nominative(
    first: number,
    last: number,
  ): { name: string; inflected: boolean; grammaticalCase: GrammaticalCase | null } {
    const name = this.quote(first, last);
    const unchanged = { name, inflected: false, grammaticalCase: null };
    const names = this.gaz.firstNames[this.language];
    const head = this.tokens[first]!;
    if (!this.inflection) return unchanged;
    let declined: LemmaCandidate | undefined;
    if (names.has(head.folded)) {
      // A first name as written that declines is in the nominative, and so is the name.
      if (tableFor(head.text, this.inflection, 'person')) return unchanged;
      if (/[aая]$/iu.test(head.text)) return unchanged;
    } else {
      declined = this.lemmas(head.text).find((c) => c.cases.length > 0 && names.has(fold(c.lemma)));
      // Polish `-ę` is only ever the accusative of a feminine `-a` (`Virginiję` → `Virginija`),
      // so a first name the lexicon does not know declines back too.
      if (!declined && this.language === 'pl' && /ę$/u.test(head.text))
        declined = this.lemmas(head.text).find((c) => c.cases.includes('ACC') && /a$/u.test(c.lemma));
      if (!declined) return unchanged;
    }
    const known = (lemma: string) => this.gaz.persons.bySurname.has(nameSkeleton(lemma));
    let out = '';
    let cases: GrammaticalCase[] | null = declined ? declined.cases : null;
    let changed = !!declined;
    for (let i = first; i <= last; i++) {
      const t = this.tokens[i]!;
      if (i > first) out += this.gap(i - 1, i);
      if (i === first) {
        out += declined?.lemma ?? t.text;
        continue;
      }
      const readings = this.lemmas(t.text).filter(
        (x) =>
          x.lemma !== t.text && x.cases.length > 0 && (!cases || x.cases.some((k) => cases!.includes(k))),
      );
      // Without a case from the first name, only a man's consonant-stem surname is read back.
      const usable = declined
        ? readings
        : readings.filter((x) => !x.cases.includes('NOM') && !/[aаяоеиуы]$/iu.test(x.lemma));
      const c = usable.find((x) => known(x.lemma)) ?? usable[0];
      if (!c) {
        out += t.text;
        continue;
      }
      out += c.lemma;
      changed = true;
      cases = cases ? cases.filter((k) => c.cases.includes(k)) : c.cases;
    }
    if (!changed) return unchanged;
    return { name: out, inflected: true, grammaticalCase: cases?.length === 1 ? cases[0]! : null };
  }

  fuzzyPersonPass(): void {
    const { byKey } = this.gaz.persons;
    if (byKey.size === 0) return;
    for (let i = 0; i < this.tokens.length; i++) {
      const last = this.nameRunAt(i);
      if (last === null) continue;
      const initial = nameSkeleton(this.tokens[i]!.text)[0] ?? '';
      let found: { id: string; grammaticalCase: GrammaticalCase | null; inflected: boolean } | undefined;
      for (const c of this.lemmas(this.tokens[last]!.text)) {
        const ids = byKey.get(`${nameSkeleton(c.lemma)}|${initial}`);
        if (ids?.length === 1) {
          found = {
            id: ids[0]!,
            grammaticalCase: c.grammaticalCase,
            inflected: c.lemma !== this.tokens[last]!.text,
          };
          break;
        }
      }
      if (!found) continue;
      this.push({
        first: i,
        last,
        actorId: found.id,
        via: 'NAME',
        confidence: CONFIDENCE.fuzzy,
        evidence: [{ rule: 'actor.person.transliteration', entry: `graph:${found.id}` }],
        warnings: [],
        grammaticalCase: found.grammaticalCase,
        inflected: found.inflected,
        metonym: false,
        ifNamed: null,
      });
      i = last;
    }
  }

  // --- 5. titles: `le vice-ministre des Affaires étrangères de la République, Sergei Aleinik` --

  titlePass(): void {
    const titles = this.lex.titles.titles;
    for (let i = 0; i < this.tokens.length; i++) {
      const limit = this.sentenceEnd[i]! + 1;
      let best: { entry: TitleEntry; last: number } | undefined;
      for (const entry of startingWith(titles, (t) => t.pattern, this.tokens[i]!.folded)) {
        const m = matchAt(entry.pattern, this.tokens, i, limit);
        if (m && (!best || m.last > best.last)) best = { entry, last: m.last };
      }
      if (!best) continue;
      this.title(best.entry, i, best.last);
      i = best.last;
    }
  }

  /** Mentions (by index) that touch [first, last]: inside it, or reached over connectors. */
  neighbours(first: number, last: number): { before: Raw[]; inside: Raw[]; after: Raw[]; afterEnd: number } {
    const { connectors, complementWords, determiners } = this.lex.titles;
    const inside: Raw[] = [];
    for (let t = first; t <= last; t++) {
      const raw = this.rawAt(t);
      if (raw && !inside.includes(raw)) inside.push(raw);
    }
    const before: Raw[] = [];
    let b = first - 1;
    while (b >= 0 && this.sentenceOf[b] === this.sentenceOf[first] && determiners.has(this.tokens[b]!.folded))
      b--;
    const prevRaw = b >= 0 && this.sentenceOf[b] === this.sentenceOf[first] ? this.rawAt(b) : null;
    if (prevRaw && !inside.includes(prevRaw) && /^[\s'’-]*$/.test(this.gap(prevRaw.last, first)))
      before.push(prevRaw);
    const after: Raw[] = [];
    let a = last + 1;
    const end = this.sentenceEnd[first]!;
    let afterEnd = last;
    let steps = 0;
    while (a <= end && steps < 6) {
      const raw = this.rawAt(a);
      if (raw && inside.includes(raw)) {
        a = raw.last + 1;
        afterEnd = raw.last;
        continue;
      }
      if (raw && raw.via !== 'TITLE_AND_NAME' && this.info(raw.actorId)?.kind !== 'PERSON') {
        if (!/^[\s'’-]*$/.test(this.gap(a - 1, a))) break;
        after.push(raw);
        afterEnd = raw.last;
        a = raw.last + 1;
        steps++;
        continue;
      }
      const f = this.tokens[a]!.folded;
      // `l'ambassadeur de Russie en Norvège, Nikolaï Kortchounov`: where the post is held is
      // passed over on the way to the name; it says nothing of whose post it is.
      const place = !raw && a + 1 <= end && after.length > 0 ? this.rawAt(a + 1) : null;
      if (
        place &&
        place.first === a + 1 &&
        (this.lex.actors.placePrepositions.has(f) || this.lex.actors.locativePrepositions.has(f)) &&
        (place.metonym || this.info(place.actorId)?.kind === 'COUNTRY') &&
        /^\s+$/.test(this.gap(a - 1, a)) &&
        /^\s+$/.test(this.gap(a, a + 1))
      ) {
        afterEnd = place.last;
        a = place.last + 1;
        steps++;
        continue;
      }
      if (!raw && (connectors.has(f) || complementWords.has(f)) && /^[\s'’-]*$/.test(this.gap(a - 1, a))) {
        if (complementWords.has(f)) afterEnd = a;
        a++;
        steps++;
        continue;
      }
      break;
    }
    return { before, inside, after, afterEnd };
  }

  title(entry: TitleEntry, first: number, last: number): void {
    const near = this.neighbours(first, last);
    const all = [...near.inside, ...near.before, ...near.after];
    const org = all.find((r) => ORG_KINDS.has(this.info(r.actorId)?.kind ?? ''));
    if (org?.metonym) {
      // `porte-parole du Kremlin`, `Kremlin spokesman`: the seat a title names is the body itself.
      org.metonym = false;
      org.via = 'NAME';
      org.evidence = [
        ...org.evidence,
        { rule: 'actor.title.organisation', entry: `${this.language}/titles#${entry.id}` },
      ];
    }
    // A country before the title that a place preposition governs is where the official
    // speaks (`w Luksemburgu minister spraw zagranicznych Litwy`), not whose official they are.
    const countryRaw = all.find(
      (r) => this.info(r.actorId)?.kind === 'COUNTRY' && !(near.before.includes(r) && this.afterPlaceWord(r)),
    );
    // The name follows the title (and its complement), after an optional comma; or precedes it
    // in apposition (`Jens Stoltenberg, NATO Secretary General`).
    const person = this.personAfter(near.afterEnd) ?? this.personBefore(first, near.before);
    if (!person) return;
    const warnings: DraftWarning[] = [];
    let confidence = CONFIDENCE.title;
    let country: CountryInfo | undefined = entry.country
      ? this.gaz.countriesByCode2.get(entry.country)
      : countryRaw
        ? this.gaz.countriesById.get(countryRaw.actorId)
        : undefined;
    const personInfo = person.id ? this.info(person.id) : undefined;
    const personCountry = personInfo?.countryCode
      ? [...this.gaz.countriesByCode2.values()].find((c) => c.code3 === personInfo.countryCode)
      : undefined;
    if (!country && personCountry) country = personCountry;
    // `rzeczniczka MSZ Maria Zacharowa`: a body whose state the text does not write (the
    // pattern's default, `MSZ` is Poland's) is the body of the state the register gives its official.
    if (org?.defaultCountry && personCountry && !entry.country && !countryRaw) {
      const own = this.info(org.actorId);
      if (own?.countryCode && own.countryCode !== personCountry.code3) {
        const body = this.bodyOf(org.actorId);
        if (body) {
          const actor = bodyActor(this.gaz, personCountry, body);
          if (!this.info(actor.id)) this.local.set(actor.id, actor);
          const was = org.actorId;
          org.actorId = actor.id;
          org.defaultCountry = false;
          country = personCountry;
          if (!this.raws.some((r) => r?.actorId === was)) {
            const k = this.facts.findIndex((f) => f.type === 'PART_OF' && f.subjectId === was);
            if (k >= 0) this.facts.splice(k, 1);
            this.partOfDone.delete(was);
          }
        }
      }
    }
    // An international official (`szef unijnej dyplomacji Josep Borrell`) holds a post of the
    // organisation they speak for, not of a state named earlier.
    const actsFor = personInfo?.actsFor ? this.info(personInfo.actsFor) : undefined;
    if (!country && !org && actsFor && ORG_KINDS.has(actsFor.kind)) {
      this.facts.push({
        type: 'HOLDS_POSITION',
        subjectId: person.id!,
        objectId: actsFor.id,
        title: entry.title,
        mention: this.span(Math.min(first, person.first), Math.max(near.afterEnd, person.last)),
        sentence: this.sentenceOf[first]!,
        confidence,
        evidence: [{ rule: 'actor.title', entry: `${this.language}/titles#${entry.id}` }],
        warnings: [],
      });
      return;
    }
    if (!country && !org) {
      country = this.countryBefore(first);
      if (country) {
        confidence = CONFIDENCE.inferred;
        warnings.push({
          code: 'TITLE_COUNTRY_INFERRED',
          message: `The country of "${this.quote(first, last)}" is taken from an earlier mention of ${country.name}.`,
        });
      }
    }
    let objectId: string | undefined;
    if (org && (entry.org !== 'country' || !country)) objectId = org.actorId;
    else if (entry.org === 'adjacent') objectId = undefined;
    else if (country && entry.org === 'country') objectId = country.id;
    // A state taken from an earlier sentence is a guess (`Defence Minister Yaşar Güler` after
    // a paragraph on Ukraine): the official is tied to that state, and no body of it is made up.
    // `de la République` (a complement word) says the state is one the text named: its body stays.
    else if (country && confidence === CONFIDENCE.inferred && !this.complementIn(last + 1, near.afterEnd))
      objectId = country.id;
    else if (country && entry.org !== 'country') {
      const body = bodyActor(this.gaz, country, entry.org);
      if (!this.info(body.id)) this.local.set(body.id, body);
      objectId = body.id;
    }
    if (!objectId) {
      this.warnings.push({
        code: 'TITLE_WITHOUT_ORGANISATION',
        message: `"${this.quote(first, last)}" names a position, but not of which organisation.`,
      });
      // The title still says the name is a person's (`sagte Vizeaußenminister Paweł Jabłoński`).
      if (!person.id) this.newPerson(person.first, person.last, undefined, entry, null);
      return;
    }
    // A country taken from an earlier sentence says nothing of how the name is spelt.
    const spelling = confidence === CONFIDENCE.inferred ? null : country;
    const personId = person.id ?? this.newPerson(person.first, person.last, country, entry, spelling);
    const evidence = [{ rule: 'actor.title', entry: `${this.language}/titles#${entry.id}` }];
    const from = Math.min(first, person.first);
    const to = Math.max(near.afterEnd, person.last);
    this.facts.push({
      type: 'HOLDS_POSITION',
      subjectId: personId,
      objectId,
      title: entry.title,
      mention: this.span(from, to),
      sentence: this.sentenceOf[first]!,
      confidence,
      evidence,
      warnings,
    });
    const objectInfo = this.info(objectId);
    const named = this.raws.some((r) => r?.actorId === objectId);
    if (!named && objectInfo?.kind !== 'COUNTRY') {
      // The organisation is implied by the title: its mention is the title's words.
      this.raws.push({
        first,
        last: Math.max(last, near.afterEnd),
        actorId: objectId,
        via: 'PATTERN',
        confidence: 0.6,
        evidence,
        warnings,
        grammaticalCase: null,
        inflected: false,
        metonym: false,
        ifNamed: null,
        implied: true,
      });
    }
    if (objectInfo?.kind === 'GOVERNMENT_BODY' && country)
      this.partOf(objectId, country, first, near.afterEnd, evidence, confidence);
  }

  /** Whether a complement word (`République`, `kraju`) stands in [from, to]. */
  complementIn(from: number, to: number): boolean {
    for (let t = from; t <= to; t++)
      if (!this.rawAt(t) && this.lex.titles.complementWords.has(this.tokens[t]!.folded)) return true;
    return false;
  }

  /** A mention right after a place preposition (an article may stand between): `w Luksemburgu`, `in Brussels`. */
  afterPlaceWord(raw: Raw): boolean {
    const { placePrepositions, locativePrepositions } = this.lex.actors;
    let prev = raw.first - 1;
    if (prev > 0 && this.lex.titles.determiners.has(this.tokens[prev]!.folded)) prev--;
    if (prev < 0 || this.sentenceOf[prev] !== this.sentenceOf[raw.first]) return false;
    const word = this.tokens[prev]!.folded;
    return placePrepositions.has(word) || locativePrepositions.has(word);
  }

  /** The body type of a government body's id (`poland-foreign-ministry` → `foreign-ministry`). */
  bodyOf(id: string): BodyType | undefined {
    return BODY_TYPES.find((b) => id.endsWith(`-${b}`));
  }

  personAfter(afterEnd: number): { id: string | null; first: number; last: number } | null {
    let p = afterEnd + 1;
    if (p >= this.tokens.length || this.sentenceOf[p] !== this.sentenceOf[afterEnd]) return null;
    if (!/^\s*,?\s*$/.test(this.gap(afterEnd, p))) return null;
    const raw = this.rawAt(p);
    if (raw)
      return this.info(raw.actorId)?.kind === 'PERSON' && raw.first === p
        ? { id: raw.actorId, first: p, last: raw.last }
        : null;
    const last = this.nameRunAt(p);
    if (last === null) return null;
    // A name that is in fact a person the gazetteer knows by the surname only.
    const linked = this.linkBySurname(last, p);
    if (linked) return { id: linked, first: p, last };
    p = last;
    return { id: null, first: afterEnd + 1, last: p };
  }

  personBefore(first: number, before: Raw[]): { id: string | null; first: number; last: number } | null {
    let b = first - 1;
    const { determiners } = this.lex.titles;
    while (b >= 0 && determiners.has(this.tokens[b]!.folded)) b--;
    if (before.length) b = before[0]!.first - 1;
    if (b < 0 || this.sentenceOf[b] !== this.sentenceOf[first]) return null;
    if (!/^\s*,\s*$/.test(this.gap(b, b + 1))) return null;
    const raw = this.rawAt(b);
    if (raw)
      return this.info(raw.actorId)?.kind === 'PERSON' && raw.last === b
        ? { id: raw.actorId, first: raw.first, last: b }
        : null;
    for (let start = Math.max(0, b - 4); start <= b; start++) {
      if (this.sentenceOf[start] !== this.sentenceOf[b]) continue;
      if (this.nameRunAt(start) === b) return { id: this.linkBySurname(b, start), first: start, last: b };
    }
    return null;
  }

  linkBySurname(last: number, first = last): string | null {
    // `Chang Ho-jin`: a given name's syllable is no surname.
    if (!this.tokens[last]!.capitalised) return null;
    for (const c of this.lemmas(this.tokens[last]!.text)) {
      const ids = this.namedSurnames().get(nameSkeleton(c.lemma));
      if (ids?.length !== 1) continue;
      // `Александром Новаком` is not Katalin Novák: a first name of another initial is another person.
      if (first < last && !this.sameInitial(ids[0]!, first)) return null;
      return ids[0]!;
    }
    return null;
  }

  /** Whether the name's first word begins like the person's first name (any spelling). */
  sameInitial(id: string, first: number): boolean {
    const name = this.info(id)?.name;
    if (!name) return true;
    const mine = nameSkeleton(this.nominative(first, first).name)[0];
    const theirs = nameSkeleton(tokenize(name)[0]?.text ?? '')[0];
    return !mine || !theirs || mine === theirs;
  }

  /**
   * `… Александром Новаком … Новака`: a surname alone that the gazetteer gave to a person the
   * text never names in full, while it names in full another person of that surname, is that
   * other person.
   */
  relinkBareSurnames(): void {
    const full = new Set<string>();
    for (const r of this.raws) if (r && r.last > r.first) full.add(r.actorId);
    const surnames = this.namedSurnames();
    for (const r of this.raws) {
      if (!r || r.first !== r.last || full.has(r.actorId) || this.info(r.actorId)?.kind !== 'PERSON')
        continue;
      for (const c of this.lemmas(this.tokens[r.first]!.text)) {
        const ids = (surnames.get(nameSkeleton(c.lemma)) ?? []).filter(
          (id) => full.has(id) && id !== r.actorId,
        );
        if (ids.length !== 1) continue;
        r.actorId = ids[0]!;
        r.evidence = [{ rule: 'actor.person.surname', detail: `the text names ${ids[0]} in full` }];
        break;
      }
    }
  }

  /**
   * `spelling`: the state whose people's names the title says this is (null: none said; the
   * default, for a name without a title, is the state named just before it).
   */
  newPerson(
    first: number,
    last: number,
    country: CountryInfo | undefined,
    entry: TitleEntry | null,
    spelling?: CountryInfo | null,
  ): string {
    const { name: written, inflected, grammaticalCase } = this.nominative(first, last);
    const convention = spelling === null ? null : this.cyrillicConvention(first, spelling ?? country);
    const english = convention
      ? englishRomanisation(written, this.language, convention, this.gaz.firstNames.en)
      : null;
    const name = english ?? written;
    const id = slugify(name);
    if (english && english !== written) this.writtenNames.set(id, written);
    if (!this.info(id))
      this.local.set(id, {
        id,
        name,
        kind: 'PERSON',
        countryCode: country?.code3 ?? null,
        inGraph: false,
        knownForms: new Set(),
      });
    this.push({
      first,
      last,
      actorId: id,
      via: entry ? 'TITLE_AND_NAME' : 'NAME',
      confidence: entry ? CONFIDENCE.title : CONFIDENCE.firstName,
      evidence: entry
        ? [{ rule: 'actor.title', entry: `${this.language}/titles#${entry.id}` }]
        : [{ rule: 'actor.person.first-name', entry: `${this.language}/actors#firstNames` }],
      warnings: entry
        ? []
        : [
            {
              code: 'PERSON_WITHOUT_TITLE',
              message: `"${name}" looks like a person's name; no title says who.`,
            },
          ],
      grammaticalCase,
      inflected,
      metonym: false,
      ifNamed: null,
    });
    this.surnames = null;
    return id;
  }

  /** The names as the text wrote them of people whose id is their English spelling. */
  readonly writtenNames = new Map<string, string>();

  /**
   * Whether a new person's name is a Russian or Ukrainian one the text transcribed: the state
   * their title names, else the state named last before the name in its sentence, within a
   * title's reach and with no other person between (`le représentant de la Russie …, Mikhaïl
   * Oulianov`, `Der russische Botschafter in Berlin, Sergej Netschajew`), writes in Cyrillic.
   */
  cyrillicConvention(first: number, country: CountryInfo | undefined): CyrillicConvention | null {
    let code = country?.code2;
    if (!code) {
      for (
        let t = first - 1;
        t >= Math.max(0, first - 14) && this.sentenceOf[t] === this.sentenceOf[first];
        t--
      ) {
        const raw = this.rawAt(t);
        if (!raw) continue;
        const info = this.info(raw.actorId);
        if (info?.kind === 'PERSON') break;
        // A state, or a state's body (`la diplomatie biélorusse`): the state.
        if ((info?.kind === 'COUNTRY' || info?.kind === 'GOVERNMENT_BODY') && info.countryCode) {
          code = [...this.gaz.countriesByCode2.values()].find((c) => c.code3 === info.countryCode)?.code2;
          break;
        }
      }
    }
    if (!code) return null;
    return CYRILLIC_STATES[code.toUpperCase()] ?? null;
  }

  countryBefore(first: number): CountryInfo | undefined {
    const minSentence = this.sentenceOf[first]! - 2;
    for (let t = first - 1; t >= 0 && this.sentenceOf[t]! >= minSentence; t--) {
      const raw = this.rawAt(t);
      if (raw && raw.via !== 'DEMONYM' && this.info(raw.actorId)?.kind === 'COUNTRY')
        return this.gaz.countriesById.get(raw.actorId);
    }
    return undefined;
  }

  /**
   * `le Serbe Marko Đurić`, `der Slowake Juraj Blanár`: a demonym written as a noun (capitalised,
   * after an article) right before a name says the name is a person of that state.
   */
  demonymPersonPass(): void {
    const { determiners } = this.lex.titles;
    if (determiners.size === 0) return;
    for (const raw of [...this.raws]) {
      if (raw?.via !== 'DEMONYM' || raw.first !== raw.last || raw.first === 0) continue;
      if (!this.tokens[raw.first]!.capitalised || !determiners.has(this.tokens[raw.first - 1]!.folded))
        continue;
      if (this.sentenceOf[raw.first - 1] !== this.sentenceOf[raw.first]) continue;
      const country = this.gaz.countriesById.get(raw.actorId);
      const p = raw.last + 1;
      if (!country || p > this.sentenceEnd[raw.first]! || this.gap(raw.last, p) !== ' ') continue;
      const last = this.nameRunAt(p);
      if (last === null || this.linkBySurname(last, p)) continue;
      const id = this.newPerson(p, last, country, null, country);
      const k = this.cover[p]!;
      const mention = this.raws[k];
      if (mention?.actorId === id) {
        mention.confidence = CONFIDENCE.surname;
        mention.evidence = [{ rule: 'actor.person.demonym', entry: raw.evidence[0]?.entry }];
        mention.warnings = [];
      }
    }
  }

  // --- 6. people by a first name, 7. surnames of people already named -------------------------

  firstNamePass(): void {
    const names = this.gaz.firstNames[this.language];
    if (names.size === 0) return;
    for (let i = 0; i < this.tokens.length; i++) {
      // `Siergiejem Ławrowem`: a declined first name counts too.
      if (!this.lemmas(this.tokens[i]!.text).some((c) => names.has(fold(c.lemma)))) continue;
      const last = this.nameRunAt(i);
      if (last === null) continue;
      this.newPerson(i, last, undefined, null);
      i = last;
    }
  }

  surnames: Map<string, string[]> | null = null;

  /** Surname skeletons of the people this article names → their ids. */
  namedSurnames(): Map<string, string[]> {
    if (this.surnames) return this.surnames;
    const out = new Map<string, string[]>();
    const add = (skel: string, id: string) => {
      const list = out.get(skel) ?? [];
      if (!list.includes(id)) list.push(id);
      out.set(skel, list);
    };
    const named = new Set<string>();
    for (const r of this.raws) if (r && this.info(r.actorId)?.kind === 'PERSON') named.add(r.actorId);
    for (const [skel, ids] of this.gaz.persons.bySurname)
      for (const id of ids) if (named.has(id)) add(skel, id);
    for (const id of named) {
      const info = this.local.get(id);
      if (!info) continue;
      for (const name of [info.name, this.writtenNames.get(id)]) {
        if (!name) continue;
        const words = tokenize(name);
        const surname = words[words.length - 1]!.text;
        // `Kim Hong-kyun`: the family name comes first, and a syllable is no surname.
        if (/^\p{Lu}/u.test(surname)) add(nameSkeleton(surname), id);
      }
    }
    this.surnames = out;
    return out;
  }

  /** Whether a mention of the actor ends with a word of this folded form. */
  endsAMention(id: string, folded: string): boolean {
    return this.raws.some((r) => r?.actorId === id && this.tokens[r.last]!.folded === folded);
  }

  surnamePass(): void {
    const surnames = this.namedSurnames();
    if (surnames.size === 0) return;
    for (let i = 0; i < this.tokens.length; i++) {
      if (this.cover[i] !== -1 || !this.isNameWord(i)) continue;
      for (const c of this.lemmas(this.tokens[i]!.text)) {
        const ids = surnames.get(nameSkeleton(c.lemma));
        if (ids?.length !== 1) continue;
        // A word of two letters (`In`, `An`) meets some transcription of a short surname (`Ын`)
        // by chance: it must be the surname as this text wrote it.
        if (nameSkeleton(c.lemma).length <= 2 && !this.endsAMention(ids[0]!, this.tokens[i]!.folded))
          continue;
        this.push({
          first: i,
          last: i,
          actorId: ids[0]!,
          via: 'ALIAS',
          confidence: CONFIDENCE.surname,
          evidence: [
            {
              rule: 'actor.person.surname',
              entry: this.info(ids[0]!)?.inGraph ? `graph:${ids[0]}` : undefined,
            },
          ],
          warnings: [],
          grammaticalCase: c.grammaticalCase,
          inflected: c.lemma !== this.tokens[i]!.text,
          metonym: false,
          ifNamed: null,
        });
        break;
      }
    }
  }

  // --- 8. readings that depend on the whole article (`Bruxelles`), then the draft actors --------

  contextual(): void {
    const named = new Set<string>();
    for (const r of this.raws) if (r && !r.ifNamed) named.add(r.actorId);
    for (const r of this.raws) {
      if (!r?.ifNamed) continue;
      for (const [key, then] of Object.entries(r.ifNamed)) {
        if (!named.has(key)) continue;
        r.actorId = then;
        r.evidence = [...r.evidence, { rule: 'actor.metonym.context', detail: `the article names ${key}` }];
        break;
      }
    }
  }

  assemble(): ActorFindings {
    const byActor = new Map<string, Raw[]>();
    const live = this.raws.filter((r): r is Raw => r !== null).sort((a, b) => a.first - b.first);
    for (const r of live) {
      const list = byActor.get(r.actorId);
      if (list) list.push(r);
      else byActor.set(r.actorId, [r]);
    }
    const actors: DraftActor[] = [];
    for (const [id, raws] of byActor) {
      const info = this.info(id) ?? {
        id,
        name: this.quote(raws[0]!.first, raws[0]!.last),
        kind: 'GROUP' as const,
        countryCode: null,
        inGraph: false,
        knownForms: new Set<string>(),
      };
      const mentions: ActorMention[] = raws.map((r) => {
        const span = this.span(r.first, r.last);
        return {
          ...span,
          sentence: this.sentenceOf[r.first]!,
          via: r.via,
          grammaticalCase: r.grammaticalCase,
          actorId: id,
          confidence: r.confidence,
          evidence: r.evidence,
          warnings: r.warnings,
        };
      });
      const newAliases: string[] = [];
      const seen = new Set(info.knownForms);
      for (const r of raws) {
        if (r.via === 'DEMONYM' || r.inflected || r.implied) continue;
        const q = this.quote(r.first, r.last);
        const key = this.foldedKey(r.first, r.last);
        if (seen.has(key)) continue;
        seen.add(key);
        newAliases.push(q);
      }
      const evidence: Evidence[] = [];
      const evidenceKeys = new Set<string>();
      const warnings: DraftWarning[] = [];
      for (const m of mentions) {
        for (const e of m.evidence) {
          const k = `${e.rule} ${e.entry ?? ''}`;
          if (!evidenceKeys.has(k)) {
            evidenceKeys.add(k);
            evidence.push(e);
          }
        }
        for (const w of m.warnings) if (!warnings.some((x) => x.code === w.code)) warnings.push(w);
      }
      actors.push({
        id,
        name: info.name,
        kind: info.kind,
        status: info.inGraph ? 'LINKED' : 'NEW',
        countryCode: info.countryCode,
        actsFor: info.actsFor ?? null,
        newAliases,
        mentions,
        confidence: Math.max(...mentions.map((m) => m.confidence)),
        evidence,
        warnings,
      });
    }
    return { actors, facts: this.facts, warnings: this.warnings };
  }
}

/**
 * Every actor the article names, with exact offsets: the graph's actors link, others are NEW
 * (countries, IGOs, government bodies implied by a pattern or a title, people named with a
 * title). Titles also yield HOLDS_POSITION facts, body patterns PART_OF facts. Metonyms
 * (capitals, seats) are kept with via METONYM unless a place preposition makes them a place;
 * the rules engine keeps a metonym only when it fills a role.
 */
export function findActors(
  args: { text: string; sentences: Sentence[]; language: Language },
  gazetteer: Gazetteer,
  lexicons: LexiconSet,
): ActorFindings {
  const f = new Finder(args.text, args.sentences, args.language, gazetteer, lexicons);
  f.gazetteerPass();
  f.dropPlaces();
  f.bodyPass();
  f.sidePass();
  f.dropSurnamesAfterOtherFirstNames();
  f.fuzzyPersonPass();
  f.titlePass();
  f.demonymPersonPass();
  f.firstNamePass();
  f.surnamePass();
  f.relinkBareSurnames();
  f.contextual();
  // After the names (and their contextual readings): "the ministry" repeats the one named last.
  // Its words are no alias of the actor (implied), and they cover no token, so a group noun's
  // two mentions can share one span.
  for (const m of resolveAnaphora(f, lexicons))
    f.raws.push({
      ...m,
      via: 'ANAPHORA',
      warnings: [],
      inflected: false,
      metonym: false,
      ifNamed: null,
      implied: true,
    });
  f.dropPlaceOnlyCountries();
  return f.assemble();
}
