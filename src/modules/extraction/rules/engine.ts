import { createHash } from 'node:crypto';
import { findActors } from '../actors/find.ts';
import { type DiscourseDates, discourseDates } from '../dates/discourse.ts';
import { type DateExpression, findDates, type Tense } from '../dates/index.ts';
import { resolveForStatus } from '../dates/status.ts';
import type { ExtractionEngine, ExtractionResources } from '../engine.ts';
import { fold } from '../text/fold.ts';
import { type CompiledPattern, findAll } from '../text/patterns.ts';
import { splitSentences } from '../text/sentences.ts';
import { type Token, tokenize } from '../text/tokens.ts';
import type {
  ActorMention,
  Draft,
  DraftActor,
  DraftDate,
  DraftEvent,
  DraftRole,
  DraftWarning,
  EventStatus,
  Evidence,
  ExtractionInput,
  Language,
  Role,
  Sentence,
  Span,
} from '../types.ts';
import { buildBundle } from './assemble.ts';
import { type Discourse, discourse } from './discourse.ts';
import { type Grammar, ruleLexicon, type Trigger } from './lexicon.ts';
import { findQuotes, type Quote } from './quotes.ts';
import { matchTriggers, type TriggerMatch } from './triggers.ts';

export const ENGINE_NAME = 'rules-1';

/** Articles dropped before the first word of a name: they never carry a role. */
const ARTICLES = new Set([
  'le',
  'la',
  'les',
  'l',
  'un',
  'une',
  'the',
  'a',
  'an',
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'ein',
  'eine',
  'einen',
  'einem',
  'einer',
]);
/** Punctuation that ends a clause for the purpose of finding an agent. */
const CLAUSE_PUNCTUATION = /[;:«»“”„"()—–]|\s-\s/;
const AGENT_WINDOW = 14;
/** The roles whose official or body acts for a state, which is then ON_BEHALF_OF. */
const ON_BEHALF_ROLES = new Set<Role>(['SPEAKER', 'ACTOR', 'HOST', 'PARTICIPANT', 'RECIPIENT', 'ADDRESSEE']);
const SOURCE_ROLES = new Set<Role>(['SPEAKER', 'ACTOR', 'HOST']);
/** The most words between a verb of saying and the date that dates it ("сообщила сегодня на брифинге"). */
const SAYING_WINDOW = 4;
/** Occasion nouns are compared on their first letters ("Treffens", "Treffen"; "встречи", "встрече"). */
const OCCASION_STEM = 5;
const OBJECT_WINDOW = 16;
/** An undated event lies in the week before publication, or after it up to a month if it is planned. */
const UNDATED_BEFORE_DAYS = 7;
const UNDATED_AFTER_DAYS = 30;
/** An undated event the past perfect puts before the news: up to three months before. */
const UNDATED_BACKGROUND_DAYS = 90;

/** A date the text gave an event or a saying, which later sentences may point back to. */
interface Anchor {
  sentence: number;
  date: DraftDate;
  planned: boolean;
  /** Given by a rule of discourse, not stated: only the same occasion named again takes it. */
  derived: boolean;
  /** The CAMEO code of the event it dates; none for a saying. */
  code?: string;
  /** Who does or says what it dates. */
  sources: string[];
}

interface SentenceState {
  sentence: Sentence;
  tokens: Token[];
  mentions: ActorMention[];
  dates: DateExpression[];
  matches: TriggerMatch[];
  tense: Tense | null;
  paragraph: number;
  /** Lines count as paragraphs for dating: the first sentence of a line leads what follows it. */
  line: number;
}

interface Speaker {
  mention: ActorMention;
  via: Evidence;
  confidence: number;
}

interface EventDraftState {
  event: Omit<DraftEvent, 'id' | 'summary' | 'date'> & { date?: DraftDate };
  sentenceIndex: number;
  speaker?: Speaker;
  /** The speaker comes from a speech verb of the event's own sentence (not a quote's attribution). */
  speechInSentence?: boolean;
  match: TriggerMatch;
}

const round = (x: number) => Math.round(x * 100) / 100;
const clamp = (x: number) => round(Math.min(0.95, Math.max(0.05, x)));
const span = (text: string, start: number, end: number): Span => ({
  start,
  end,
  quote: text.slice(start, end),
});

function hashOf(s: string, n = 6): string {
  return createHash('sha256').update(s).digest('hex').slice(0, n);
}

export function slug(s: string, max = 60): string {
  const base = s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base.slice(0, max).replace(/-+$/g, '');
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The index of the first token at or after `offset`. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const markerCache = new WeakMap<readonly Token[], Map<unknown, ReturnType<typeof anyMatchUncached>>>();

/** The matches of a marker list in a sentence, computed once per sentence and list. */
function anyMatch(
  markers: { pattern: import('../text/patterns.ts').CompiledPattern; id?: string }[],
  tokens: readonly Token[],
) {
  let byList = markerCache.get(tokens);
  if (!byList) {
    byList = new Map();
    markerCache.set(tokens, byList);
  }
  let hit = byList.get(markers);
  if (!hit) {
    hit = anyMatchUncached(markers, tokens);
    byList.set(markers, hit);
  }
  return hit;
}

function anyMatchUncached(
  markers: { pattern: import('../text/patterns.ts').CompiledPattern }[],
  tokens: readonly Token[],
) {
  return markers.flatMap((m) =>
    findAll(m.pattern, tokens).map((x) => ({ ...x, id: (m as { id?: string }).id })),
  );
}

function tenseOf(tokens: readonly Token[], grammar: Grammar): Tense | null {
  if (anyMatch(grammar.futureTense, tokens).length || anyMatch(grammar.planned, tokens).length)
    return 'FUTURE';
  if (anyMatch(grammar.pastTense, tokens).length) return 'PAST';
  return null;
}

class RulesRun {
  readonly warnings: DraftWarning[] = [];
  readonly lang: Language;
  readonly grammar: Grammar;
  readonly disc: Discourse;
  readonly discDates: DiscourseDates;
  readonly triggers: Trigger[];
  readonly states: SentenceState[];
  readonly quotes: Quote[];
  readonly actorById = new Map<string, DraftActor>();
  /** Metonym mentions kept because they fill a role. */
  readonly usedMetonyms = new Set<ActorMention>();
  readonly facts;

  constructor(
    readonly input: ExtractionInput & { language: Language },
    readonly resources: ExtractionResources,
  ) {
    const { text } = input;
    this.lang = input.language;
    const lex = ruleLexicon(resources.lexicons, this.lang);
    this.grammar = lex.grammar;
    this.triggers = lex.triggers;
    this.disc = discourse(resources.lexicons, this.lang);
    this.discDates = discourseDates(resources.lexicons, this.lang);
    const sentences = capSentences(text, splitSentences(text, this.lang, resources.lexicons));
    const found = findActors(
      { text, sentences, language: this.lang },
      resources.gazetteer,
      resources.lexicons,
    );
    for (const a of found.actors) this.actorById.set(a.id, a);
    this.facts = found.facts;
    this.warnings.push(...found.warnings);
    const tokens = sentences.map((s) => tokenize(text, s.start, s.end));
    const tenses = tokens.map((t) => tenseOf(t, this.grammar));
    const dates = findDates(
      {
        text,
        sentences,
        language: this.lang,
        publishedAt: input.publishedAt,
        tenseOf: (i) => tenses[i] ?? null,
      },
      resources.lexicons,
    );
    const mentionsBy = sentences.map(() => [] as ActorMention[]);
    for (const a of found.actors) for (const m of a.mentions) mentionsBy[m.sentence]?.push(m);
    for (const list of mentionsBy) list.sort((a, b) => a.start - b.start);
    const datesBy = sentences.map(() => [] as DateExpression[]);
    for (const d of dates) datesBy[d.sentence]?.push(d);
    let paragraph = 0;
    let line = 0;
    this.states = sentences.map((sentence, i) => {
      if (i > 0 && /\n\s*\n/.test(text.slice(sentences[i - 1]!.end, sentence.start))) paragraph++;
      if (i > 0 && /\n/.test(text.slice(sentences[i - 1]!.end, sentence.start))) line++;
      return {
        sentence,
        tokens: tokens[i]!,
        mentions: mentionsBy[i]!,
        dates: datesBy[i]!,
        // A headline or caption repeats what the body reports; its events come from the body.
        matches: isHeadline(text, sentence) ? [] : matchTriggers(this.triggers, tokens[i]!),
        tense: tenses[i] ?? null,
        paragraph,
        line,
      };
    });
    this.quotes = findQuotes(text);
  }

  kindOf(m: ActorMention) {
    return this.actorById.get(m.actorId)?.kind;
  }

  /** The folded word before a mention (articles skipped), which says what the mention is to the verb. */
  prepositionBefore(state: SentenceState, m: Span): string | undefined {
    let i = tokenAt(state.tokens, m.start) - 1;
    while (i >= 0 && ARTICLES.has(state.tokens[i]!.folded)) i--;
    const tok = state.tokens[i];
    if (!tok) return undefined;
    // Only when nothing but spaces and apostrophes separate it from the mention.
    const gap = this.input.text.slice(tok.end, m.start);
    if (/[^\s'’\p{L}]/u.test(gap.replace(/\b\p{L}+\b/gu, ''))) return undefined;
    // "że Polska" is not "ze Polską", nor "a rencontré" "à": a word that folds onto a
    // preposition but is written otherwise is a word, not the preposition.
    const written = tok.text.normalize('NFC').toLowerCase();
    const g = this.grammar;
    const listed =
      g.passiveAgent.has(tok.folded) ||
      g.sourcePrepositions.has(tok.folded) ||
      g.addresseePrepositions.has(tok.folded) ||
      g.withPrepositions.has(tok.folded);
    if (listed && !g.prepositionsAsWritten.has(written)) return `${written}/`;
    return tok.folded;
  }

  isClauseBreakBetween(state: SentenceState, from: number, to: number): boolean {
    if (from >= to) return false;
    if (CLAUSE_PUNCTUATION.test(this.input.text.slice(from, to))) return true;
    const first = tokenAt(state.tokens, from);
    const last = tokenAt(state.tokens, to);
    const slice = state.tokens.slice(first, last);
    return this.disc.clauseBreaks.some((p) => findAll(p, slice).length > 0);
  }

  tokensBetween(state: SentenceState, from: number, to: number): number {
    return Math.max(0, tokenAt(state.tokens, to) - tokenAt(state.tokens, from));
  }

  /** The last person named before `offset`, in this sentence or the five before it. */
  lastPersonBefore(sentenceIndex: number, offset: number): ActorMention | undefined {
    for (let i = sentenceIndex; i >= Math.max(0, sentenceIndex - 5); i--) {
      const list = this.states[i]!.mentions;
      for (let j = list.length - 1; j >= 0; j--) {
        const m = list[j]!;
        if (m.start < offset && this.kindOf(m) === 'PERSON') return m;
      }
    }
    return undefined;
  }

  /** Who says it: the agent of a speech trigger, after it when inverted, or the last person named. */
  speakerOf(state: SentenceState, index: number, m: TriggerMatch): Speaker | undefined {
    const before = state.mentions.filter(
      (x) =>
        x.end <= m.start &&
        this.tokensBetween(state, x.end, m.start) <= AGENT_WINDOW &&
        !this.isClauseBreakBetween(state, x.end, m.start) &&
        !this.isMarked(state, x),
    );
    const agentPrep = state.tokens
      .slice(m.last + 1, m.last + 6)
      .find((t) => this.grammar.passiveAgent.has(t.folded));
    if (agentPrep) {
      const after = state.mentions.find(
        (x) => x.start >= agentPrep.end && this.tokensBetween(state, agentPrep.end, x.start) <= 10,
      );
      if (after)
        return {
          mention: this.preferPerson(state, after),
          via: { rule: 'role.speaker.passive-agent' },
          confidence: 0.8,
        };
    }
    const pronoun = this.pronounNear(state, m);
    // "Wydalenie dwóch czeskich dyplomatów ogłosiło rosyjskie MSZ": a genitive or a demonym before
    // an inverted verb of saying qualifies its object; the actor right after the verb says it.
    const inverted = state.mentions.find(
      (x) =>
        x.start >= m.end &&
        this.tokensBetween(state, m.end, x.start) <= 3 &&
        !this.isMarked(state, x) &&
        x.grammaticalCase !== 'GEN' &&
        !/[,;:«»“”„"]/.test(this.input.text.slice(m.end, x.start)),
    );
    const owner = before.at(-1);
    if (inverted && owner && (owner.grammaticalCase === 'GEN' || owner.via === 'DEMONYM') && !pronoun)
      return {
        mention: this.preferPerson(state, inverted),
        via: { rule: 'role.speaker.inverted-owner' },
        confidence: 0.75,
      };
    if (before.length && !pronoun) {
      return { mention: before[before.length - 1]!, via: { rule: 'role.speaker.subject' }, confidence: 0.8 };
    }
    // "a indiqué le porte-parole du département d'État": after an inverted speech verb the
    // speaker may sit behind "of" (its title's organisation), never behind "to" or "with".
    const after = state.mentions.find((x) => {
      if (x.start < m.end || this.tokensBetween(state, m.end, x.start) > 8) return false;
      const prep = this.prepositionBefore(state, x);
      const g = this.grammar;
      return (
        !prep ||
        !(g.addresseePrepositions.has(prep) || g.withPrepositions.has(prep) || g.passiveAgent.has(prep))
      );
    });
    if (after && !pronoun)
      return {
        mention: this.preferPerson(state, after),
        via: { rule: 'role.speaker.inverted' },
        confidence: 0.75,
      };
    const person = this.lastPersonBefore(index, m.start);
    if (person)
      return {
        mention: person,
        via: { rule: 'role.speaker.anaphora', detail: pronoun ? 'pronoun' : 'no subject' },
        confidence: 0.6,
      };
    if (before.length)
      return { mention: before[before.length - 1]!, via: { rule: 'role.speaker.subject' }, confidence: 0.6 };
    return undefined;
  }

  /**
   * The person a mention qualifies: "ukrainischen Amtskollegen Dmytro Kuleba", "Armenian Foreign
   * Minister Ararat Mirzoyan", "son homologue ukrainien, Oleksiï Reznikov" — a country (by its
   * demonym or name) or a state body, then at most three words of title and a comma, then the
   * person, with no preposition or verb between.
   */
  qualifiedPerson(state: SentenceState, m: ActorMention, pool: ActorMention[]): ActorMention | undefined {
    const kind = this.kindOf(m);
    if (kind !== 'COUNTRY' && kind !== 'GOVERNMENT_BODY') return undefined;
    const g = this.grammar;
    for (const next of pool) {
      if (next.start < m.end) continue;
      const between = state.tokens.slice(tokenAt(state.tokens, m.end), tokenAt(state.tokens, next.start));
      if (between.length > 3) return undefined;
      const gap = this.input.text.slice(m.end, next.start);
      if (/[;:.!?«»“”„"()—–]/.test(gap)) return undefined;
      if (
        between.some(
          (t) =>
            g.addresseePrepositions.has(t.folded) ||
            g.withPrepositions.has(t.folded) ||
            g.passiveAgent.has(t.folded) ||
            this.disc.coordination.some((p) => findAll(p, [t]).length > 0) ||
            state.matches.some((x) => x.start <= t.start && t.end <= x.end),
        )
      )
        return undefined;
      if (this.kindOf(next) === 'PERSON') return next;
      // Another qualifier between ("Armenian Foreign Minister"): go on to the next mention.
      const nk = this.kindOf(next);
      if (nk !== 'COUNTRY' && nk !== 'GOVERNMENT_BODY') return undefined;
    }
    return undefined;
  }

  /** "le vice-ministre …, Sergei Aleinik": of mentions in apposition, the person. */
  preferPerson(state: SentenceState, m: ActorMention): ActorMention {
    if (this.kindOf(m) === 'PERSON') return m;
    const next = state.mentions.find((x) => x.start > m.end && this.kindOf(x) === 'PERSON');
    if (next && this.tokensBetween(state, m.end, next.start) <= 8) return next;
    return m;
  }

  /** "Il a convoqué …", "Он вызвал …": a pronoun in the few words before the verb, nothing between but words. */
  pronounSubject(state: SentenceState, m: TriggerMatch): boolean {
    const from = Math.max(0, m.first - 3);
    const window = state.tokens.slice(from, m.first);
    return this.disc.pronouns.some((p) =>
      findAll(p, window).some((x) => {
        const gap = this.input.text.slice(window[x.last]!.end, m.start);
        return (
          !/[,;:«»“”„"()—–]/.test(gap) &&
          !state.mentions.some((y) => y.start >= window[x.last]!.end && y.end <= m.start)
        );
      }),
    );
  }

  pronounNear(state: SentenceState, m: TriggerMatch): boolean {
    const window = state.tokens.slice(Math.max(0, m.first - 3), m.last + 4);
    return this.disc.pronouns.some((p) => findAll(p, window).length > 0);
  }

  /**
   * "Węgry, które grożą …", "Zakharova, qui a dénoncé …": a subject relative pronoun between an
   * actor and the trigger makes that actor the agent.
   */
  relativeAntecedent(state: SentenceState, m: TriggerMatch): ActorMention | undefined {
    for (let i = m.first - 1; i >= Math.max(0, m.first - 5); i--) {
      const t = state.tokens[i]!;
      if (!this.disc.relativePronouns.has(t.folded)) continue;
      const antecedent = [...state.mentions].reverse().find((x) => x.end <= t.start);
      if (antecedent && /^[\s,]*$/.test(this.input.text.slice(antecedent.end, t.start))) return antecedent;
      return undefined;
    }
    return undefined;
  }

  /**
   * "Israel, which opposes the deal, stepped up pressure", "Литва, которая принимает саммит,
   * обратилась …": a relative clause set off by commas between an actor and the main verb says
   * what the actor is or did before, background to the news, not an event the article reports.
   * One that runs to the sentence's end ("…, Zakharova, qui a accusé le Japon …") goes on
   * with the story and keeps its events.
   */
  isEmbeddedRelative(state: SentenceState, m: TriggerMatch): boolean {
    const text = this.input.text;
    for (let i = m.first - 1; i >= Math.max(0, m.first - 8); i--) {
      const t = state.tokens[i]!;
      if (/[,;:«»“”„"()—–]/.test(text.slice(t.end, i === m.first - 1 ? m.start : state.tokens[i + 1]!.start)))
        return false;
      if (!this.disc.relativePronouns.has(t.folded)) continue;
      const antecedent = [...state.mentions].reverse().find((x) => x.end <= t.start);
      if (!antecedent || !/^\s*,\s*$/.test(text.slice(antecedent.end, t.start))) return false;
      // The clause closes with a comma and the main clause follows.
      const rest = text.slice(m.end, state.sentence.end);
      const comma = rest.search(/[,;]/);
      if (comma < 0 || !/\p{L}/u.test(rest.slice(comma))) return false;
      const close = m.end + comma;
      // "Hungary, which held up … in June, did not object": a dated act is reported, not background.
      return !state.dates.some((d) => d.start > t.end && d.end <= close);
    }
    return false;
  }

  /**
   * One act told twice: "skrytykowane przez Z, która nazwała je „…”" (the relative clause says
   * how Z criticised: the same 11x act of Z the sentence reports), and "after the meeting",
   * "po spotkaniu", "nach dem Treffen" (a noun behind "after" points back to an act of its
   * kind the text reported before).
   */
  isRetold(state: SentenceState, index: number, m: TriggerMatch, events: EventDraftState[]): boolean {
    const root = m.trigger.code.slice(0, 2);
    const sameRoot = (e: EventDraftState) => e.event.cameoCode.slice(0, 2) === root;
    if (m.trigger.pos === 'NOUN') {
      let i = m.first - 1;
      while (i >= 0 && ARTICLES.has(state.tokens[i]!.folded)) i--;
      const prep = state.tokens[i];
      if (
        prep &&
        this.disc.after.has(prep.folded) &&
        events.some((e) => e.sentenceIndex < index && sameRoot(e))
      )
        return true;
    }
    const antecedent = this.relativeAntecedent(state, m);
    if (!antecedent) return false;
    return events.some(
      (e) =>
        e.sentenceIndex === index &&
        e.match.start < antecedent.start &&
        sameRoot(e) &&
        e.event.roles.some((r) => r.actorId === antecedent.actorId),
    );
  }

  /**
   * "Лавров провёл переговоры с Фиданом. Министры обсудили …", "Blinken met Kuleba in Kyiv. The
   * two discussed …": talks whose parties are all parties of a meeting the sentence or the two
   * before it reported, with no date of their own, are what was said at that meeting.
   */
  isSameMeeting(
    index: number,
    m: TriggerMatch,
    roles: DraftRole[],
    status: EventStatus,
    date: DateExpression | undefined,
    events: EventDraftState[],
  ): boolean {
    if (m.trigger.frame !== 'MEET' || !m.trigger.code.startsWith('040') || date) return false;
    if (status !== 'ASSERTED') return false;
    // Who holds the talks; what they discuss ("обсудили ситуацию вокруг Украины") may be new.
    const parties = roles
      .filter((r) => r.confidence >= 0.5 && r.evidence[0]?.rule.startsWith('role.agent.'))
      .map((r) => r.actorId);
    if (parties.length === 0) return false;
    return events.some((e) => {
      if (e.sentenceIndex < index - 2 || e.sentenceIndex > index || !e.event.cameoCode.startsWith('04'))
        return false;
      if (e.event.status !== 'ASSERTED' || e.match === m) return false;
      const met = new Set(e.event.roles.filter((r) => r.confidence >= 0.5).map((r) => r.actorId));
      return parties.every((id) => met.has(id));
    });
  }

  /**
   * "Serbia denied that it had supplied ammunition", "accused Russia of … by invading Ukraine",
   * "Москва опровергла, что поставляет оружие": what a denial or an accusation is about is a
   * claim, not an act the text reports; the denial or the accusation is the event. A verb
   * joined by "and" after it ("denied the claims and recalled its envoy") goes on with the story.
   */
  isClaimContent(state: SentenceState, m: TriggerMatch): boolean {
    const claim = state.matches.find((c) => c !== m && c.last < m.first && isClaimVerb(c.trigger.code));
    return (!!claim && m.start < this.claimEnd(state, claim)) || this.isThreatened(state, m);
  }

  /**
   * "avait menacé de suspendre les livraisons", "threatened to expel", "пригрозил ввести": the
   * verb a threat (CAMEO 13x) opens with an infinitive marker is what is threatened, not done;
   * the threat is the event. ("warned that Russia could cut …" reports what may happen: kept.)
   */
  isThreatened(state: SentenceState, m: TriggerMatch): boolean {
    if (m.trigger.pos !== 'VERB') return false;
    return state.matches.some((c) => {
      if (c === m || !c.trigger.code.startsWith('13') || c.last >= m.first || m.first - c.last > 2)
        return false;
      if (/[,;:.!?«»“”„"()—–]/.test(this.input.text.slice(c.end, m.start))) return false;
      const between = state.tokens.slice(c.last + 1, m.first);
      // "drohte, … zu", "пригрозил ввести": the infinitive right after, or after its marker.
      return between.length === 0 || between.some((t) => this.grammar.infinitiveMarkers.has(t.folded));
    });
  }

  /**
   * Where what a denial or an accusation claims ends: at a sentence stop, at "and" before another
   * verb of the sentence ("denied … and warned that …"), or at a comma that no complementizer
   * follows ("accused Moscow of …, a charge the Kremlin rejects"; but "опроверг, что …").
   */
  claimEnd(state: SentenceState, claim: TriggerMatch): number {
    const { tokens } = state;
    const text = this.input.text;
    for (let i = claim.last + 1; i < tokens.length; i++) {
      const gap = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
      if (/[;.!?]/.test(gap)) return tokens[i]!.start;
      if (gap.includes(',')) {
        const next = tokens.slice(i, i + 2);
        const opens = this.discDates.complementizers.some((p) => findAll(p, next).some((x) => x.first === 0));
        if (!opens) return tokens[i]!.start;
      }
      const coordination = this.disc.coordination
        .flatMap((p) => findAll(p, tokens.slice(i, i + 3)))
        .find((x) => x.first === 0);
      if (coordination) {
        const after = i + coordination.last + 1;
        if (state.matches.some((x) => x !== claim && x.first >= after && x.first <= after + 1))
          return tokens[i]!.start;
      }
    }
    return state.sentence.end;
  }

  /** A mention governed by a preposition is not a subject. */
  isMarked(state: SentenceState, m: ActorMention): boolean {
    // Russian and Polish mark the subject as nominative: "Польшу" (accusative), "Polsce" (dative)
    // are what the verb is about, whatever their place before it. A genitive may be the subject's
    // owner ("Premier Czech", "глава МИД Казахстана") and stays.
    if (m.grammaticalCase === 'ACC' || m.grammaticalCase === 'DAT' || m.grammaticalCase === 'LOC')
      return true;
    const prep = this.prepositionBefore(state, m);
    if (!prep) return false;
    const g = this.grammar;
    return (
      g.sourcePrepositions.has(prep) ||
      g.addresseePrepositions.has(prep) ||
      g.withPrepositions.has(prep) ||
      g.passiveAgent.has(prep)
    );
  }

  /** The sentence that a quote's attribution sits in, and its speaker. */
  /** The indices of the sentences that overlap [from, to), found by bisection. */
  statesBetween(from: number, to: number): number[] {
    let lo = 0;
    let hi = this.states.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.states[mid]!.sentence.end <= from) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < this.states.length && this.states[i]!.sentence.start < to; i++) out.push(i);
    return out;
  }

  /** Sentences whose speech verb attributes a quotation that holds events of its own. */
  readonly attributesContent = new Set<number>();

  /** Each sentence inside a quotation, with the speaker its attribution names. */
  quoteSpeakers(): Map<number, Speaker> {
    const out = new Map<number, Speaker>();
    for (const q of this.quotes) {
      if (q.end - q.start < 20) continue;
      let speaker: Speaker | undefined;
      let attributing: number | undefined;
      for (const i of this.statesBetween(q.open - 40, q.close + 61)) {
        const st = this.states[i]!;
        for (const m of st.matches) {
          if (m.trigger.frame !== 'SPEECH') continue;
          const afterQuote = m.start > q.close && m.start - q.close <= 60;
          const beforeQuote = m.end <= q.open && q.open - m.end <= 40;
          if (afterQuote || beforeQuote) {
            speaker = this.speakerOf(st, i, m);
            if (speaker)
              speaker = { ...speaker, via: { rule: 'role.speaker.quote', detail: speaker.via.rule } };
            attributing = i;
            break;
          }
        }
        if (speaker) break;
      }
      const inside = this.statesBetween(q.start, q.end);
      if (
        attributing !== undefined &&
        inside.some((i) => this.states[i]!.matches.some((m) => m.trigger.frame !== 'SPEECH'))
      ) {
        this.attributesContent.add(attributing);
      }
      if (!speaker) continue;
      for (const i of inside) if (!out.has(i)) out.set(i, speaker);
    }
    return out;
  }

  /** The mentions an attribution names ("according to the ministry", "по данным МИД"): sources. */
  attributedMentions(state: SentenceState): ActorMention[] {
    const out: ActorMention[] = [];
    for (const p of this.disc.attribution)
      for (const a of findAll(p, state.tokens)) {
        const at = state.tokens[a.last]!.end;
        const first = state.mentions.find(
          (x) =>
            x.start >= at &&
            this.tokensBetween(state, at, x.start) <= 3 &&
            !/[,;:.]/.test(this.input.text.slice(at, x.start)),
        );
        if (first) out.push(first, ...this.coordinated(state, first, state.mentions));
      }
    return out;
  }

  /** "Selon lui", "according to Lavrov", "по словам Лаврова": the sentence's speaker. */
  attributionSpeaker(state: SentenceState, index: number): Speaker | undefined {
    for (const p of this.disc.attribution) {
      const m = findAll(p, state.tokens)[0];
      if (!m) continue;
      const after = state.mentions.find(
        (x) => x.start >= m.end && this.tokensBetween(state, m.end, x.start) <= 3,
      );
      if (after) return { mention: after, via: { rule: 'role.speaker.attribution' }, confidence: 0.8 };
      const person = this.lastPersonBefore(index, m.start);
      if (person)
        return {
          mention: person,
          via: { rule: 'role.speaker.attribution', detail: 'pronoun' },
          confidence: 0.65,
        };
    }
    return undefined;
  }

  /**
   * An intent or a promise (CAMEO 03) is made in the future tense: "said Poland would deliver",
   * "przekaże" is the promise, ASSERTED, unless the clause sets a date for it (a plan). A threat
   * (CAMEO 13) is made in the future or the conditional, often with its condition ("gdyby",
   * "if", "falls"): the condition is part of the threat, which was made.
   */
  status(state: SentenceState, m: TriggerMatch): { status: EventStatus; evidence?: Evidence } {
    const found = this.clauseStatus(state, m);
    const root = m.trigger.code.slice(0, 2);
    if (root === '13' && (found.status === 'PLANNED' || found.status === 'HYPOTHETICAL'))
      return { status: 'ASSERTED', evidence: { rule: 'status.threat-made', entry: found.evidence?.entry } };
    if (root === '03' && found.status === 'PLANNED' && !this.nearestDate(state, m))
      return { status: 'ASSERTED', evidence: { rule: 'status.intent-made', entry: found.evidence?.entry } };
    return found;
  }

  clauseStatus(state: SentenceState, m: TriggerMatch): { status: EventStatus; evidence?: Evidence } {
    const g = this.grammar;
    // German puts the verb last: "wird vorerst nicht in die Ukraine reisen".
    const back = this.lang === 'de' ? 6 : 3;
    const literal = new Set(
      m.trigger.pattern.source
        .split(/[\s|~*]+/)
        .filter(Boolean)
        .map((w) => fold(w)),
    );
    // A marker the trigger itself names ("не исключает", "nie do przyjęcia", "doivent cesser") is
    // its meaning, not its status; one that only falls inside the trigger's gap ("nicht … aufheben") is.
    const ownWords = (x: { first: number; last: number }) =>
      x.first >= m.first &&
      x.last <= m.last &&
      state.tokens.slice(x.first, x.last + 1).every((t) => literal.has(t.folded));
    const neg = anyMatch(g.negation, state.tokens).find((x) => {
      if (!(x.first <= m.last + 1 && x.last >= m.first - back)) return false;
      if (ownWords(x)) return false;
      // "n'hésiterons pas à saisir", "will not hesitate to expel": a negated hesitation affirms.
      const hesitation = state.tokens.slice(x.first, m.first);
      return !g.litotes.some((p) => findAll(p, hesitation).length > 0);
    });
    if (neg) return { status: 'NEGATED', evidence: { rule: 'status.negation', entry: neg.id } };
    // "nous n'hésiterons pas à saisir": the hesitation's tense is the act's.
    const hesitation = g.litotes
      .flatMap((p) => findAll(p, state.tokens.slice(Math.max(0, m.first - back - 2), m.first)))
      .map((x) => x.first + Math.max(0, m.first - back - 2))[0];
    const atHesitation = (x: { first: number; last: number }) =>
      hesitation !== undefined && x.first <= hesitation && x.last >= hesitation - 1;
    const hyp = anyMatch(g.hypothetical, state.tokens).find(
      (x) =>
        (x.last < m.first && m.first - x.last <= 8) ||
        (x.first <= m.last && x.last >= m.first) ||
        // A condition after the trigger, in the same sentence: "prêt à … si les sanctions …".
        (x.first > m.last && x.first - m.last <= 10 && this.isConditional(x.id)),
    );
    if (hyp) return { status: 'HYPOTHETICAL', evidence: { rule: 'status.hypothetical', entry: hyp.id } };
    // "Si ces incidents se répètent, nous n'hésiterons pas à saisir …": the clause a condition
    // opens onto, however long the condition.
    const text = this.input.text;
    const condition = this.conditionSpans(state).find(
      ([, b]) => b <= m.start && /^,[^,;:.!?«»“”„"()—–]*$/.test(text.slice(b, m.start)),
    );
    if (condition) return { status: 'HYPOTHETICAL', evidence: { rule: 'status.condition-before' } };
    // A noun is the subject of the verb after it: "la prochaine réunion se tiendra", "Следующий
    // раунд консультаций пройдёт", "the next summit will be held".
    const nounAhead = (x: { first: number }) =>
      m.trigger.pos === 'NOUN' &&
      x.first > m.last &&
      x.first - m.last <= 6 &&
      !/[,;:«»“”„"()—–]/.test(this.input.text.slice(m.end, state.tokens[x.first]!.start));
    // "doivent cesser", "must stop": the modal a demand names is the demand, made now.
    const demand = m.trigger.code.startsWith('10');
    const plan = anyMatch(g.planned, state.tokens).find(
      (x) =>
        !(demand && ownWords(x)) &&
        ((x.last < m.first && m.first - x.last <= 4) ||
          (x.first <= m.last && x.last >= m.first) ||
          atHesitation(x) ||
          nounAhead(x)),
    );
    if (plan) return { status: 'PLANNED', evidence: { rule: 'status.planned', entry: plan.id } };
    // "la prochaine réunion", "next week's talks", "следующая встреча": a future word right before it.
    const justBefore = (x: { first: number; last: number }) =>
      x.last < m.first &&
      m.first - x.last <= 2 &&
      !/[,;:«»“”„"()—–.]/.test(this.input.text.slice(state.tokens[x.last]!.end, m.start));
    const future = anyMatch(g.futureTense, state.tokens).find(
      (x) => (x.first <= m.last && x.last >= m.first) || atHesitation(x) || nounAhead(x) || justBefore(x),
    );
    if (future) return { status: 'PLANNED', evidence: { rule: 'status.future-tense', entry: future.id } };
    return { status: 'ASSERTED' };
  }

  /** Whether a hypothetical marker is a conditional conjunction (if, si, wenn, если, jeśli …). */
  isConditional(id: string | undefined): boolean {
    return (
      !!id &&
      /#(if|si|wenn-falls|esli|jesli|in-case|in-the-event|provided-that|au-cas-ou|en-cas-de|a-condition|im-fall|v-sluchae|pri-uslovii|w-przypadku|o-ile)$/.test(
        id,
      )
    );
  }

  role(m: ActorMention, role: Role, confidence: number, evidence: Evidence): DraftRole {
    return {
      actorId: m.actorId,
      role,
      mention: { start: m.start, end: m.end, quote: m.quote },
      confidence: clamp(confidence * (m.via === 'METONYM' ? 0.85 : 1)),
      evidence: [evidence, ...m.evidence.slice(0, 1)],
      warnings: [],
    };
  }

  /**
   * Where the subject of a verb joined by "and" to an earlier verb, or opened by an infinitive
   * marker after it ("met … to discuss", "spotkał się …, by omówić"), is looked for: before that
   * verb. The two verbs must be in one clause and nothing but an adverb may sit between "and"
   * and the trigger.
   */
  sharedSubjectEnd(state: SentenceState, m: TriggerMatch): number | undefined {
    if (m.trigger.pos !== 'VERB') return undefined;
    const from = Math.max(0, m.first - 2);
    const window = state.tokens.slice(from, m.first);
    const infinitive = this.grammar.infinitiveMarkers.has(window.at(-1)?.folded ?? '');
    const and = this.disc.coordination
      .flatMap((p) => findAll(p, window))
      .find((x) => x.last === window.length - 1 || (x.last === 0 && window.length === 2));
    const joinAt = infinitive ? m.first - 1 : and ? from + and.first : -1;
    if (joinAt < 0) return undefined;
    const previous = [...state.matches]
      .reverse()
      .find(
        (x) =>
          x.last < joinAt &&
          x.trigger.pos === 'VERB' &&
          x.trigger.frame !== 'SPEECH' &&
          !this.isClaimContent(state, x),
      );
    if (!previous || /[;:.!?«»“”„"]/.test(this.input.text.slice(previous.end, m.start))) return undefined;
    // A subject of its own after "and" ("and Moscow expelled …") is the verb's.
    const joinStart = state.tokens[joinAt]!.start;
    if (state.mentions.some((x) => x.start >= joinStart && x.end <= m.start)) return undefined;
    return previous.start;
  }

  /** The first of the mentions joined to `m` by coordination before it ("France and Italy"). */
  firstOfCoordination(state: SentenceState, m: ActorMention, pool: ActorMention[]): ActorMention {
    let first = m;
    for (const x of [...pool].reverse()) {
      if (x.end > first.start) continue;
      if (this.coordinated(state, x, pool)[0] !== first) break;
      first = x;
    }
    return first;
  }

  /** Mentions joined to `m` by "et", "and", "и", …: they share its role. */
  coordinated(state: SentenceState, m: ActorMention, pool: ActorMention[]): ActorMention[] {
    const out: ActorMention[] = [];
    let last = m;
    for (const next of pool) {
      if (next.start <= last.end) continue;
      const between = state.tokens.slice(tokenAt(state.tokens, last.end), tokenAt(state.tokens, next.start));
      const words = between.filter((t) => !ARTICLES.has(t.folded));
      const joined =
        words.length > 0 &&
        words.length <= 3 &&
        this.disc.coordination.some((p) => {
          const hit = findAll(p, words)[0];
          return hit && hit.first === 0;
        }) &&
        !/[;:.]/.test(this.input.text.slice(last.end, next.start));
      if (!joined) break;
      out.push(next);
      last = next;
    }
    return out;
  }

  /** The roles of one content trigger; RECEIVE yields one role set per sender. */
  roles(state: SentenceState, m: TriggerMatch, speaker: Speaker | undefined): DraftRole[][] {
    const g = this.grammar;
    const frame = m.trigger.frame;
    // Only the pattern's own words are the trigger: an actor inside one of its gaps
    // ("направила в Вашингтон письменные соображения") is what follows the verb.
    const inTrigger = (x: ActorMention) =>
      m.matched.some((i) => {
        const t = state.tokens[i]!;
        return x.start < t.end && x.end > t.start;
      });
    const firstEnd = state.tokens[m.first]!.end;
    const mentions = state.mentions.filter((x) => !inTrigger(x));
    // "held talks with … in Ankara and thanked Turkey", "обвинил Баку … и вызвал посла": a verb
    // joined by "and" to the verb before it shares that verb's subject.
    const agentEnd = this.sharedSubjectEnd(state, m) ?? m.start;
    const before = mentions.filter(
      (x) =>
        x.end <= agentEnd &&
        this.tokensBetween(state, x.end, agentEnd) <= AGENT_WINDOW &&
        !this.isClauseBreakBetween(state, x.end, agentEnd),
    );
    const afterAll = mentions.filter(
      (x) =>
        x.start >= firstEnd &&
        this.tokensBetween(state, m.end, x.start) <= OBJECT_WINDOW &&
        !/[;.!?«»“”„"]/.test(this.input.text.slice(Math.min(m.end, x.start), x.start)),
    );
    const roles: DraftRole[] = [];
    const used = new Set<ActorMention>();
    // The speaker of the quotation or the sentence is never also what it is about.
    for (const x of mentions)
      if (speaker && x.actorId === speaker.mention.actorId && x !== speaker.mention) used.add(x);
    // "по данным норвежского МИД", "according to the ministry": the source of what is told, not its target.
    const attributed = this.attributedMentions(state);
    for (const x of attributed) if (x !== speaker?.mention) used.add(x);
    const add = (x: ActorMention, role: Role, c: number, e: Evidence) => {
      if (used.has(x)) return;
      used.add(x);
      roles.push(this.role(x, role, c, e));
      // A group noun ("both sides", "стороны") is one mention per member on one span: they share the role.
      const twins = mentions.filter((y) => y !== x && y.start === x.start && y.end === x.end);
      for (const y of [...twins, ...this.coordinated(state, x, mentions)]) {
        if (!used.has(y)) {
          used.add(y);
          roles.push(this.role(y, role, c - 0.05, { ...e, detail: 'coordinated' }));
        }
      }
    };
    // The passive agent ("par", "by", "von", "przez"; the Russian instrumental) is the source.
    let agent: ActorMention | undefined;
    let agentRule = 'role.agent.subject';
    // "exchanged prisoners in a deal mediated by the UAE": an agent behind another verb is that verb's.
    const passivePrep = afterAll.find((x) => {
      const prep = this.prepositionBefore(state, x);
      return (
        prep !== undefined &&
        g.passiveAgent.has(prep) &&
        !state.matches.some((y) => y !== m && y.start >= m.end && y.end <= x.start)
      );
    });
    const instrumental =
      this.lang === 'ru'
        ? afterAll.find((x) => x.grammaticalCase === 'INS' && !this.prepositionBefore(state, x))
        : undefined;
    const nearest =
      [...before].reverse().find((x) => !this.isMarked(state, x)) ?? this.relativeAntecedent(state, m);
    // "France and Italy signed": the subject is the first of the actors joined before the verb.
    const subject = nearest && this.firstOfCoordination(state, nearest, before);
    if (passivePrep || instrumental) {
      agent = passivePrep ?? instrumental;
      // "received by Polish President Andrzej Duda": the person the demonym qualifies.
      const person = agent && this.qualifiedPerson(state, agent, afterAll);
      if (person) {
        used.add(agent!);
        agent = person;
      }
      agentRule = passivePrep ? 'role.agent.passive' : 'role.agent.instrumental';
    } else {
      agent = subject;
    }
    const receivers: ActorMention[] = [];
    const senders: ActorMention[] = [];
    if (frame === 'RECEIVE') {
      if (subject) receivers.push(subject, ...this.coordinated(state, subject, mentions));
      for (const x of [...before, ...afterAll]) {
        const prep = this.prepositionBefore(state, x);
        if (prep && g.sourcePrepositions.has(prep) && !receivers.includes(x)) senders.push(x);
      }
      for (const x of senders) used.add(x);
      for (const x of receivers) {
        used.add(x);
        roles.push(this.role(x, 'RECIPIENT', 0.75, { rule: 'role.receive.subject' }));
      }
    } else if (agent) {
      const role: Role = frame === 'SPEECH' ? 'SPEAKER' : 'ACTOR';
      add(agent, role, agentRule === 'role.agent.subject' ? 0.75 : 0.8, { rule: agentRule });
      if (agent !== subject && subject)
        add(subject, 'RECIPIENT', 0.65, { rule: 'role.target.passive-subject' });
    }
    let objectTaken = false;
    for (const y of afterAll) {
      // The one who says it, after the trigger ("… ogłosiło rosyjskie MSZ"), is its speaker, not its object.
      if (used.has(y) || (y === speaker?.mention && speaker.via.rule === 'role.speaker.inverted-owner'))
        continue;
      const prep = this.prepositionBefore(state, y);
      // "met his Ukrainian counterpart Dmytro Kuleba", "с китайским коллегой Ван И": a demonym or
      // a body that qualifies the person after it is not the one met; the person is, and acts
      // for that state.
      const person = frame === 'SPEECH' ? undefined : this.qualifiedPerson(state, y, afterAll);
      const x = person && !used.has(person) ? person : y;
      if (x !== y) used.add(y);
      if (prep && g.addresseePrepositions.has(prep)) {
        add(x, frame === 'ADDRESS' ? 'ADDRESSEE' : 'RECIPIENT', 0.7, {
          rule: 'role.target.addressee-preposition',
          detail: prep,
        });
      } else if (
        prep &&
        g.withPrepositions.has(prep) &&
        frame !== 'MEET' &&
        frame !== 'SPEECH' &&
        !objectTaken &&
        agent
      ) {
        // "sever diplomatic ties with Estonia", "downgrade its relations with Russia", "scale back
        // its cooperation with the IAEA": with no object of its own, the act is done to the partner.
        objectTaken = true;
        add(x, 'RECIPIENT', 0.55, { rule: 'role.target.with-partner', detail: prep });
      } else if (prep && g.withPrepositions.has(prep)) {
        add(x, frame === 'MEET' ? 'RECIPIENT' : 'SUBJECT', frame === 'MEET' ? 0.7 : 0.45, {
          rule: 'role.with-preposition',
          detail: prep,
        });
      } else if (prep && (g.sourcePrepositions.has(prep) || g.passiveAgent.has(prep))) {
        add(x, 'SUBJECT', 0.4, { rule: 'role.subject.of', detail: prep });
      } else if (!prep && y.grammaticalCase === 'DAT' && frame !== 'SPEECH') {
        add(x, frame === 'ADDRESS' ? 'ADDRESSEE' : 'RECIPIENT', 0.65, { rule: 'role.target.dative' });
      } else if (!objectTaken && frame !== 'SPEECH') {
        objectTaken = true;
        add(x, frame === 'ADDRESS' ? 'ADDRESSEE' : 'RECIPIENT', 0.6, {
          rule: 'role.target.object',
          ...(x !== y ? { detail: 'the person a demonym or a title before it qualifies' } : {}),
        });
      } else {
        add(x, 'SUBJECT', 0.4, { rule: 'role.subject.after' });
      }
    }
    if (speaker && !roles.some((r) => r.actorId === speaker.mention.actorId)) {
      roles.push(this.role(speaker.mention, 'SPEAKER', speaker.confidence, speaker.via));
      used.add(speaker.mention);
    }
    // Whatever else the sentence names is what the event is about, weakly.
    for (const x of state.mentions) {
      if (used.has(x) || inTrigger(x) || x.via === 'METONYM') continue;
      if (roles.some((r) => r.actorId === x.actorId)) continue;
      used.add(x);
      roles.push(this.role(x, 'SUBJECT', 0.35, { rule: 'role.subject.sentence' }));
    }
    if (frame === 'MEET') this.meetingRoles(m, roles);
    const base = this.withOnBehalf(roles);
    if (frame !== 'RECEIVE' || senders.length === 0) return [dedupeRoles(base)];
    return senders.map((s) =>
      dedupeRoles(this.withOnBehalf([...base, this.role(s, 'ACTOR', 0.75, { rule: 'role.receive.sender' })])),
    );
  }

  /**
   * The roles of a trigger; when they name no source and a pronoun stands for its subject ("Он
   * также предупредил, что …", "Elle a averti que …", "He warned that …"), the speaker
   * resolution's last person named before it (`speakerOf`) is its speaker.
   */
  rolesWithPronoun(
    state: SentenceState,
    index: number,
    m: TriggerMatch,
    speaker: Speaker | undefined,
  ): DraftRole[][] {
    const sets = this.roles(state, m, speaker);
    if (speaker || m.trigger.pos !== 'VERB' || sets.some((roles) => roles.some(isConfidentSource)))
      return sets;
    if (m.trigger.frame !== 'SPEECH' && !this.pronounSubject(state, m)) return sets;
    const own = this.speakerOf(state, index, m);
    if (own?.via.rule !== 'role.speaker.anaphora') return sets;
    return this.roles(state, m, own);
  }

  /**
   * The parties of a meeting. A host ("hosted", "a reçu son homologue", "принял") is HOST and
   * its guests PARTICIPANT. Parties that meet one another with no counterpart named ("Russes et
   * Américains doivent se retrouver", "the two delegations met", "переговоры Лаврова и Фидана",
   * "NATO leaders met in Vilnius") are PARTICIPANT, not one the actor and the other its object.
   */
  meetingRoles(m: TriggerMatch, roles: DraftRole[]): void {
    const strong = (r: DraftRole) => r.confidence >= 0.5;
    if (m.trigger.code.startsWith('043')) {
      for (const r of roles) {
        if (!strong(r)) continue;
        if (r.role === 'ACTOR') r.role = 'HOST';
        else if (r.role === 'RECIPIENT' || r.role === 'ADDRESSEE') r.role = 'PARTICIPANT';
      }
      return;
    }
    // Signing, agreeing, cooperating are acts of each party (ACTOR), not a meeting of them.
    if (!m.trigger.code.startsWith('04') || m.trigger.code.startsWith('045')) return;
    const actors = roles.filter((r) => r.role === 'ACTOR' && strong(r));
    const targets = roles.filter((r) => (r.role === 'RECIPIENT' || r.role === 'ADDRESSEE') && strong(r));
    const collective = (r: DraftRole) => {
      const kind = this.actorById.get(r.actorId)?.kind;
      return kind === 'IGO' || kind === 'ALLIANCE';
    };
    let parties: DraftRole[] = [];
    if (actors.length >= 2 && targets.length === 0) parties = actors;
    else if (actors.length === 1 && targets.length === 0 && collective(actors[0]!)) parties = actors;
    else if (actors.length === 0 && targets.length >= 2) parties = targets;
    for (const r of parties) r.role = 'PARTICIPANT';
  }

  /** An official or a state body speaking or acting: the state it acts for is ON_BEHALF_OF. */
  withOnBehalf(roles: DraftRole[]): DraftRole[] {
    const out = [...roles];
    for (const r of roles) {
      if (!ON_BEHALF_ROLES.has(r.role) || r.confidence < 0.5) continue;
      const kind = this.actorById.get(r.actorId)?.kind;
      if (kind !== 'PERSON' && kind !== 'GOVERNMENT_BODY') continue;
      const state = this.stateOf(r.actorId);
      // The state named only weakly in the sentence ("Ukrainian" before the minister) is the one
      // its official acts for.
      if (state && !out.some((x) => x.actorId === state.id && x.confidence >= 0.5)) {
        out.push({
          actorId: state.id,
          role: 'ON_BEHALF_OF',
          mention: null,
          confidence: 0.7,
          // The state of the one met or addressed does not make the event anyone's act.
          evidence: [
            {
              rule: SOURCE_ROLES.has(r.role) ? 'role.on-behalf-of' : 'role.on-behalf-of.target',
              entry: state.via,
            },
          ],
          warnings: [],
        });
      }
    }
    return out;
  }

  /**
   * The state an official or a body acts for, if it is among the article's actors: what the
   * gazetteer knows (the graph's positions and parts, the register), else the organisation of
   * the title the text gives them, else the country named beside that title.
   */
  stateOf(actorId: string, depth = 0): { id: string; via: string } | undefined {
    const isCountry = (id: string | null | undefined) => !!id && this.actorById.get(id)?.kind === 'COUNTRY';
    const actor = this.actorById.get(actorId);
    if (actor?.actsFor) {
      // An international official speaks for the organisation, named or not: never a state.
      if (this.actorById.has(actor.actsFor) || this.implyCountry(actor.actsFor))
        return { id: actor.actsFor, via: `actsFor:${actorId}` };
      return undefined;
    }
    // A person of the register carries their country's code.
    if (actor?.kind === 'PERSON' && actor.countryCode) {
      const named = [...this.actorById.values()].find(
        (a) => a.kind === 'COUNTRY' && a.countryCode === actor.countryCode,
      );
      const id = named?.id ?? this.countryIdByCode(actor.countryCode);
      if (id && (isCountry(id) || this.implyCountry(id))) return { id, via: `country:${actor.countryCode}` };
    }
    const prefix = actorId.replace(
      /-(foreign-ministry|defence-ministry|government|presidential-administration|parliament)$/,
      '',
    );
    if (prefix !== actorId && (isCountry(prefix) || this.implyCountry(prefix)))
      return { id: prefix, via: `body:${actorId}` };
    for (const f of this.facts) {
      if (f.subjectId !== actorId) continue;
      if (f.type === 'PART_OF' && isCountry(f.objectId)) return { id: f.objectId, via: `fact:${f.objectId}` };
      if (f.type !== 'HOLDS_POSITION' || depth > 0) continue;
      const viaOrg = this.stateOf(f.objectId, depth + 1);
      if (viaOrg) return viaOrg;
      const nearby = this.states[f.sentence]?.mentions.find((m) => this.kindOf(m) === 'COUNTRY');
      if (nearby) return { id: nearby.actorId, via: `fact:${f.objectId}` };
    }
    return undefined;
  }

  countryIdByCode(code3: string): string | undefined {
    for (const c of this.resources.gazetteer.countriesByCode2.values()) if (c.code3 === code3) return c.id;
    return undefined;
  }

  /**
   * A state the text does not name but an official of it speaks for ("Putin said …"): added to
   * the draft's actors without a mention, from the gazetteer, so the role can name it.
   */
  implyCountry(id: string): boolean {
    const info = this.resources.gazetteer.actors.get(id);
    if (!info || !['COUNTRY', 'IGO', 'ALLIANCE'].includes(info.kind)) return false;
    this.actorById.set(id, {
      id,
      name: info.name,
      kind: info.kind,
      status: info.inGraph ? 'LINKED' : 'NEW',
      countryCode: info.countryCode,
      actsFor: null,
      newAliases: [],
      mentions: [],
      confidence: 0.6,
      evidence: [
        { rule: 'actor.implied', detail: 'the state an official of it acts for; the text does not name it' },
      ],
      warnings: [],
    });
    return true;
  }

  dateFromExpression(
    d: DateExpression,
    rule: string,
    confidence: number,
    extra: DraftWarning[] = [],
  ): DraftDate {
    return {
      earliest: d.earliest,
      latest: d.latest,
      precision: d.precision,
      qualifier: d.qualifier,
      text: d.quote,
      span: { start: d.start, end: d.end, quote: d.quote },
      sentence: d.sentence,
      confidence: clamp(confidence),
      evidence: [{ rule }, ...d.evidence],
      warnings: [...d.warnings, ...extra],
    };
  }

  /**
   * An event the text does not date: the week before publication if it happened (news reports
   * what is new); for a plan or a hypothesis, from that week to a month after publication.
   * It never claims a day the text did not give.
   */
  undated(status: EventStatus, state: SentenceState, saying = false): DraftDate {
    const p = this.input.publishedAt;
    // A saying that is the act ("warned that Russia will respond") was made, whatever the tense
    // of what it says.
    const happened = (status === 'ASSERTED' || status === 'NEGATED') && (saying || state.tense !== 'FUTURE');
    // The past perfect reports what came before the news: older than the week.
    const background = happened && this.disc.pluperfect.some((x) => findAll(x, state.tokens).length > 0);
    return {
      earliest: addDays(p, -(background ? UNDATED_BACKGROUND_DAYS : UNDATED_BEFORE_DAYS)),
      latest: happened ? p : addDays(p, UNDATED_AFTER_DAYS),
      precision: 'MONTH',
      qualifier: 'APPROX',
      text: null,
      span: null,
      sentence: null,
      confidence: 0.5,
      evidence: [{ rule: 'date.unstated' }],
      warnings: [
        {
          code: 'DATE_NOT_IN_TEXT',
          message: happened
            ? 'The text does not date this event: it is given the week before publication.'
            : 'The text does not date this event: it is given the week before to a month after publication.',
        },
      ],
    };
  }

  /**
   * "TALLINN, Jan 24 (Eastern Wire) –", "VIENNE, 15 février –": a dateline dates the dispatch,
   * not what it reports.
   */
  isDateline(d: DateExpression): boolean {
    const text = this.input.text;
    const lineStart = text.lastIndexOf('\n', d.start - 1) + 1;
    if (d.start - lineStart > 60) return false;
    return (
      /^[\p{Lu}][\p{Lu}\p{M}\s.'’-]*,\s*$/u.test(text.slice(lineStart, d.start)) &&
      /^\s*(\([^)]{0,60}\)\s*)?[–—-]/u.test(text.slice(d.end, d.end + 70))
    );
  }

  /**
   * A date after the trigger but past a clause boundary (";", ":", or a relative pronoun:
   * "переговоров, которые прошли в начале мая") dates that clause, not the trigger.
   */
  isOtherClause(state: SentenceState, d: DateExpression, m: TriggerMatch): boolean {
    if (d.end <= m.start) return this.inSubordinateAfter(state, d, m);
    if (d.start < m.end) return false;
    if (/[;:]/.test(this.input.text.slice(m.end, d.start))) return true;
    const from = tokenAt(state.tokens, m.end);
    const to = tokenAt(state.tokens, d.start);
    for (let i = from; i < to; i++) if (this.opensRelative(state, i)) return true;
    const between = state.tokens.slice(from, to);
    return this.disc.subordinators.some((p) => findAll(p, between).length > 0);
  }

  /**
   * "lashed out at Washington on Friday after the United States announced …", "а в пятницу,
   * после того как …": the trigger is in a subordinate clause opened after the date, which
   * dates the main clause. German, Russian and Polish set a subordinate clause off by a comma
   * ("am Samstag als erstes Land" is no clause); the clause must still be open at the trigger.
   */
  inSubordinateAfter(state: SentenceState, d: DateExpression, m: TriggerMatch): boolean {
    const text = this.input.text;
    const from = tokenAt(state.tokens, d.end);
    const to = tokenAt(state.tokens, m.start);
    if (to <= from) return false;
    const between = state.tokens.slice(from, to);
    const comma = this.lang === 'de' || this.lang === 'ru' || this.lang === 'pl';
    return this.disc.subordinators.some((p) =>
      findAll(p, between).some((x) => {
        const first = between[x.first]!;
        const last = between[x.last]!;
        if (/[,;:«»“”„"()—–]/.test(text.slice(last.end, m.start))) return false;
        if (!comma) return true;
        const before = text.slice(x.first > 0 ? between[x.first - 1]!.end : d.end, first.start);
        return before.includes(',') || text.slice(first.end, last.start).includes(',');
      }),
    );
  }

  /**
   * "Hungary, which held up … in June, did not object": a date inside a relative clause set
   * off by commas before the trigger dates that clause.
   */
  isInRelativeBefore(state: SentenceState, d: DateExpression, m: TriggerMatch): boolean {
    if (d.end > m.start) return false;
    const text = this.input.text;
    const after = text.slice(d.end, m.start);
    if (!after.includes(',')) return false;
    const commaBefore = text.lastIndexOf(',', d.start);
    if (commaBefore < state.sentence.start) return false;
    const first = tokenAt(state.tokens, commaBefore);
    return this.disc.relativePronouns.has(state.tokens[first]?.folded ?? '');
  }

  /**
   * "spoke with him on Wednesday, a step that was criticised by …": the trigger is inside a
   * relative clause opened after the date, past a comma; the date is the main clause's.
   */
  triggerInRelativeAfter(state: SentenceState, d: DateExpression, m: TriggerMatch): boolean {
    if (d.end > m.start) return false;
    const text = this.input.text;
    const from = tokenAt(state.tokens, d.end);
    const to = tokenAt(state.tokens, m.start);
    for (let i = to - 1; i >= from; i--) {
      const t = state.tokens[i]!;
      if (!this.opensRelative(state, i)) continue;
      if (/[,;:]/.test(text.slice(t.end, m.start))) return false;
      return /,/.test(text.slice(d.end, t.start));
    }
    return false;
  }

  /**
   * "agreed to prepare the visit, which is expected to take place in early July": a relative
   * clause in the future after a plan's trigger says when the planned thing happens.
   */
  planRelativeDate(state: SentenceState, m: TriggerMatch): DateExpression | undefined {
    const text = this.input.text;
    for (const d of state.dates) {
      if (d.start < m.end || /[«»“”„";:]/.test(text.slice(m.end, d.start))) continue;
      if (this.isDeadline(state, d) || this.isDateline(d)) continue;
      const from = tokenAt(state.tokens, m.end);
      const to = tokenAt(state.tokens, d.start);
      const rel = state.tokens.slice(from, to).findIndex((_, i) => this.opensRelative(state, from + i));
      if (rel < 0) continue;
      const clause = state.tokens.slice(from + rel, to + 1);
      if (
        !anyMatch(this.grammar.futureTense, clause).length &&
        !anyMatch(this.grammar.planned, clause).length
      )
        continue;
      return {
        ...d,
        confidence: d.confidence - 0.1,
        evidence: [
          ...d.evidence,
          { rule: 'date.plan-relative', detail: 'a future relative clause after the plan' },
        ],
      };
    }
    return undefined;
  }

  /**
   * "zapowiedział w piątek, że Polska przedstawi …", "Russia will send troops, Lavrov said on
   * Monday": a date nearer a verb of saying than the trigger it is weighed for, or with that verb
   * between them, dates the saying, not what is said.
   */
  datesTheSaying(state: SentenceState, d: DateExpression, m: TriggerMatch): boolean {
    if (m.trigger.frame === 'SPEECH') return false;
    const first = tokenAt(state.tokens, d.start);
    const last = Math.max(first, tokenAt(state.tokens, d.end) - 1);
    return state.matches.some((sp) => {
      if (sp.trigger.frame !== 'SPEECH' || sp === m || sp.trigger.pos === 'NOUN') return false;
      if (!this.isSayingDate(state, sp, d)) return false;
      const between = (a: number, b: number, x: number) => (a < b ? a < x && x < b : b < x && x < a);
      // The saying between the date and the trigger.
      if (between(first, m.first, sp.first) && between(last, m.last, sp.last)) return true;
      // The saying, then the date, then a clause boundary, then the trigger.
      // English drops "that": "said on Monday Poland would deliver …" — a subject of its own
      // between the date and the trigger opens the clause said.
      if (sp.last < first && last < m.first)
        return (
          this.opensClause(state, last + 1, m.first) ||
          (this.lang === 'en' && state.mentions.some((x) => x.start >= d.end && x.end <= m.start))
        );
      return false;
    });
  }

  /**
   * Whether a date goes with a verb of saying: right after it ("said on Monday", "сообщила
   * сегодня") or right before it with no punctuation between ("Об этом сегодня на брифинге
   * сообщила"), a few words at most; never "…, the ministry said" (the date is the content's).
   */
  isSayingDate(state: SentenceState, sp: TriggerMatch, d: DateExpression): boolean {
    const first = tokenAt(state.tokens, d.start);
    const last = Math.max(first, tokenAt(state.tokens, d.end) - 1);
    const gap = sp.last < first ? first - sp.last - 1 : sp.first - last - 1;
    if (gap < 0 || gap > SAYING_WINDOW) return false;
    const from = sp.last < first ? sp.end : d.end;
    const to = sp.last < first ? d.start : sp.start;
    if (/[,;:«»“”„"()—–]/.test(this.input.text.slice(from, to))) return false;
    // No other trigger between them: "hosted … from Monday" is not the saying's.
    return !state.matches.some((x) => x !== sp && x.start >= from && x.end <= to);
  }

  /** A comma, or a word that opens a clause ("that", "que", "dass", "что", "że"), in tokens [from, to). */
  opensClause(state: SentenceState, from: number, to: number): boolean {
    if (to <= from) return false;
    const a = state.tokens[from - 1]!.end;
    const b = state.tokens[to]?.start ?? state.sentence.end;
    if (/[,;:]/.test(this.input.text.slice(a, b))) return true;
    const between = state.tokens.slice(from, to);
    return (
      between.some((t) => this.disc.relativePronouns.has(t.folded)) ||
      this.discDates.complementizers.some((p) => findAll(p, between).length > 0)
    );
  }

  /** Whether token i is a relative pronoun. */
  opensRelative(state: SentenceState, i: number): boolean {
    const t = state.tokens[i];
    if (!t || !this.disc.relativePronouns.has(t.folded)) return false;
    if (this.lang !== 'de') return true;
    // German "der/die/das" are articles too: a relative clause is set off by a comma, before the
    // pronoun or before its preposition ("…, in das …"); "die Aufnahme in das Bündnis" is none.
    const text = this.input.text;
    const gapBefore = (j: number) =>
      text.slice(j > 0 ? state.tokens[j - 1]!.end : state.sentence.start, state.tokens[j]!.start);
    return gapBefore(i).includes(',') || (i > 0 && gapBefore(i - 1).includes(','));
  }

  /** "by 7 February", "avant le 7 février", "до 7 февраля": a deadline, not the event's date. */
  isDeadline(state: SentenceState, d: DateExpression): boolean {
    const at = tokenAt(state.tokens, d.start);
    const window = state.tokens.slice(Math.max(0, at - 3), at + 1);
    return this.disc.deadline.some((p) =>
      findAll(p, window).some((x) => window[x.last]!.end <= d.start + 4 && x.last >= window.length - 2),
    );
  }

  /**
   * The conditions of a sentence ("if Russia uses chemical weapons", "falls Peking … unterstütze"):
   * from the conditional word to the next comma, semicolon or colon, or the sentence's end. What
   * they say may happen is no report of an event; "même si" / "even if" concede, not condition.
   */
  conditionSpans(state: SentenceState): [number, number][] {
    const spans: [number, number][] = [];
    const { tokens, sentence } = state;
    for (const p of this.disc.conditionals) {
      for (const m of findAll(p, tokens)) {
        const before = tokens[m.first - 1];
        if (before && this.disc.concessive.has(before.folded)) continue;
        const start = tokens[m.first]!.start;
        const rest = this.input.text.slice(tokens[m.last]!.end, sentence.end);
        const stop = rest.search(/[,;:]/);
        spans.push([start, stop < 0 ? sentence.end : tokens[m.last]!.end + stop]);
      }
    }
    return spans;
  }

  /** The date expression of a sentence nearest a trigger, not across a quotation mark. */
  nearestDate(state: SentenceState, m: TriggerMatch): DateExpression | undefined {
    let best: DateExpression | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const d of state.dates) {
      const between =
        d.end <= m.start ? this.input.text.slice(d.end, m.start) : this.input.text.slice(m.end, d.start);
      if (/[«»“”„"]/.test(between)) continue;
      if (this.isDeadline(state, d) || this.isDateline(d) || this.isOtherClause(state, d, m)) continue;
      if (this.datesTheSaying(state, d, m)) continue;
      if (this.isInRelativeBefore(state, d, m)) continue;
      if (this.triggerInRelativeAfter(state, d, m)) continue;
      const distance = d.end <= m.start ? m.start - d.end : d.start >= m.end ? (d.start - m.end) * 1.2 : 0;
      if (distance < bestDistance) {
        best = d;
        bestDistance = distance;
      }
    }
    return best;
  }

  run(): Draft {
    const { text } = this.input;
    const quoteSpeaker = this.quoteSpeakers();
    const events: EventDraftState[] = [];
    /** Per speaker, the last date the text gave one of their events. */
    const speakerDates = new Map<string, DraftDate>();
    /** Per sentence, the date its verb of saying states, and who speaks. */
    const sayings = new Map<number, { speakerId?: string; date: DraftDate }>();
    this.states.forEach((state, index) => {
      const speeches = state.matches.filter((m) => m.trigger.frame === 'SPEECH');
      const conditions = this.conditionSpans(state);
      const allContents = state.matches.filter(
        (m) =>
          m.trigger.frame !== 'SPEECH' &&
          !conditions.some(([a, b]) => m.start >= a && m.start < b) &&
          !this.isEmbeddedRelative(state, m) &&
          !this.isClaimContent(state, m),
      );
      // A noun ("l'invitation", "the veto", "санкции") names an event only where no verb of the
      // sentence does: beside a verb it is mostly what the verb is about.
      const verbal = allContents.some((m) => m.trigger.pos !== 'NOUN');
      const contents = verbal ? allContents.filter((m) => m.trigger.pos !== 'NOUN') : allContents;
      const ownSpeaker = speeches[0] ? this.speakerOf(state, index, speeches[0]) : undefined;
      const sentenceSpeaker = ownSpeaker ?? this.attributionSpeaker(state, index) ?? quoteSpeaker.get(index);
      const said = this.sayingDate(state, speeches);
      if (said) sayings.set(index, { speakerId: sentenceSpeaker?.mention.actorId, date: said });
      const demonstrative =
        contents.length === 0 &&
        speeches.length > 0 &&
        this.disc.demonstratives.some((p) => findAll(p, state.tokens.slice(0, 2)).some((x) => x.first === 0));
      if (demonstrative && index > 0) {
        // "Cela a été annoncé aujourd'hui par …": the previous sentence's events are what was announced.
        const date = speeches[0] ? this.nearestDate(state, speeches[0]) : undefined;
        for (const ev of events.filter((e) => e.sentenceIndex === index - 1)) {
          if (!ev.speaker && sentenceSpeaker)
            ev.speaker = { ...sentenceSpeaker, via: { rule: 'role.speaker.announced' } };
          if (!ev.event.date && date) ev.event.date = this.dateFromExpression(date, 'date.announced', 0.85);
        }
        return;
      }
      // A verb of saying alone ("he said", "a-t-il ajouté") names who speaks, not an event: what
      // is said is the event, when a trigger of the sentence or of its quotation names it.
      // A verb of saying that is itself an act ("опроверг", "zaprzeczył", "warned that", "выразил
      // обеспокоенность": a denial, a concern, a warning, a refusal to comment) is the event when
      // the sentence reports no other act for it to introduce.
      const list =
        contents.length === 0 &&
        !state.matches.some((m) => m.trigger.frame !== 'SPEECH' && !this.isClaimContent(state, m)) &&
        !this.attributesContent.has(index)
          ? speeches.filter((m) => isActOfSaying(m.trigger.code))
          : contents;
      // One clause often reports one act twice ("wezwało … i wręczyło notę"): one event per
      // code and source in a sentence.
      const seen = new Set<string>();
      for (const m of list) {
        const speaker = m.trigger.frame === 'SPEECH' ? undefined : sentenceSpeaker;
        const { status, evidence: statusEvidence } = this.status(state, m);
        // A date without its year is read again once the event's status is known: a plan's
        // "20 décembre" is the next one, a report's the last one.
        const found =
          this.nearestDate(state, m) ?? (status === 'PLANNED' ? this.planRelativeDate(state, m) : undefined);
        const date = found ? this.resolveFound(state, found, status) : undefined;
        for (const roles of this.rolesWithPronoun(state, index, m, speaker)) {
          const hasSource = roles.some(
            (r) =>
              (['ACTOR', 'SPEAKER', 'ON_BEHALF_OF', 'HOST'].includes(r.role) ||
                // Parties that meet one another are its subject ("Russes et Américains se retrouvent").
                (r.role === 'PARTICIPANT' && r.evidence[0]?.rule.startsWith('role.agent.'))) &&
              r.confidence >= 0.5 &&
              r.evidence[0]?.rule !== 'role.on-behalf-of.target',
          );
          // A noun with nobody doing it is a topic ("the annexation", "les combats"), not a report.
          // A meeting still to come ("Следующий раунд консультаций пройдёт в Москве", "the next
          // summit will be held in Vilnius") is news even when the sentence does not say whose.
          const plannedMeeting = m.trigger.frame === 'MEET' && status === 'PLANNED';
          if (m.trigger.pos === 'NOUN' && !hasSource && !plannedMeeting) continue;
          const warnings: DraftWarning[] = [];
          if (!hasSource)
            warnings.push({
              code: 'NO_SOURCE_ACTOR',
              message: 'No actor was found as the source of this event.',
            });
          const confidence =
            0.45 +
            Math.min(0.3, 0.1 * m.trigger.length) +
            (hasSource ? 0.15 : -0.1) -
            (m.trigger.pos === 'NOUN' ? 0.1 : 0);
          const evidence: Evidence[] = [
            {
              rule: `trigger.${m.trigger.frame.toLowerCase()}`,
              entry: m.trigger.id,
              detail: m.trigger.pattern.source,
            },
          ];
          if (statusEvidence) evidence.push(statusEvidence);
          const sources = roles
            .filter((r) => r.role === 'ACTOR' || r.role === 'SPEAKER')
            .map((r) => r.actorId)
            .sort()
            .join(',');
          const key = `${m.trigger.code}|${sources}|${status}`;
          if (seen.has(key)) continue;
          if (this.isRetold(state, index, m, events)) continue;
          if (this.isSameMeeting(index, m, roles, status, date, events)) continue;
          seen.add(key);
          events.push({
            sentenceIndex: index,
            speaker,
            speechInSentence: !!ownSpeaker && speaker === ownSpeaker,
            match: m,
            event: {
              cameoCode: m.trigger.code,
              status,
              sentence: index,
              trigger: span(text, m.start, m.end),
              mention: span(
                text,
                state.sentence.start,
                Math.min(state.sentence.end, state.sentence.start + 5_000),
              ),
              roles,
              confidence: clamp(confidence),
              evidence,
              warnings,
              date: date ? this.dateFromExpression(date, 'date.in-sentence', date.confidence) : undefined,
            },
          });
        }
      }
    });
    this.dateUndated(events, speakerDates, sayings);
    return this.assemble(events);
  }

  /**
   * The status a date without its year is read with. A hypothesis in a sentence about the
   * future is a plan; so is what a clause says will happen after a past verb of saying
   * ("zapowiedział, że Polska przedstawi … pod koniec czerwca": the next June after the saying).
   */
  readDateAs(
    state: SentenceState,
    d: DateExpression,
    status: EventStatus,
  ): { as: EventStatus; rule?: string } {
    // A bare weekday mostly dates the saying ("warned on Monday that … could"): it keeps the
    // status's reading.
    const weekday = d.reading.type === 'weekday';
    if (status === 'HYPOTHETICAL' && (state.tense === 'FUTURE' || !weekday))
      return { as: 'PLANNED', rule: 'date.hypothesis-ahead' };
    if (status === 'NEGATED' || status === 'PLANNED' || weekday) return { as: status };
    if (this.isFutureInPast(state, d)) return { as: 'PLANNED', rule: 'date.future-in-past' };
    return { as: status };
  }

  /** A verb of saying, then a clause boundary, then a future or conditional, then the date. */
  isFutureInPast(state: SentenceState, d: DateExpression): boolean {
    const at = tokenAt(state.tokens, d.start);
    return state.matches.some((sp) => {
      if (sp.trigger.frame !== 'SPEECH' || sp.trigger.pos === 'NOUN' || sp.last >= at) return false;
      const future = [
        ...anyMatch(this.grammar.futureTense, state.tokens),
        ...this.discDates.futureInPast.flatMap((p) => findAll(p, state.tokens)),
      ];
      return future.some(
        (x) =>
          x.first > sp.last &&
          x.last < at &&
          (this.opensClause(state, sp.last + 1, x.first + 1) || this.thatDropped(state, sp, x.first)),
      );
    });
  }

  /**
   * English drops "that": "said the first joint patrols would take place in March" — a subject
   * of a few words, with no punctuation and no other verb, between the saying and the future.
   */
  thatDropped(state: SentenceState, sp: TriggerMatch, future: number): boolean {
    if (this.lang !== 'en' || future - sp.last > 7 || future - sp.last < 2) return false;
    const from = state.tokens[sp.last]!.end;
    const to = state.tokens[future]!.start;
    if (/[,;:«»“”„"()—–]/.test(this.input.text.slice(from, to))) return false;
    return !state.matches.some((x) => x !== sp && x.first > sp.last && x.first < future);
  }

  /** The year rule applied with the reading readDateAs chose, and the rule that chose it. */
  resolveFound(state: SentenceState, d: DateExpression, status: EventStatus): DateExpression {
    const { as, rule } = this.readDateAs(state, d, status);
    const resolved = resolveForStatus(d, as, this.input.publishedAt);
    // The rule is named even when the sentence's tense had already given the same year.
    if (!rule) return resolved;
    return { ...resolved, evidence: [...resolved.evidence, { rule, detail: as }] };
  }

  /**
   * The date of a sentence's saying ("zapowiedział w piątek", "told reporters on Thursday"): the
   * date nearest a verb of saying, read as past; a saying is never after publication.
   */
  sayingDate(state: SentenceState, speeches: TriggerMatch[]): DraftDate | undefined {
    for (const sp of speeches) {
      const d = this.nearestDate(state, sp);
      if (!d || !this.isSayingDate(state, sp, d)) continue;
      const past = resolveForStatus(d, 'ASSERTED', this.input.publishedAt);
      if (past.latest > this.input.publishedAt) continue;
      return this.dateFromExpression(past, 'date.in-sentence', past.confidence);
    }
    return undefined;
  }

  /**
   * Events whose own clause gives no date (docs/extraction.md, "Dates"), in text order: the
   * same speaker's last saying, the date "the same day" points back to, an occasion dated
   * before, the day the paragraph's lead states; otherwise an honest interval. Each inference
   * names its rule and is less sure than a stated date.
   */
  dateUndated(
    events: EventDraftState[],
    speakerDates: Map<string, DraftDate>,
    sayings: Map<number, { speakerId?: string; date: DraftDate }>,
  ): void {
    const published = this.input.publishedAt;
    /** The dates the text states for events and sayings, in text order: what later sentences point back to. */
    const anchors: Anchor[] = [];
    // Sayings are met in text order, also those of sentences without events of their own
    // ("Об этом сегодня сообщила …").
    const pending = [...sayings.keys()].sort((a, b) => a - b);
    for (const ev of events) {
      const index = ev.sentenceIndex;
      const state = this.states[index]!;
      const said = sayings.get(index);
      while (pending.length && pending[0]! <= index) {
        const at = pending.shift()!;
        const saying = sayings.get(at)!;
        if (saying.speakerId) speakerDates.set(saying.speakerId, saying.date);
        anchors.push({
          sentence: at,
          date: saying.date,
          planned: false,
          derived: false,
          sources: saying.speakerId ? [saying.speakerId] : [],
        });
      }
      const speakerId =
        ev.speaker?.mention.actorId ?? ev.event.roles.find((r) => r.role === 'SPEAKER')?.actorId;
      if (ev.event.date) {
        const date = ev.event.date;
        anchors.push({
          sentence: index,
          date,
          planned: ev.event.status === 'PLANNED' || date.earliest > published,
          derived: false,
          code: ev.event.cameoCode,
          sources: sourcesOf(ev.event),
        });
        // Only a date that dates the speaking carries over to what the same speaker says next:
        // the speech verb's own sentence, or "Cela a été annoncé le …". A date inside a quotation
        // ("Fin janvier, la Russie a reçu …") dates what is reported, not when it was said, and
        // a saying is never after publication.
        const speechDate =
          date.evidence[0]?.rule === 'date.announced' ||
          !ev.speaker ||
          ![
            'role.speaker.quote',
            'role.speaker.anaphora',
            'role.speaker.attribution',
            'role.speaker.announced',
          ].includes(ev.speaker.via.rule);
        const notAfter = date.latest <= published;
        if (speakerId && date.text && speechDate && notAfter && !said) speakerDates.set(speakerId, date);
        continue;
      }
      const derived =
        this.coordinatedDate(ev, state, events) ??
        this.inheritedDate(ev, speakerId, speakerDates) ??
        this.discourseDate(ev, state, anchors);
      if (derived)
        anchors.push({
          sentence: index,
          date: derived,
          planned: derived.earliest > published,
          derived: true,
          sources: sourcesOf(ev.event),
        });
      ev.event.date = derived ?? this.undated(ev.event.status, state, ev.match.trigger.frame === 'SPEECH');
    }
  }

  /**
   * "nazwała w środę … i zarzuciła …", "a salué vendredi « … » et appelé …": a verb coordinated
   * to a verb of the same sentence whose clause states a date shares its subject and its time.
   */
  coordinatedDate(
    ev: EventDraftState,
    state: SentenceState,
    events: EventDraftState[],
  ): DraftDate | undefined {
    if (ev.match.trigger.pos === 'NOUN') return undefined;
    const joined = this.disc.coordination.some((p) =>
      findAll(p, state.tokens).some((x) => x.last === ev.match.first - 1),
    );
    if (!joined) return undefined;
    const happened = (s: EventStatus) => s === 'ASSERTED' || s === 'NEGATED';
    const first = events
      .filter(
        (e) =>
          e.sentenceIndex === ev.sentenceIndex &&
          e.match.last < ev.match.first &&
          e.match.trigger.pos !== 'NOUN' &&
          e.event.date?.evidence[0]?.rule === 'date.in-sentence' &&
          happened(e.event.status) === happened(ev.event.status),
      )
      .at(-1);
    const date = first?.event.date;
    if (!first || !date) return undefined;
    // Another verb between them opens another clause, with its own subject.
    const between = state.matches.some(
      (x) => x.trigger.pos !== 'NOUN' && x.first > first.match.last && x.last < ev.match.first,
    );
    if (between) return undefined;
    return this.carried(date, 'date.coordinated', 'the date of the verb it is coordinated to', 0.1);
  }

  /** Derived from `from`, with the rule that carried it here first and less confidence. */
  carried(from: DraftDate, rule: string, detail: string, loss: number): DraftDate {
    return {
      ...from,
      confidence: clamp(from.confidence - loss),
      evidence: [{ rule, detail }, ...from.evidence],
    };
  }

  /**
   * What a speaker says takes the day of the saying, and so does what the sentence of the
   * saying reports; what a quotation reports they did ("В Женеве мы передали …") may be older,
   * so it is not dated by the speech.
   */
  inheritedDate(
    ev: EventDraftState,
    speakerId: string | undefined,
    speakerDates: Map<string, DraftDate>,
  ): DraftDate | undefined {
    // "Według rzecznika ambasador odmówił …": what a speaker reports someone did in the past
    // happened when it happened, not when it was reported.
    const state = this.states[ev.sentenceIndex]!;
    const reportedAct =
      (ev.event.status === 'ASSERTED' || ev.event.status === 'NEGATED') &&
      state.tense === 'PAST' &&
      this.disc.attribution.some((p) => findAll(p, state.tokens).length > 0);
    // A plan or a hypothesis voiced for a state or a body ("a senior diplomat said … could") is
    // not dated by what that state did earlier: many people speak for it.
    const kind = speakerId ? this.actorById.get(speakerId)?.kind : undefined;
    const voiceOfBody =
      (ev.event.status === 'PLANNED' || ev.event.status === 'HYPOTHETICAL') && !!kind && kind !== 'PERSON';
    // "said on Wednesday that China had lodged …": the past perfect puts the act before the saying.
    const before = this.isPluperfect(state, ev.match);
    const inherited =
      speakerId &&
      !reportedAct &&
      !voiceOfBody &&
      !before &&
      (isVerbal(ev.event.cameoCode) || ev.speechInSentence)
        ? speakerDates.get(speakerId)
        : undefined;
    return inherited
      ? this.carried(inherited, 'date.inherited', 'the date the text gives the same speaker', 0.15)
      : undefined;
  }

  /** The trigger's own verb is in the past perfect ("had lodged", "avait critiqué", "hatte … verhängt"). */
  isPluperfect(state: SentenceState, m: TriggerMatch): boolean {
    return this.disc.pluperfect.some((p) =>
      findAll(p, state.tokens).some((x) => x.first <= m.last && x.last >= m.first - 1),
    );
  }

  /** "then", an occasion dated before, or the day of the paragraph's lead. */
  discourseDate(ev: EventDraftState, state: SentenceState, anchors: Anchor[]): DraftDate | undefined {
    const before = anchors.filter((a) => a.sentence < ev.sentenceIndex);
    const has = (list: CompiledPattern[]) => list.some((p) => findAll(p, state.tokens).length > 0);
    const singleDay = (d: DraftDate) => d.precision === 'DAY' && d.earliest === d.latest;
    const happened = ev.event.status !== 'PLANNED' && ev.event.status !== 'HYPOTHETICAL';
    // "ostrzegł wówczas, że jeśli …, Rosja może …": the pointer dates the saying, and so the
    // hypothesis it voices.
    const saidThen =
      ev.event.status === 'HYPOTHETICAL' &&
      this.discDates.pointBack.some((p) =>
        findAll(p, state.tokens).some((x) =>
          state.matches.some(
            (sp) =>
              sp.trigger.frame === 'SPEECH' &&
              sp.trigger.pos !== 'NOUN' &&
              (x.first === sp.last + 1 || x.last === sp.first - 1),
          ),
        ),
      );
    if ((happened || saidThen) && has(this.discDates.pointBack)) {
      // Only the sentence just before: "then" points to what was last said, not further back.
      const last = before.at(-1);
      if (last && last.sentence === ev.sentenceIndex - 1)
        return this.carried(last.date, 'date.then', 'the date the text gave just before', 0.2);
    }
    {
      const occasion = this.discDates.occasions.flatMap((p) => findAll(p, state.tokens))[0];
      if (occasion) {
        // "— сказал … журналистам по окончании встречи": the occasion of a saying is past,
        // whatever the quotation says will happen.
        const ofSaying = state.matches.some(
          (sp) =>
            sp.trigger.frame === 'SPEECH' &&
            sp.trigger.pos !== 'NOUN' &&
            Math.min(Math.abs(occasion.first - sp.last), Math.abs(sp.first - occasion.last)) <=
              SAYING_WINDOW + 2,
        );
        const planned = state.tense === 'FUTURE' && !ofSaying;
        // The occasion named again ("des Treffens" … "bei dem Treffen"): the date given it there;
        // else the last day the text stated for what happened, or for what is planned.
        const stem = state.tokens[occasion.last]!.folded.slice(0, OCCASION_STEM);
        const named = [...before]
          .reverse()
          .find(
            (a) =>
              a.planned === planned &&
              singleDay(a.date) &&
              this.states[a.sentence]!.tokens.some((t) => t.folded.startsWith(stem)),
          );
        // Else the last meeting, visit or call the text dated (CAMEO 04), else the lead's day.
        const stated = before.filter((a) => !a.derived && a.planned === planned && singleDay(a.date));
        const meeting = [...stated].reverse().find((a) => a.code?.startsWith('04'));
        const last = named ?? meeting ?? stated[0];
        if (last)
          return this.carried(
            last.date,
            'date.occasion',
            'the occasion the sentence names was dated before',
            0.2,
          );
      }
    }
    const background =
      this.disc.pluperfect.some((p) => findAll(p, state.tokens).length > 0) || has(this.discDates.background);
    if (!happened || state.tense !== 'PAST' || background) return undefined;
    const lead = this.states.findIndex((s) => s.line === state.line);
    if (lead === ev.sentenceIndex) return undefined;
    // The same actor goes on ("He thanked …"), or the sentence names no other one.
    const sources = sourcesOf(ev.event);
    const leadDate = before.find(
      (a) =>
        a.sentence === lead &&
        !a.derived &&
        !a.planned &&
        singleDay(a.date) &&
        (sources.length === 0 || sources.some((x) => a.sources.includes(x))),
    );
    if (leadDate)
      return this.carried(
        leadDate.date,
        'date.paragraph',
        "the day the paragraph's lead sentence states",
        0.2,
      );
    // The text has stated one day only for what happened: the news of that day. A past act takes
    // it when it shares a source with an event of that day, or when nobody new speaks in its
    // sentence and it is no saying (reactions and statements are dated by their own words).
    const days = before.filter((a) => !a.derived && !a.planned && singleDay(a.date));
    if (days.length && new Set(days.map((a) => a.date.earliest)).size === 1) {
      const shared = days.some((a) => sources.some((x) => a.sources.includes(x)));
      const quiet =
        !ev.speaker && !state.matches.some((x) => x.trigger.frame === 'SPEECH' && x.trigger.pos !== 'NOUN');
      if (shared || (quiet && !isVerbal(ev.event.cameoCode)))
        return this.carried(
          days[0]!.date,
          'date.news-day',
          'the only day the text states for what happened',
          0.25,
        );
    }
    return undefined;
  }

  assemble(states: EventDraftState[]): Draft {
    const { text } = this.input;
    // Metonyms count only where they fill a role that matters.
    const roleMentions = new Set<string>();
    for (const s of states) {
      s.event.roles = s.event.roles.filter((r) => {
        const m = r.mention;
        const actor = this.actorById.get(r.actorId);
        const metonym = actor?.mentions.find((x) => m && x.start === m.start && x.via === 'METONYM');
        if (metonym && r.role === 'SUBJECT') return false;
        if (m) roleMentions.add(`${m.start}:${m.end}`);
        return true;
      });
    }
    // An actor stays when a mention of it stays, or an event or a fact names it (a state
    // implied by its official, a body a title implies).
    const named = new Set<string>();
    for (const s of states) for (const r of s.event.roles) named.add(r.actorId);
    for (const f of this.facts) {
      named.add(f.subjectId);
      named.add(f.objectId);
    }
    const actors: DraftActor[] = [];
    for (const a of this.actorById.values()) {
      const mentions = a.mentions.filter(
        (m) => m.via !== 'METONYM' || roleMentions.has(`${m.start}:${m.end}`),
      );
      if (mentions.length || named.has(a.id)) actors.push({ ...a, mentions });
    }
    return buildBundle({
      input: this.input,
      engine: ENGINE_NAME,
      sentences: this.states.map((s) => s.sentence),
      actors,
      facts: this.facts,
      events: states.map((s) => ({ ...s.event, date: s.event.date!, summaryOf: s.match.trigger.summary })),
      warnings: this.warnings,
      articleKey: hashOf(
        `${this.input.publisher ?? ''}|${this.input.title ?? ''}|${this.input.publishedAt}|${text.slice(0, 2000)}`,
      ),
      slug,
    });
  }
}

/** The longest stretch read as one sentence: a text without full stops is read in pieces. */
export const MAX_SENTENCE = 1_000;

/**
 * Sentences longer than MAX_SENTENCE cut at their last comma, semicolon or space before it:
 * the rules look a few words around each trigger, and a pasted text without punctuation must
 * cost in proportion to its length, not to its square.
 */
export function capSentences(text: string, sentences: Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    let start = s.start;
    while (s.end - start > MAX_SENTENCE) {
      const window = text.slice(start, start + MAX_SENTENCE);
      const cut = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf(' '));
      let end = cut > MAX_SENTENCE / 2 ? start + cut + 1 : start + MAX_SENTENCE;
      // Never between the halves of a surrogate pair.
      if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end++;
      const piece = text.slice(start, end);
      const lead = piece.length - piece.trimStart().length;
      const trail = piece.length - piece.trimEnd().length;
      if (end - trail > start + lead)
        out.push({ index: 0, start: start + lead, end: end - trail, quote: piece.trim() });
      start = end;
      while (start < s.end && /\s/.test(text[start]!)) start++;
    }
    if (s.end > start) out.push({ index: 0, start, end: s.end, quote: text.slice(start, s.end) });
  }
  return out.map((x, index) => ({ ...x, index }));
}

/** A confident role of who does or says it, not of the state of the one it is done to. */
function isConfidentSource(r: DraftRole): boolean {
  return (r.role === 'ACTOR' || r.role === 'SPEAKER' || r.role === 'HOST') && r.confidence >= 0.5;
}

/** The actors an event's confident source roles name. */
function sourcesOf(event: { roles: DraftRole[] }): string[] {
  return event.roles
    .filter((r) => (r.role === 'ACTOR' || r.role === 'SPEAKER') && r.confidence >= 0.5)
    .map((r) => r.actorId);
}

/** Denials and accusations (CAMEO 016, 112): what follows them in their clause is what is claimed. */
export function isClaimVerb(code: string): boolean {
  return code.startsWith('016') || code.startsWith('112');
}

/** A verb of saying whose code names an act of its own (CAMEO 011–019, a warning 13x), not a plain statement. */
export function isActOfSaying(code: string): boolean {
  return code !== '010' && (code.startsWith('01') || code.startsWith('13'));
}

/**
 * Verbal acts: statements, appeals, intentions, praise and defence, demands, disapproval,
 * rejection, threats (CAMEO 01, 02, 03, 051–053, 10–13). Saying them is doing them.
 */
export function isVerbal(code: string): boolean {
  const root = code.slice(0, 2);
  return (
    ['01', '02', '03', '10', '11', '12', '13'].includes(root) ||
    ['051', '052', '053'].includes(code.slice(0, 3))
  );
}

/**
 * A line on its own (blank line or text edge on both sides, or a single line break) with no
 * sentence punctuation at its end: a title, a headline, a dateline or a caption.
 */
export function isHeadline(text: string, s: Sentence): boolean {
  if (isInTitleLine(text, s)) return true;
  if (s.quote.length > 200 || s.quote.includes('\n')) return false;
  if (/[.!?…»”"“:;,]$/u.test(s.quote)) return false;
  const before = text.slice(Math.max(0, s.start - 2), s.start);
  const after = text.slice(s.end, s.end + 2);
  const lineStart = s.start === 0 || before.endsWith('\n');
  const lineEnd = s.end >= text.trimEnd().length || after.startsWith('\n');
  return lineStart && lineEnd;
}

/**
 * "X wydala Y. Kreml zapowiada odwet": a title may hold a full stop, so the sentence splitter
 * cuts it in two. The text's first line is a title when it ends without sentence punctuation
 * and a blank line or a dateline ("WARSZAWA (PAP) –", "TALLINN, Jan 24 –") follows it.
 */
function isInTitleLine(text: string, s: Sentence): boolean {
  const start = text.length - text.trimStart().length;
  const newline = text.indexOf('\n', start);
  if (newline < 0 || s.start < start || s.end > newline) return false;
  const line = text.slice(start, newline).trimEnd();
  if (line.length > 200 || /[.!?…»”"“:;,]$/u.test(line)) return false;
  const rest = text.slice(newline + 1);
  const blank = /^[^\S\n]*\n/.test(rest);
  const dateline = /^\s*[\p{Lu}][\p{Lu}\p{M}\s./'’-]*(,|\s\(|\s[–—-])/u.test(rest);
  return blank || dateline;
}

function dedupeRoles(roles: DraftRole[]): DraftRole[] {
  const seen = new Map<string, DraftRole>();
  for (const r of roles) {
    const key = `${r.actorId}|${r.role}`;
    const prev = seen.get(key);
    if (!prev || prev.confidence < r.confidence) seen.set(key, r);
  }
  // One actor, one role: the most confident.
  const byActor = new Map<string, DraftRole>();
  for (const r of seen.values()) {
    const prev = byActor.get(r.actorId);
    if (!prev || prev.confidence < r.confidence) byActor.set(r.actorId, r);
  }
  return [...byActor.values()];
}

export const rulesEngine: ExtractionEngine = {
  name: ENGINE_NAME,
  extract(input, resources): Draft {
    // The caller settles the language (metadata, or text/language.ts): detection loads a model
    // of its own, and the engine stays a function of what it is given.
    if (!input.language || input.language === 'auto') {
      throw new Error('rulesEngine.extract needs the article language; resolve "auto" before calling it');
    }
    return new RulesRun({ ...input, language: input.language }, resources).run();
  },
};
