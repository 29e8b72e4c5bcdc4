// The editor's review of an extraction draft, as data: what was accepted, rejected and edited,
// and the bundle that results. Pure functions, no DOM, so the rules are unit-tested on their own
// (tests/unit/web-review.test.ts) and the page only renders them.

import type { DraftEvent, DraftFact, EventDate, ExtractionDraft, Role } from './queries.ts';

export const ROLES: readonly Role[] = [
  'ACTOR',
  'RECIPIENT',
  'SPEAKER',
  'ADDRESSEE',
  'SUBJECT',
  'HOST',
  'PARTICIPANT',
  'ON_BEHALF_OF',
];
export const PRECISIONS: readonly EventDate['precision'][] = ['DAY', 'MONTH', 'YEAR'];
export const QUALIFIERS: readonly NonNullable<EventDate['qualifier']>[] = ['EARLY', 'MID', 'LATE', 'APPROX'];

/** Items at or below this confidence start rejected: the editor opts them in. */
export const ACCEPT_ABOVE = 0.5;

// The bundle as review reads and writes it (docs/bundle-format.md); the server validates the rest.
export interface BundleMention {
  quote: string;
  start: number;
  end: number;
  confidence: number;
}
export interface BundleActor {
  id: string;
  kind: string;
  name: string;
  aliases?: string[];
  [key: string]: unknown;
}
export interface BundleEvent {
  id: string;
  summary: string;
  cameoCode: string;
  status: string;
  date: {
    earliest: string;
    latest: string;
    precision: string;
    qualifier?: string | null;
    text?: string | null;
  };
  participants: { actorId: string; role: string }[];
  documents?: string[];
  mentions: BundleMention[];
}
export interface BundleDocument {
  id: string;
  authoredBy?: string[];
  addressedTo?: string[];
  [key: string]: unknown;
}
export interface BundleFact {
  type: string;
  subjectId: string;
  objectId: string;
  [key: string]: unknown;
}
export interface Bundle {
  bundleVersion: 1;
  article: { id: string; [key: string]: unknown };
  actors?: BundleActor[];
  documents?: BundleDocument[];
  events?: BundleEvent[];
  eventLinks?: { type: string; from: string; to: string }[];
  facts?: BundleFact[];
}

export interface DateEdit {
  earliest: string;
  latest: string;
  precision: string;
  qualifier: string | null;
}

export interface RoleDecision {
  accepted: boolean;
  role: Role;
}

export interface EventDecision {
  accepted: boolean;
  cameoCode: string;
  date: DateEdit;
  /** One per draft role, in the draft's order. */
  roles: RoleDecision[];
}

export interface ActorDecision {
  accepted: boolean;
  /**
   * The actor every mention of this draft actor resolves to: its own id unless the editor
   * linked it to another draft actor or to one found in the graph.
   */
  linkTo: { id: string; name: string };
}

export interface Decisions {
  /** By event id. */
  events: Record<string, EventDecision>;
  /** By draft actor id. */
  actors: Record<string, ActorDecision>;
  /** One per draft fact, in the draft's order. */
  facts: boolean[];
}

/** Something that keeps the bundle from being sent, with where it is. */
export interface ReviewIssue {
  where: string;
  message: string;
}

export interface Review {
  bundle: Bundle;
  /** What review removed that the editor did not reject by hand, in plain words. */
  notes: string[];
  issues: ReviewIssue[];
  /** The participants of the kept events, for the "see Belarus" links after ingest. */
  participants: { id: string; name: string }[];
}

const accepted = (confidence: number) => confidence > ACCEPT_ABOVE;

/** Where the review starts: the draft as the engine gave it, its confident items accepted. */
export function initialDecisions(draft: Pick<ExtractionDraft, 'actors' | 'events' | 'facts'>): Decisions {
  return {
    events: Object.fromEntries(
      draft.events.map((e) => [
        e.id,
        {
          accepted: accepted(e.confidence),
          cameoCode: e.cameoCode,
          date: {
            earliest: e.date.earliest,
            latest: e.date.latest,
            precision: e.date.precision,
            qualifier: e.date.qualifier,
          },
          roles: e.roles.map((r) => ({ accepted: accepted(r.confidence), role: r.role })),
        },
      ]),
    ),
    actors: Object.fromEntries(
      draft.actors.map((a) => [
        a.id,
        { accepted: accepted(a.confidence), linkTo: { id: a.id, name: a.name } },
      ]),
    ),
    facts: draft.facts.map((f) => accepted(f.confidence)),
  };
}

const CAMEO = /^\d{2,4}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isCameoCode(code: string): boolean {
  return CAMEO.test(code);
}

/** A real calendar day written YYYY-MM-DD (2022-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** What is wrong with an edited date, or nothing. */
export function dateIssues(d: DateEdit): string[] {
  const out: string[] = [];
  if (!isIsoDate(d.earliest)) out.push('the earliest date is not a YYYY-MM-DD day');
  if (!isIsoDate(d.latest)) out.push('the latest date is not a YYYY-MM-DD day');
  if (isIsoDate(d.earliest) && isIsoDate(d.latest) && d.earliest > d.latest)
    out.push('the earliest date is after the latest');
  if (!(PRECISIONS as readonly string[]).includes(d.precision))
    out.push(`unknown precision “${d.precision}”`);
  if (d.qualifier !== null && !(QUALIFIERS as readonly string[]).includes(d.qualifier))
    out.push(`unknown qualifier “${d.qualifier}”`);
  return out;
}

function actorName(draft: Pick<ExtractionDraft, 'actors'>, decisions: Decisions, id: string): string {
  const linked = Object.values(decisions.actors).find((d) => d.linkTo.id === id);
  return draft.actors.find((a) => a.id === id)?.name ?? linked?.linkTo.name ?? id;
}

/**
 * Turns the draft and the editor's decisions into the bundle to ingest. Rejected events, roles
 * and facts go; a rejected actor takes its roles and facts with it; an event left with no
 * participant goes, and so do the facts, documents, event links and actor definitions nothing
 * kept uses any more (each removal the editor did not make by hand is noted). Edits apply:
 * links of actors to other ids, roles, CAMEO codes, dates. Invalid edits are issues, and the
 * bundle is then not to be sent.
 */
export function reviewBundle(draft: ExtractionDraft, decisions: Decisions): Review {
  const source = draft.bundle as Bundle;
  const notes: string[] = [];
  const issues: ReviewIssue[] = [];

  /** The id a draft actor id resolves to, or null when the editor rejected that actor. */
  const resolve = (id: string): string | null => {
    const d = decisions.actors[id];
    if (!d) return id; // an actor the draft references without describing it: the graph's
    return d.accepted ? d.linkTo.id : null;
  };
  for (const a of draft.actors) {
    const d = decisions.actors[a.id];
    if (d?.accepted && !ID.test(d.linkTo.id))
      issues.push({ where: `actor ${a.name}`, message: `“${d.linkTo.id}” is not an actor id` });
  }

  const draftEvents = new Map<string, DraftEvent>(draft.events.map((e) => [e.id, e]));
  const events: BundleEvent[] = [];
  for (const event of source.events ?? []) {
    const d = decisions.events[event.id];
    const de = draftEvents.get(event.id);
    if (d && !d.accepted) continue;
    const label = de ? `event “${de.summary}”` : `event ${event.id}`;
    const participants: { actorId: string; role: string }[] = [];
    const seen = new Set<string>();
    const add = (actorId: string | null, role: string) => {
      if (!actorId) return;
      const key = `${actorId}\u0000${role}`;
      if (seen.has(key)) return;
      seen.add(key);
      participants.push({ actorId, role });
    };
    if (de && d) {
      de.roles.forEach((r, i) => {
        const rd = d.roles[i];
        if (rd && !rd.accepted) return;
        add(resolve(r.actorId), rd?.role ?? r.role);
      });
    } else {
      for (const p of event.participants) add(resolve(p.actorId), p.role);
    }
    if (participants.length === 0) {
      notes.push(`The ${label} was removed: none of its participants is left.`);
      continue;
    }
    const cameoCode = d?.cameoCode.trim() ?? event.cameoCode;
    if (!isCameoCode(cameoCode))
      issues.push({ where: label, message: `the CAMEO code “${cameoCode}” is not 2 to 4 digits` });
    const date = d ? d.date : null;
    if (date) for (const message of dateIssues(date)) issues.push({ where: label, message });
    events.push({
      ...event,
      cameoCode,
      participants,
      // The article's words (date.text) stay: an edit corrects what they mean, not what was written.
      date: date
        ? {
            ...event.date,
            earliest: date.earliest,
            latest: date.latest,
            precision: date.precision,
            qualifier: date.qualifier,
          }
        : event.date,
    });
  }
  const keptEvents = new Set(events.map((e) => e.id));

  const draftFactIndex = (f: BundleFact): number =>
    draft.facts.findIndex(
      (df: DraftFact) => df.type === f.type && df.subjectId === f.subjectId && df.objectId === f.objectId,
    );
  const facts: BundleFact[] = [];
  for (const fact of source.facts ?? []) {
    const i = draftFactIndex(fact);
    if (i >= 0 && decisions.facts[i] === false) continue;
    const subjectId = resolve(fact.subjectId);
    const objectId = resolve(fact.objectId);
    const label = `fact ${actorName(draft, decisions, fact.subjectId)} ${fact.type.toLowerCase().replaceAll('_', ' ')} ${actorName(draft, decisions, fact.objectId)}`;
    if (!subjectId || !objectId) {
      notes.push(`The ${label} was removed: one of its actors was rejected.`);
      continue;
    }
    if (subjectId === objectId) {
      notes.push(`The ${label} was removed: both its ends are now the same actor.`);
      continue;
    }
    facts.push({ ...fact, subjectId, objectId });
  }

  const referencedDocuments = new Set(events.flatMap((e) => e.documents ?? []));
  const documents: BundleDocument[] = [];
  for (const doc of source.documents ?? []) {
    if (!referencedDocuments.has(doc.id)) continue;
    const ids = (list: string[] | undefined) => [
      ...new Set((list ?? []).map(resolve).filter((x): x is string => x !== null)),
    ];
    documents.push({ ...doc, authoredBy: ids(doc.authoredBy), addressedTo: ids(doc.addressedTo) });
  }

  const eventLinks = (source.eventLinks ?? []).filter(
    (l) => !isDroppedEvent(l.from, source, keptEvents) && !isDroppedEvent(l.to, source, keptEvents),
  );

  const used = new Set<string>();
  for (const e of events) for (const p of e.participants) used.add(p.actorId);
  for (const f of facts) {
    used.add(f.subjectId);
    used.add(f.objectId);
  }
  for (const doc of documents)
    for (const id of [...(doc.authoredBy ?? []), ...(doc.addressedTo ?? [])]) used.add(id);
  const actors: BundleActor[] = [];
  for (const a of source.actors ?? []) {
    if (used.has(a.id)) {
      actors.push(a);
      continue;
    }
    const d = decisions.actors[a.id];
    const byHand = d && (!d.accepted || d.linkTo.id !== a.id);
    if (!byHand) notes.push(`${a.name} is no longer in any kept event or fact: left out of the bundle.`);
  }
  // A new actor that only a role the editor opted in uses (the draft's bundle left it out, under
  // the confidence bar) is defined from the draft, so ingest does not refuse an unknown id.
  const defined = new Set(actors.map((a) => a.id));
  for (const id of used) {
    if (defined.has(id)) continue;
    const a = draft.actors.find((x) => x.id === id);
    if (a?.status !== 'NEW') continue;
    actors.push({
      id: a.id,
      kind: a.kind,
      name: a.name,
      aliases: [...new Set([a.name, ...a.newAliases])],
      countryCode: a.countryCode,
    } as BundleActor);
    defined.add(id);
  }

  const bundle: Bundle = { ...source, actors, documents, events, eventLinks, facts };
  const participants = [...new Set(events.flatMap((e) => e.participants.map((p) => p.actorId)))].map(
    (id) => ({
      id,
      name: actorName(draft, decisions, id),
    }),
  );
  if (!events.length && !facts.length)
    notes.push('No event or fact is left: only the article would be ingested.');
  return { bundle, notes, issues, participants };
}

/** An event of the source bundle that review removed (links to events in the graph stay). */
function isDroppedEvent(id: string, source: Bundle, kept: Set<string>): boolean {
  return (source.events ?? []).some((e) => e.id === id) && !kept.has(id);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2022-01-21".."2022-01-31" → "21–31 Jan 2022"; one day → "9 Feb 2022". */
export function intervalLabel(earliest: string, latest: string): string {
  const parts = (s: string) => {
    const [y = '', m = '', d = ''] = s.split('-');
    return { y, m: MONTHS[Number(m) - 1] ?? m, d: String(Number(d)) };
  };
  const a = parts(earliest);
  const b = parts(latest);
  if (earliest === latest) return `${a.d} ${a.m} ${a.y}`;
  if (a.y === b.y && a.m === b.m) return `${a.d}–${b.d} ${a.m} ${a.y}`;
  if (a.y === b.y) return `${a.d} ${a.m} – ${b.d} ${b.m} ${a.y}`;
  return `${a.d} ${a.m} ${a.y} – ${b.d} ${b.m} ${b.y}`;
}

/** "«Fin janvier» → 21–31 Jan 2022, MONTH, LATE", or "date not in text → …". */
export function dateLabel(d: {
  text: string | null;
  earliest: string;
  latest: string;
  precision: string;
  qualifier: string | null;
}): string {
  const said = d.text === null ? 'date not in text' : `«${d.text}»`;
  return [`${said} → ${intervalLabel(d.earliest, d.latest)}`, d.precision, d.qualifier]
    .filter(Boolean)
    .join(', ');
}
