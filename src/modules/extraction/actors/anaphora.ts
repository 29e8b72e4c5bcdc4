import { LexiconError, type LexiconSet, memoizeLexicon } from '../lexicons.ts';
import { findQuotes } from '../rules/quotes.ts';
import { fold } from '../text/fold.ts';
import { type CompiledPattern, compilePattern, matchAt, PatternError } from '../text/patterns.ts';
import type { Token } from '../text/tokens.ts';
import type { ActorMention, DraftFact, Evidence, Language } from '../types.ts';
import type { ActorInfo, Gazetteer } from './gazetteer.ts';
import type { GrammaticalCase } from './inflection.ts';
import { actorLexicons } from './lexicon.ts';

/**
 * Nominal anaphora and group nouns (`data/lexicons/<lang>/anaphora.json`, docs/extraction.md
 * "Anaphora"): "the ministry", "la ministre", "стороны", "beide Seiten" stand for actors the
 * text named before. A noun is resolved only when its antecedent is unambiguous; otherwise it
 * stays unread, as it was before this pass. Precision first: a wrong antecedent costs an extra
 * actor or role, a refusal only a missed one.
 */

export type AnaphorKind = 'GOVERNMENT_BODY' | 'PERSON' | 'COUNTRY' | 'GROUP';

export interface AnaphorNoun {
  id: string;
  pattern: CompiledPattern;
  kind: AnaphorKind;
  /** GOVERNMENT_BODY: id endings of the bodies it can stand for (`foreign-ministry`, `ministry`). */
  bodies: string[];
  /** PERSON, and GROUP of PERSON: folded parts of the English title one of them must hold. */
  titles: string[];
  notTitles: string[];
  /** COUNTRY: `speaker`, the country of the person named last in the sentence ("his country"). */
  of: 'speaker' | null;
  /** GROUP: what the two members are. */
  members: 'COUNTRY' | 'PERSON' | null;
  /** Written with its own determiner or numeral ("both sides", "son pays"): no article needed before it. */
  standalone: boolean;
  grammaticalCase: GrammaticalCase | null;
}

export interface AnaphoraLexicon {
  /** Folded words of which one must stand right before a noun that is not standalone; empty: none needed. */
  determiners: Set<string>;
  /** Of the determiners, the articles: the mention's span starts at them. */
  articles: Set<string>;
  /** Folded words before the noun that make it a place ("to the ministry", "в министерство"). */
  notAfter: Set<string>;
  /** Folded words after the noun that make it a name or a generic ("the ministry of", "ministers from"). */
  notBefore: Set<string>;
  nouns: AnaphorNoun[];
}

/** A mention the pass resolved: token range, actor and why. */
export interface AnaphorMention {
  first: number;
  last: number;
  actorId: string;
  confidence: number;
  evidence: Evidence[];
  grammaticalCase: GrammaticalCase | null;
}

/** What the pass reads of the actor finder's state (actors/find.ts). */
export interface AnaphoraContext {
  readonly text: string;
  readonly language: Language;
  readonly tokens: readonly Token[];
  readonly sentenceOf: readonly number[];
  readonly sentenceEnd: readonly number[];
  readonly cover: readonly number[];
  readonly raws: readonly ({
    first: number;
    last: number;
    actorId: string;
    via: ActorMention['via'];
    metonym: boolean;
  } | null)[];
  readonly facts: readonly DraftFact[];
  readonly gaz: Gazetteer;
  info(id: string): ActorInfo | undefined;
}

export const ANAPHORA_CONFIDENCE = 0.6;
/** How many sentences before the noun's own a person by title is looked for. */
const PERSON_WINDOW = 3;
/** How far back the two members of a group are gathered (the talks are often a paragraph back). */
const GROUP_WINDOW = 6;
/** How far back "the ministry" looks for the ministry it repeats. */
const BODY_WINDOW = 10;
/** How close after a closing quotation mark a noun is taken for its attribution. */
const ATTRIBUTION_REACH = 40;

const KINDS = new Set<AnaphorKind>(['GOVERNMENT_BODY', 'PERSON', 'COUNTRY', 'GROUP']);
const CASES = new Set(['NOM', 'GEN', 'DAT', 'ACC', 'INS', 'LOC', 'VOC']);

function strings(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((x) => typeof x !== 'string'))
    throw new LexiconError(`${where}: expected an array of strings`);
  return value as string[];
}

export function parseAnaphora(lang: Language, raw: unknown): AnaphoraLexicon {
  const file = `${lang}/anaphora.json`;
  if (raw === undefined)
    return {
      determiners: new Set(),
      articles: new Set(),
      notAfter: new Set(),
      notBefore: new Set(),
      nouns: [],
    };
  if (typeof raw !== 'object' || raw === null) throw new LexiconError(`${file}: expected an object`);
  const o = raw as Record<string, unknown>;
  if (o.language !== lang) throw new LexiconError(`${file}: "language" must be "${lang}"`);
  const set = (key: string) => new Set(strings(o[key], `${file} ${key}`).map(fold));
  if (!Array.isArray(o.nouns)) throw new LexiconError(`${file}: "nouns" must be an array`);
  const ids = new Set<string>();
  const nouns = o.nouns.map((e: Record<string, unknown>, i: number): AnaphorNoun => {
    const where = `${file} nouns[${i}]`;
    if (typeof e?.id !== 'string' || !e.id) throw new LexiconError(`${where}: "id" is required`);
    if (ids.has(e.id)) throw new LexiconError(`${file}: duplicate id "${e.id}"`);
    ids.add(e.id);
    const at = `${file}#${e.id}`;
    if (typeof e.pattern !== 'string') throw new LexiconError(`${at}: "pattern" is required`);
    let pattern: CompiledPattern;
    try {
      pattern = compilePattern(e.pattern);
    } catch (error) {
      if (error instanceof PatternError) throw new LexiconError(`${at}: ${error.message}`);
      throw error;
    }
    const kind = e.kind as AnaphorKind;
    if (!KINDS.has(kind)) throw new LexiconError(`${at}: "kind" must be one of ${[...KINDS].join(', ')}`);
    const bodies = strings(e.bodies, at);
    if (kind === 'GOVERNMENT_BODY' && bodies.length === 0)
      throw new LexiconError(`${at}: a GOVERNMENT_BODY noun needs "bodies"`);
    const of = (e.of ?? null) as AnaphorNoun['of'];
    if (kind === 'COUNTRY' && of !== 'speaker')
      throw new LexiconError(`${at}: a COUNTRY noun needs "of": "speaker"`);
    const members = (e.members ?? null) as AnaphorNoun['members'];
    if (kind === 'GROUP' && members !== 'COUNTRY' && members !== 'PERSON')
      throw new LexiconError(`${at}: a GROUP noun needs "members": "COUNTRY" or "PERSON"`);
    const grammaticalCase = (e.case ?? null) as GrammaticalCase | null;
    if (grammaticalCase !== null && !CASES.has(grammaticalCase))
      throw new LexiconError(`${at}: unknown "case" ${String(grammaticalCase)}`);
    return {
      id: e.id,
      pattern,
      kind,
      bodies,
      titles: strings(e.titles, at).map((t) => t.toLowerCase()),
      notTitles: strings(e.notTitles, at).map((t) => t.toLowerCase()),
      of: kind === 'COUNTRY' ? of : null,
      members: kind === 'GROUP' ? members : null,
      standalone: e.standalone === true,
      grammaticalCase,
    };
  });
  const determiners = set('determiners');
  const articles = set('articles');
  for (const a of articles)
    if (!determiners.has(a)) throw new LexiconError(`${file}: article "${a}" is not among the determiners`);
  return { determiners, articles, notAfter: set('notAfter'), notBefore: set('notBefore'), nouns };
}

export const anaphoraLexicons = memoizeLexicon((set: LexiconSet) => {
  const out = {} as Record<Language, AnaphoraLexicon>;
  for (const lang of Object.keys(set.byLanguage) as Language[])
    out[lang] = parseAnaphora(lang, set.byLanguage[lang]?.anaphora);
  return out;
});

/** The English titles of the register, by person id. */
const registerTitles = memoizeLexicon((set: LexiconSet) => {
  const out = new Map<string, string>();
  for (const p of actorLexicons(set).people) if (p.title) out.set(p.id, p.title.toLowerCase());
  return out;
});

type Raw = NonNullable<AnaphoraContext['raws'][number]>;

class Resolver {
  readonly lex: AnaphoraLexicon;
  readonly quotes: { start: number; end: number; open: number; close: number }[];
  readonly titles: Map<string, string>;
  /** Actor ids the article names (not counting this pass). */
  readonly named = new Set<string>();

  constructor(
    readonly ctx: AnaphoraContext,
    lexicons: LexiconSet,
  ) {
    this.lex = anaphoraLexicons(lexicons)[ctx.language];
    this.quotes = findQuotes(ctx.text);
    this.titles = registerTitles(lexicons);
    for (const r of ctx.raws) if (r) this.named.add(r.actorId);
  }

  inQuote(offset: number): boolean {
    return this.quotes.some((q) => q.start <= offset && offset < q.end);
  }

  kind(id: string) {
    return this.ctx.info(id)?.kind;
  }

  /** Every live raw of sentence `s` that ends before token `before`, in text order, none inside a quotation. */
  rawsOf(s: number, before: number): Raw[] {
    const { tokens, sentenceOf, raws } = this.ctx;
    const out: Raw[] = [];
    for (const r of raws)
      if (r && sentenceOf[r.first] === s && r.last < before && !this.inQuote(tokens[r.first]!.start))
        out.push(r);
    return out.sort((a, b) => a.first - b.first);
  }

  /**
   * "«…», — говорится в заявлении министерства", "«…», a déclaré le ministre": the noun names
   * who said the quotation just before it, which need not be the one named before the quotation.
   */
  attributes(first: number): boolean {
    const at = this.ctx.tokens[first]!.start;
    return this.quotes.some(
      (q) =>
        q.close < at &&
        at - q.close <= ATTRIBUTION_REACH &&
        !/[.!?]/.test(this.ctx.text.slice(q.close + 1, at)),
    );
  }

  /** The English titles the register and the article's own facts give a person. */
  titlesOf(id: string): string[] {
    const out: string[] = [];
    const reg = this.titles.get(id);
    if (reg) out.push(reg);
    for (const f of this.ctx.facts)
      if (f.type === 'HOLDS_POSITION' && f.subjectId === id && f.title) out.push(f.title.toLowerCase());
    return out;
  }

  holds(id: string, noun: AnaphorNoun): boolean {
    if (noun.titles.length === 0) return true;
    return this.titlesOf(id).some(
      (t) => noun.titles.some((x) => t.includes(x)) && !noun.notTitles.some((x) => t.includes(x)),
    );
  }

  /** The country an actor is, or acts for, when the article names that country. */
  countryOf(id: string): string | undefined {
    const info = this.ctx.info(id);
    if (!info) return undefined;
    const named = (c: string | null | undefined) =>
      c && this.kind(c) === 'COUNTRY' && this.named.has(c) ? c : undefined;
    if (info.kind === 'COUNTRY') return id;
    const direct = named(info.actsFor);
    if (direct) return direct;
    for (const f of this.ctx.facts) {
      if (f.subjectId !== id) continue;
      if (f.type === 'PART_OF' && named(f.objectId)) return f.objectId;
      if (f.type === 'HOLDS_POSITION') {
        const viaOrg = named(f.objectId) ?? this.bodyCountry(f.objectId);
        if (viaOrg) return viaOrg;
      }
    }
    if (info.countryCode) {
      for (const c of this.ctx.gaz.countriesById.values())
        if (c.code3 === info.countryCode && named(c.id)) return c.id;
    }
    return undefined;
  }

  bodyCountry(bodyId: string): string | undefined {
    for (const f of this.ctx.facts)
      if (
        f.type === 'PART_OF' &&
        f.subjectId === bodyId &&
        this.kind(f.objectId) === 'COUNTRY' &&
        this.named.has(f.objectId)
      )
        return f.objectId;
    return undefined;
  }

  /** Where the noun phrase starts, or null when the words before it make it no anaphor. */
  opening(noun: AnaphorNoun, first: number): number | null {
    const { tokens, sentenceOf } = this.ctx;
    const word = (i: number) => (i >= 0 && sentenceOf[i] === sentenceOf[first] ? tokens[i]!.folded : null);
    const prevWord = word(first - 1);
    if (prevWord && this.lex.notAfter.has(prevWord)) return null;
    if (noun.standalone || this.lex.determiners.size === 0) {
      // "Russian ministers", "польский МИД": an adjective or name before the noun qualifies it.
      if (prevWord && this.ctx.cover[first - 1] !== -1 && this.joinedBySpace(first - 1, first)) return null;
      return first;
    }
    if (!prevWord || !this.lex.determiners.has(prevWord) || !this.joinedBySpace(first - 1, first))
      return null;
    // "à la porte du ministère", "to the ministry": a place, not who acts.
    const before = word(first - 2);
    if (before && this.lex.notAfter.has(before)) return null;
    return this.lex.articles.has(prevWord) ? first - 1 : first;
  }

  joinedBySpace(a: number, b: number): boolean {
    return /^[\s'’]*$/u.test(this.ctx.text.slice(this.ctx.tokens[a]!.end, this.ctx.tokens[b]!.start));
  }

  /** A name, a qualifier or a complement right after the noun: it is named, not repeated. */
  followed(last: number): boolean {
    const { tokens, sentenceEnd, cover, text, language } = this.ctx;
    const next = last + 1;
    if (next > sentenceEnd[last]!) return false;
    if (!/^[\s'’]*$/u.test(text.slice(tokens[last]!.end, tokens[next]!.start))) return false;
    if (cover[next] !== -1) return true;
    if (this.lex.notBefore.has(tokens[next]!.folded)) return true;
    // German capitalises every noun; elsewhere a capital after the noun starts a name.
    return language !== 'de' && tokens[next]!.capitalised;
  }

  run(): AnaphorMention[] {
    const out: AnaphorMention[] = [];
    const { tokens, sentenceEnd, cover } = this.ctx;
    for (let i = 0; i < tokens.length; i++) {
      if (cover[i] !== -1) continue;
      let best: { noun: AnaphorNoun; last: number } | undefined;
      for (const noun of this.lex.nouns) {
        const m = matchAt(noun.pattern, tokens, i, sentenceEnd[i]! + 1);
        if (m && (!best || m.last > best.last)) best = { noun, last: m.last };
      }
      if (!best) continue;
      const { noun, last } = best;
      let free = true;
      for (let t = i; t <= last; t++) if (cover[t] !== -1) free = false;
      const first = free ? this.opening(noun, i) : null;
      if (first === null || this.followed(last) || this.inQuote(tokens[i]!.start) || this.attributes(first))
        continue;
      for (const m of this.resolve(noun, first, last)) out.push(m);
      i = last;
    }
    return out;
  }

  resolve(noun: AnaphorNoun, first: number, last: number): AnaphorMention[] {
    const s = this.ctx.sentenceOf[first]!;
    const found =
      noun.kind === 'GOVERNMENT_BODY'
        ? this.body(noun, s, first)
        : noun.kind === 'PERSON'
          ? this.person(noun, s, first)
          : noun.kind === 'COUNTRY'
            ? this.country(s, first)
            : this.group(noun, s, first);
    const quote = this.ctx.text.slice(this.ctx.tokens[first]!.start, this.ctx.tokens[last]!.end);
    return found.map(({ id, sentence }) => ({
      first,
      last,
      actorId: id,
      confidence: ANAPHORA_CONFIDENCE,
      evidence: [
        {
          rule: `actor.anaphora.${noun.kind === 'GROUP' ? 'group' : noun.kind.toLowerCase().replace('_', '-')}`,
          entry: `${this.ctx.language}/anaphora#${noun.id}`,
          detail: `anaphora: ${quote} → ${id}, named in sentence ${sentence}`,
        },
      ],
      grammaticalCase: noun.grammaticalCase,
    }));
  }

  /**
   * The ministry of the kind the last sentences name, when they name only one; beyond them, the
   * one named last, when its sentence names no other.
   */
  body(noun: AnaphorNoun, s: number, before: number): { id: string; sentence: number }[] {
    const ministries = (k: number) => {
      const ids = new Set<string>();
      for (const r of this.rawsOf(k, before))
        if (
          !r.metonym &&
          this.kind(r.actorId) === 'GOVERNMENT_BODY' &&
          noun.bodies.some((b) => r.actorId.endsWith(b))
        )
          ids.add(r.actorId);
      return ids;
    };
    const near = new Map<string, number>();
    for (let k = s; k >= Math.max(0, s - PERSON_WINDOW); k--)
      for (const id of ministries(k)) if (!near.has(id)) near.set(id, k);
    if (near.size > 1) return [];
    if (near.size === 1) return [...near].map(([id, sentence]) => ({ id, sentence }));
    for (let k = s - PERSON_WINDOW - 1; k >= Math.max(0, s - BODY_WINDOW); k--) {
      const ids = ministries(k);
      if (ids.size > 1) return [];
      if (ids.size === 1) return [{ id: [...ids][0]!, sentence: k }];
    }
    return [];
  }

  /** The one person holding the noun's title named in the last few sentences. */
  person(noun: AnaphorNoun, s: number, before: number): { id: string; sentence: number }[] {
    const ids = new Map<string, number>();
    for (let k = s; k >= Math.max(0, s - PERSON_WINDOW); k--)
      for (const r of this.rawsOf(k, before))
        if (this.kind(r.actorId) === 'PERSON' && this.holds(r.actorId, noun) && !ids.has(r.actorId))
          ids.set(r.actorId, k);
    if (ids.size !== 1) return [];
    const [id, sentence] = [...ids][0]!;
    return [{ id, sentence }];
  }

  /** "his country", "son pays": the country of the person named last in the same sentence. */
  country(s: number, before: number): { id: string; sentence: number }[] {
    const persons = this.rawsOf(s, before).filter((r) => this.kind(r.actorId) === 'PERSON');
    const last = persons[persons.length - 1];
    const c = last ? this.countryOf(last.actorId) : undefined;
    return c ? [{ id: c, sentence: s }] : [];
  }

  /**
   * The two members, gathered sentence by sentence backwards: the sentence that brings the count
   * to two or more must leave it at exactly two, and one sentence must name both (the talks).
   */
  group(noun: AnaphorNoun, s: number, before: number): { id: string; sentence: number }[] {
    const ids = new Map<string, number>();
    const together = new Set<number>();
    for (let k = s; k >= Math.max(0, s - GROUP_WINDOW); k--) {
      const here = new Set<string>();
      for (const r of this.rawsOf(k, before)) {
        const id =
          noun.members === 'COUNTRY'
            ? this.countryOf(r.actorId)
            : this.kind(r.actorId) === 'PERSON' && this.holds(r.actorId, noun)
              ? r.actorId
              : undefined;
        if (!id) continue;
        here.add(id);
        if (!ids.has(id)) ids.set(id, k);
      }
      if (here.size === 2) together.add(k);
      if (ids.size > 2) return [];
      if (ids.size === 2) {
        if (together.size === 0) return [];
        return [...ids].map(([id, sentence]) => ({ id, sentence }));
      }
    }
    return [];
  }
}

/**
 * Mentions for the nouns that repeat an actor the text named before (`the ministry`, `le
 * ministre`, `his country`) or name the two sides of talks (`both sides`, `стороны`). A group
 * noun yields one mention per member on the same span. Call it once the named mentions are known.
 */
export function resolveAnaphora(ctx: AnaphoraContext, lexicons: LexiconSet): AnaphorMention[] {
  return new Resolver(ctx, lexicons).run();
}
