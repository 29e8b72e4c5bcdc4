// Every operation the explorer sends, with the shapes it reads back (schema/schema.graphql).

export type Role =
  | 'ACTOR'
  | 'ADDRESSEE'
  | 'HOST'
  | 'ON_BEHALF_OF'
  | 'PARTICIPANT'
  | 'RECIPIENT'
  | 'SPEAKER'
  | 'SUBJECT';

export interface ActorRef {
  id: string;
  name: string;
  kind: string;
}

export interface ArticleRef {
  id: string;
  title: string;
  publisher: string;
  publishedAt: string;
  url: string | null;
}

export interface Mention {
  id: string;
  quote: string;
  start: number;
  end: number;
  article: ArticleRef;
}

export interface EventDate {
  earliest: string;
  latest: string;
  precision: 'DAY' | 'MONTH' | 'YEAR';
  qualifier: 'EARLY' | 'MID' | 'LATE' | 'APPROX' | null;
  text: string | null;
}

export interface EventType {
  code: string;
  name: string;
  goldstein: number;
  quadClass: number;
  quadClassName: string;
}

export interface EventRow {
  id: string;
  summary: string;
  status: string;
  date: EventDate;
  type: EventType;
}

export interface Fact {
  id: string;
  type: 'MEMBER_OF' | 'PART_OF' | 'HOLDS_POSITION';
  title: string | null;
  since: string | null;
  until: string | null;
  sources: string[];
  subject: ActorRef;
  object: ActorRef;
  mentions: Mention[];
}

export interface TimeBucket {
  start: string;
  end: string;
  count: number;
  exactCount: number;
  goldsteinSum: number;
  goldsteinAverage: number | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface EventPage {
  totalCount: number;
  pageInfo: PageInfo;
  nodes: EventRow[];
}

const ACTOR_REF = 'id name kind';
const ARTICLE_REF = 'id title publisher publishedAt url';
const MENTION = `id quote start end article { ${ARTICLE_REF} }`;
const EVENT_ROW = `id summary status date { earliest latest precision qualifier text }
  type { code name goldstein quadClass quadClassName }`;
const FACT = `id type title since until sources subject { ${ACTOR_REF} } object { ${ACTOR_REF} } mentions { ${MENTION} }`;
const BUCKET = 'start end count exactCount goldsteinSum goldsteinAverage';

export interface SearchHit {
  score: number;
  node: ActorRef & { aliases: string[] };
}

export const SEARCH = `query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) { score node { ${ACTOR_REF} aliases } }
}`;

export interface ActorName {
  actor: ActorRef | null;
}

export const ACTOR_NAME = `query ActorName($id: ID!) { actor(id: $id) { ${ACTOR_REF} } }`;

export interface ActorPage {
  actor:
    | (ActorRef & {
        aliases: string[];
        wikidataId: string | null;
        countryCode: string | null;
        memberships: Fact[];
        members: Fact[];
        partOf: Fact[];
        parts: Fact[];
        positions: Fact[];
        positionHolders: Fact[];
      })
    | null;
}

export const ACTOR = `query Actor($id: ID!) {
  actor(id: $id) {
    ${ACTOR_REF} aliases wikidataId countryCode
    memberships { ${FACT} }
    members { ${FACT} }
    partOf { ${FACT} }
    parts { ${FACT} }
    positions { ${FACT} }
    positionHolders { ${FACT} }
  }
}`;

export interface ActorActivity {
  eventHistogram: TimeBucket[];
  eventCountsByQuadClass: { quadClass: number; name: string; count: number }[];
}

export const ACTOR_ACTIVITY = `query ActorActivity($id: ID!) {
  eventHistogram(filter: { actorId: $id }, interval: MONTH) { ${BUCKET} }
  eventCountsByQuadClass(filter: { actorId: $id }) { quadClass name count }
}`;

export interface ActorEvents {
  actor: {
    events: EventPage & { nodes: (EventRow & { participants: { role: Role; actor: { id: string } }[] })[] };
  } | null;
}

export const ACTOR_EVENTS = `query ActorEvents($id: ID!, $after: String) {
  actor(id: $id) {
    id
    events(first: 20, order: DESC, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { ${EVENT_ROW} participants { role actor { id name } } }
    }
  }
}`;

export interface GraphNode {
  id: string;
  type: 'ACTOR' | 'EVENT';
  label: string;
  depth: number;
  weight: number;
  actor: { kind: string } | null;
  event: { summary: string; type: { quadClass: number; goldstein: number } } | null;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  role: Role | null;
}

export interface Neighborhood {
  neighborhood: { center: string; truncated: boolean; nodes: GraphNode[]; edges: GraphEdge[] };
}

export const NEIGHBORHOOD = `query Neighborhood($id: ID!, $limit: Int) {
  neighborhood(actorId: $id, depth: 1, limit: $limit) {
    center truncated
    nodes { id type label depth weight actor { kind } event { summary type { quadClass goldstein } } }
    edges { id source target type role }
  }
}`;

export interface EventParticipants {
  event: { id: string; participants: { role: Role; actor: ActorRef }[] } | null;
}

export const EVENT_PARTICIPANTS = `query EventParticipants($id: ID!) {
  event(id: $id) { id participants { role actor { ${ACTOR_REF} } } }
}`;

export interface EventLink {
  id: string;
  summary: string;
  date: { earliest: string };
}

export interface EventPageData {
  event:
    | (EventRow & {
        cameoCode: string;
        sourceCount: number;
        mentionCount: number;
        type: EventType & { description: string | null; parent: { code: string; name: string } | null };
        participants: { role: Role; actor: ActorRef }[];
        documents: {
          id: string;
          kind: string;
          title: string;
          authoredBy: ActorRef[];
          addressedTo: ActorRef[];
        }[];
        mentions: (Mention & { confidence: number; article: ArticleRef & { language: string } })[];
        respondsTo: EventLink[];
        responses: EventLink[];
        partOf: EventLink[];
        parts: EventLink[];
        followsUp: EventLink[];
        followedBy: EventLink[];
      })
    | null;
}

const EVENT_LINK = 'id summary date { earliest }';

export const EVENT = `query Event($id: ID!) {
  event(id: $id) {
    ${EVENT_ROW} cameoCode sourceCount mentionCount
    type { description parent { code name } }
    participants { role actor { ${ACTOR_REF} } }
    documents { id kind title authoredBy { ${ACTOR_REF} } addressedTo { ${ACTOR_REF} } }
    mentions { ${MENTION} confidence article { language } }
    respondsTo { ${EVENT_LINK} } responses { ${EVENT_LINK} }
    partOf { ${EVENT_LINK} } parts { ${EVENT_LINK} }
    followsUp { ${EVENT_LINK} } followedBy { ${EVENT_LINK} }
  }
}`;

export interface ArticlePage {
  article:
    | (ArticleRef & {
        language: string;
        text: string;
        mentions: {
          id: string;
          quote: string;
          start: number;
          end: number;
          event: { id: string; summary: string } | null;
        }[];
      })
    | null;
}

export const ARTICLE = `query Article($id: ID!) {
  article(id: $id) {
    ${ARTICLE_REF} language text
    mentions { id quote start end event { id summary } }
  }
}`;

export interface PathHop {
  kind: 'EVENT' | 'MEMBER_OF' | 'PART_OF' | 'HOLDS_POSITION';
  from: ActorRef;
  to: ActorRef;
  fromRole: Role | null;
  toRole: Role | null;
  event: (EventRow & { type: EventType }) | null;
  fact: {
    id: string;
    type: Fact['type'];
    title: string | null;
    sources: string[];
    subject: ActorRef;
    object: ActorRef;
  } | null;
  evidence: Mention[];
}

export interface PathsData {
  paths: { length: number; actors: ActorRef[]; hops: PathHop[] }[];
}

export const PATHS = `query Paths($from: ID!, $to: ID!, $k: Int, $maxHops: Int) {
  paths(from: $from, to: $to, k: $k, maxHops: $maxHops) {
    length
    actors { ${ACTOR_REF} }
    hops {
      kind fromRole toRole
      from { ${ACTOR_REF} } to { ${ACTOR_REF} }
      event { ${EVENT_ROW} }
      fact { id type title sources subject { ${ACTOR_REF} } object { ${ACTOR_REF} } }
      evidence { ${MENTION} }
    }
  }
}`;

export interface RelationData {
  relation: {
    a: ActorRef;
    b: ActorRef;
    sharedEventCount: number;
    first: string | null;
    last: string | null;
    goldsteinAverage: number | null;
    countsByType: { count: number; type: EventType }[];
    timeline: TimeBucket[];
    events: EventPage;
  };
}

export const RELATION = `query Relation($a: ID!, $b: ID!, $interval: Interval) {
  relation(a: $a, b: $b, interval: $interval) {
    a { ${ACTOR_REF} } b { ${ACTOR_REF} }
    sharedEventCount first last goldsteinAverage
    countsByType { count type { code name goldstein quadClass quadClassName } }
    timeline { ${BUCKET} }
    events(first: 20) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { ${EVENT_ROW} }
    }
  }
}`;

export interface RelationEvents {
  relation: { events: EventPage };
}

export const RELATION_EVENTS = `query RelationEvents($a: ID!, $b: ID!, $after: String) {
  relation(a: $a, b: $b) {
    events(first: 20, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${EVENT_ROW} } }
  }
}`;

export interface HomeData {
  topActors: { rank: number; events: number; partners: number; actor: ActorRef }[];
  articles: { nodes: ArticleRef[] };
  eventHistogram: TimeBucket[];
  eventCountsByType: { count: number; type: EventType }[];
}

/** The home page in one request: one response-cache entry, one round trip (bench "dashboard set"). */
export const HOME = `query Home {
  topActors(by: EVENTS, first: 10) { rank events partners actor { ${ACTOR_REF} } }
  articles(first: 5) { nodes { ${ARTICLE_REF} } }
  eventHistogram(interval: MONTH) { ${BUCKET} }
  eventCountsByType(level: 1) { count goldsteinSum type { code name goldstein quadClass quadClassName } }
}`;

// Extraction and ingest: editor operations (docs/extraction.md). The draft's shapes mirror
// ExtractionDraft in the schema; the bundle is JSON, read as web/src/review.ts describes it.

export type ExtractionLanguage = 'AUTO' | 'FR' | 'EN' | 'RU' | 'DE' | 'PL';

export interface TextSpan {
  start: number;
  end: number;
  quote: string;
}

export interface ExtractionEvidence {
  rule: string;
  entry: string | null;
  detail: string | null;
}

export interface ExtractionWarning {
  code: string;
  message: string;
}

interface Scored {
  confidence: number;
  evidence: ExtractionEvidence[];
  warnings: ExtractionWarning[];
}

export interface DraftActorMention extends TextSpan {
  sentence: number;
  via: string;
  confidence: number;
}

export interface DraftActor extends Scored {
  id: string;
  name: string;
  kind: string;
  status: 'LINKED' | 'NEW';
  countryCode: string | null;
  newAliases: string[];
  mentions: DraftActorMention[];
}

export interface DraftRole extends Scored {
  actorId: string;
  role: Role;
  mention: TextSpan | null;
}

export interface DraftDate extends Scored {
  earliest: string;
  latest: string;
  precision: EventDate['precision'];
  qualifier: EventDate['qualifier'];
  text: string | null;
  span: TextSpan | null;
  sentence: number | null;
}

export interface DraftEvent extends Scored {
  id: string;
  cameoCode: string;
  cameoName: string | null;
  status: string;
  summary: string;
  sentence: number;
  trigger: TextSpan;
  mention: TextSpan;
  roles: DraftRole[];
  date: DraftDate;
}

export interface DraftFact extends Scored {
  type: Fact['type'];
  subjectId: string;
  objectId: string;
  title: string | null;
  mention: TextSpan;
  sentence: number;
}

export interface ExtractionDraft {
  engine: string;
  language: string;
  languageSource: string;
  languageConfidence: number;
  bundle: unknown;
  sentences: TextSpan[];
  actors: DraftActor[];
  events: DraftEvent[];
  facts: DraftFact[];
  warnings: ExtractionWarning[];
}

const SPAN = 'start end quote';
const SCORED = 'confidence evidence { rule entry detail } warnings { code message }';

export const EXTRACT_ARTICLE = `query ExtractArticle($input: ExtractArticleInput!) {
  extractArticle(input: $input) {
    engine language languageSource languageConfidence bundle
    sentences { ${SPAN} }
    warnings { code message }
    actors {
      id name kind status countryCode newAliases ${SCORED}
      mentions { ${SPAN} sentence via confidence }
    }
    events {
      id cameoCode cameoName status summary sentence ${SCORED}
      trigger { ${SPAN} } mention { ${SPAN} }
      roles { actorId role mention { ${SPAN} } ${SCORED} }
      date { earliest latest precision qualifier text sentence span { ${SPAN} } ${SCORED} }
    }
    facts { type subjectId objectId title sentence mention { ${SPAN} } ${SCORED} }
  }
}`;

export interface IngestResult {
  ingestArticle: {
    articleId: string;
    outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED';
    nodesCreated: number;
    relationshipsCreated: number;
  };
}

export const INGEST_ARTICLE = `mutation IngestArticle($bundle: JSON!) {
  ingestArticle(bundle: $bundle) { articleId outcome nodesCreated relationshipsCreated }
}`;
