import type { BundleInput } from '../ingest/bundle.ts';

/**
 * The contract of extraction: what goes into an engine and what comes out. An engine is a pure
 * function of its input and resources: no clock, no network, no database. The rules engine
 * (rules/) is the first; a second one (an LLM behind an OpenAI-compatible endpoint, say) would
 * implement the same interface and be held to the same checks (draft-checks.ts).
 */

export const LANGUAGES = ['fr', 'en', 'ru', 'de', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Precision = 'DAY' | 'MONTH' | 'YEAR';
export type Qualifier = 'EARLY' | 'MID' | 'LATE' | 'APPROX';
export type Role =
  | 'ACTOR'
  | 'RECIPIENT'
  | 'SPEAKER'
  | 'ADDRESSEE'
  | 'SUBJECT'
  | 'HOST'
  | 'PARTICIPANT'
  | 'ON_BEHALF_OF';
export type EventStatus = 'ASSERTED' | 'PLANNED' | 'HYPOTHETICAL' | 'NEGATED';
export type ActorKind =
  | 'COUNTRY'
  | 'ALLIANCE'
  | 'IGO'
  | 'GOVERNMENT_BODY'
  | 'THINK_TANK'
  | 'PERSON'
  | 'GROUP'
  | 'MEDIA'
  | 'NGO'
  | 'COMPANY';

/** What the caller gives. `text` is already checked (see input.ts): no NUL, no lone surrogate. */
export interface ExtractionInput {
  text: string;
  /** YYYY-MM-DD; relative dates resolve against it. */
  publishedAt: string;
  /** The article's metadata; undefined or 'auto' means detect. */
  language?: Language | 'auto';
  url?: string | null;
  title?: string | null;
  publisher?: string | null;
}

/** A stretch of the text: `text.slice(start, end) === quote`, UTF-16 offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
  quote: string;
}

export interface Sentence extends Span {
  index: number;
}

/** Why an item is in the draft: the rule that fired and the lexicon entry it used, if any. */
export interface Evidence {
  /** A stable rule name, e.g. "actor.gazetteer.alias", "trigger.lexicon", "date.chrono". */
  rule: string;
  /** `<lang>/<file>#<entry id>` for a lexicon entry, or the gazetteer source. */
  entry?: string;
  detail?: string;
}

/** Something the editor should look at; `code` is stable (UPPER_SNAKE). */
export interface DraftWarning {
  code: string;
  message: string;
}

export interface Scored {
  /** 0..1. */
  confidence: number;
  evidence: Evidence[];
  warnings: DraftWarning[];
}

/** One place the text names an actor. */
export interface ActorMention extends Span, Scored {
  /** The sentence index. */
  sentence: number;
  /** How it was recognised. */
  via: 'NAME' | 'ALIAS' | 'METONYM' | 'DEMONYM' | 'TITLE_AND_NAME' | 'PATTERN' | 'ANAPHORA';
  /** The grammatical case when the inflection tells it (ru, pl, de): the instrumental marks an agent. */
  grammaticalCase?: 'NOM' | 'GEN' | 'DAT' | 'ACC' | 'INS' | 'LOC' | 'VOC' | null;
  /** The id of the actor this mention names. */
  actorId: string;
}

export interface DraftActor extends Scored {
  id: string;
  name: string;
  kind: ActorKind;
  /** LINKED: already in the graph (the bundle references it by id); NEW: the bundle defines it. */
  status: 'LINKED' | 'NEW';
  countryCode?: string | null;
  /**
   * The state this actor acts for, when known (a minister's country, a ministry's): the id of a
   * COUNTRY actor. An official's events get that state as ON_BEHALF_OF.
   */
  actsFor?: string | null;
  /** Surface forms the text uses that the graph does not know yet (for NEW: all of them). */
  newAliases: string[];
  mentions: ActorMention[];
}

export interface DraftRole extends Scored {
  actorId: string;
  role: Role;
  /** The mention that fills the role, when there is one in the event's sentence. */
  mention?: Span | null;
}

export interface DraftDate extends Scored {
  earliest: string;
  latest: string;
  precision: Precision;
  qualifier: Qualifier | null;
  /** The article's own words for the date, or null when the text does not date the event. */
  text: string | null;
  /** Where those words are, or null. */
  span: Span | null;
  /** The sentence the words are in (may precede the event's sentence: an inherited date). */
  sentence: number | null;
}

export interface DraftEvent extends Scored {
  /** The same id as the bundle's event. */
  id: string;
  cameoCode: string;
  status: EventStatus;
  summary: string;
  sentence: number;
  /** The trigger words. */
  trigger: Span;
  /** The quote of the bundle's mention (the clause or sentence). */
  mention: Span;
  roles: DraftRole[];
  date: DraftDate;
}

export interface DraftFact extends Scored {
  type: 'MEMBER_OF' | 'PART_OF' | 'HOLDS_POSITION';
  subjectId: string;
  objectId: string;
  title: string | null;
  mention: Span;
  sentence: number;
}

export interface Draft {
  engine: string;
  language: Language;
  languageSource: 'METADATA' | 'DETECTED';
  languageConfidence: number;
  /** Valid against schema/bundle.schema.json; its events, actors and facts are the ones below. */
  bundle: BundleInput;
  sentences: Sentence[];
  actors: DraftActor[];
  events: DraftEvent[];
  facts: DraftFact[];
  warnings: DraftWarning[];
}
