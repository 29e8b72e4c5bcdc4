import { type Cypher, cypher } from '../../neo4j/cypher.ts';
import type { Db } from '../../neo4j/database.ts';
import type { ActorRow, DocumentRow, EventRow, MentionRow } from '../common/rows.ts';

const Q = {
  byIds: cypher('event/by-ids'),
  list: cypher('event/list'),
  count: cypher('event/count'),
  participants: cypher('event/participants'),
  documents: cypher('event/documents'),
  mentions: cypher('event/mentions'),
  links: cypher('event/links'),
  typesByCodes: cypher('event/types-by-codes'),
  typeChildren: cypher('event/type-children'),
  typesList: cypher('event/types-list'),
};

export interface EventFilter {
  actorId?: string | null;
  role?: string | null;
  type?: string | null;
  typePrefix?: string | null;
  from?: string | null;
  to?: string | null;
  status?: string | null;
  order?: 'ASC' | 'DESC' | null;
}

export function eventFilterParams(f: EventFilter) {
  return {
    role: f.role ?? null,
    type: f.type ?? null,
    typePrefix: f.typePrefix ?? null,
    from: f.from ?? null,
    to: f.to ?? null,
    status: f.status ?? null,
    desc: f.order === 'DESC',
  };
}

export interface EventTypeRow {
  code: string;
  name: string;
  goldstein: number;
  quadClass: number;
  rootCode: string;
  level: number;
  description: string | null;
  parentCode: string | null;
}

export interface ParticipantRow {
  eventId: string;
  role: string;
  actor: ActorRow;
}

export interface LinkRow {
  eventId: string;
  type: 'RESPONDS_TO' | 'PART_OF' | 'FOLLOWS_UP';
  outgoing: boolean;
  other: EventRow;
}

export async function eventsByIds(db: Db, ids: readonly string[]): Promise<EventRow[]> {
  return (await db.read<{ event: EventRow }>(Q.byIds, { ids })).map((r) => r.event);
}

/**
 * A statement in (earliest, id) order, once per direction: {{DIR}} becomes ASC or DESC and
 * {{CMP}} the keyset comparison (> or <). A plain ORDER BY lets Neo4j read the
 * Event(earliest, id) index in order instead of sorting; the two texts come from this fixed pair.
 */
export function byDirection(template: Cypher): Record<'ASC' | 'DESC', Cypher> {
  const splice = (dir: 'ASC' | 'DESC', cmp: '<' | '>'): Cypher => ({
    name: `${template.name}[${dir}]`,
    text: template.text.replaceAll('{{DIR}}', dir).replaceAll('{{CMP}}', cmp),
  });
  return { ASC: splice('ASC', '>'), DESC: splice('DESC', '<') };
}

/** The first and last days an event date can have (a four-digit year): the ends of an unbounded index walk. */
const FIRST_DAY = '0000-01-01';
const LAST_DAY = '9999-12-31';

/**
 * Where an in-order walk of the Event(earliest, id) index starts and stops ($walkLow, $walkHigh):
 * the cursor's date on the side the walk starts from, the window's end `to` on the high side.
 * Only `earliest` is indexed, so the window's start (`from`, a bound on `latest`) stays a filter.
 */
export function walkBounds(
  desc: boolean,
  afterDate: string | null,
  to: string | null,
): { walkLow: string; walkHigh: string } {
  if (!desc) return { walkLow: afterDate ?? FIRST_DAY, walkHigh: to ?? LAST_DAY };
  const high = afterDate && to ? (afterDate < to ? afterDate : to) : (afterDate ?? to);
  return { walkLow: FIRST_DAY, walkHigh: high ?? LAST_DAY };
}

/**
 * How much cheaper the index walk must look before it is taken. The walk reads about
 * limit × events ÷ degree index entries and probes each; the expansion reads `degree`
 * relationships and events and sorts them; a step costs about the same in both. The factor
 * is a margin for actors whose events cluster far from the cursor (the estimate assumes they
 * are spread evenly). On the benchmark's medium graph (200 000 events) a page of 100 of the
 * 48 085-event hub takes 12–20 ms walking against 130–200 ms expanding, and 50 actors × 5
 * events 170 ms against 870 ms (bench/FINDINGS.md).
 */
export const WALK_FACTOR = 4;
/**
 * The most index entries one actor's walk reads before it gives up and the expansion answers
 * instead (a last page, events bunched far from the cursor): about 20–40 ms of reading, so a
 * walk that fails costs that much on top of the expansion it replaced.
 */
export const WALK_BUDGET = 20_000;

const listQueries = byDirection(cypher('event/list'));

export async function listEvents(
  db: Db,
  filter: EventFilter,
  after: { date: string; id: string } | null,
  limit: number,
): Promise<EventRow[]> {
  const params = eventFilterParams(filter);
  const afterDate = after?.date ?? null;
  const rows = await db.read<{ event: EventRow }>(listQueries[params.desc ? 'DESC' : 'ASC'], {
    ...params,
    afterDate,
    afterId: after?.id ?? null,
    limit,
    ...walkBounds(params.desc, afterDate, params.to),
  });
  return rows.map((r) => r.event);
}

export async function countEvents(db: Db, filter: EventFilter): Promise<number> {
  const [row] = await db.read<{ count: number }>(Q.count, eventFilterParams(filter));
  return row?.count ?? 0;
}

export async function participantsOfEvents(db: Db, eventIds: readonly string[]): Promise<ParticipantRow[]> {
  return db.read<ParticipantRow>(Q.participants, { eventIds });
}

export async function documentsOfEvents(
  db: Db,
  eventIds: readonly string[],
): Promise<{ eventId: string; document: DocumentRow }[]> {
  return db.read(Q.documents, { eventIds });
}

export async function mentionsOfEvents(
  db: Db,
  eventIds: readonly string[],
): Promise<{ eventId: string; mention: MentionRow }[]> {
  return db.read(Q.mentions, { eventIds });
}

export async function linksOfEvents(db: Db, eventIds: readonly string[]): Promise<LinkRow[]> {
  return db.read<LinkRow>(Q.links, { eventIds });
}

export async function eventTypesByCodes(db: Db, codes: readonly string[]): Promise<EventTypeRow[]> {
  return (await db.read<{ type: EventTypeRow }>(Q.typesByCodes, { codes })).map((r) => r.type);
}

export async function childrenOfEventTypes(
  db: Db,
  codes: readonly string[],
): Promise<{ code: string; type: EventTypeRow }[]> {
  return db.read(Q.typeChildren, { codes });
}

export async function listEventTypes(
  db: Db,
  filter: { level?: number | null; rootCode?: string | null },
): Promise<EventTypeRow[]> {
  const rows = await db.read<{ type: EventTypeRow }>(Q.typesList, {
    level: filter.level ?? null,
    rootCode: filter.rootCode ?? null,
  });
  return rows.map((r) => r.type);
}
