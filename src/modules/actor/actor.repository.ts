import { cypher } from '../../neo4j/cypher.ts';
import type { Db } from '../../neo4j/database.ts';
import { ACTOR_KEYS, EVENT_KEYS, fromValues } from '../common/projection.ts';
import type { ActorRow, EventRow, FactRow, MentionRow } from '../common/rows.ts';
import type { EventFilter, ParticipantRow } from '../event/event.repository.ts';
import {
  byDirection,
  eventFilterParams,
  WALK_BUDGET,
  WALK_FACTOR,
  walkBounds,
} from '../event/event.repository.ts';

const Q = {
  byIds: cypher('actor/by-ids'),
  list: cypher('actor/list'),
  count: cypher('actor/count'),
  eventsCount: cypher('actor/events-count'),
  structure: cypher('actor/structure'),
  neighbors: cypher('actor/neighbors'),
  factMentions: cypher('actor/fact-mentions'),
};

export interface ActorListFilter {
  kinds?: string[] | null;
  countryCode?: string | null;
}

export async function actorsByIds(db: Db, ids: readonly string[]): Promise<ActorRow[]> {
  const rows = await db.read<{ actor: ActorRow }>(Q.byIds, { ids });
  return rows.map((r) => r.actor);
}

export async function listActors(
  db: Db,
  filter: ActorListFilter,
  afterId: string | null,
  limit: number,
): Promise<ActorRow[]> {
  const rows = await db.read<{ actor: ActorRow }>(Q.list, {
    kinds: filter.kinds ?? null,
    countryCode: filter.countryCode ?? null,
    afterId,
    limit,
  });
  return rows.map((r) => r.actor);
}

export async function countActors(db: Db, filter: ActorListFilter): Promise<number> {
  const [row] = await db.read<{ count: number }>(Q.count, {
    kinds: filter.kinds ?? null,
    countryCode: filter.countryCode ?? null,
  });
  return row?.count ?? 0;
}

const eventsPageQueries = byDirection(cypher('actor/events-page'));

/** The parameters of one page of events per actor, shared by events-page and list-events. */
function eventPageParams(
  filter: EventFilter,
  after: { date: string; id: string } | null,
  limit: number,
  plan: 'auto' | 'expand' | 'walk',
) {
  const params = eventFilterParams(filter);
  const desc = params.desc;
  // The walk is bounded by the index only on `earliest`: by the cursor and, in the walk's
  // direction, by the window's end. Every other filter could make it read far for nothing.
  const walkable =
    plan !== 'expand' &&
    params.role === null &&
    params.type === null &&
    params.typePrefix === null &&
    params.status === null &&
    params.from === null;
  return {
    ...params,
    afterDate: after?.date ?? null,
    afterId: after?.id ?? null,
    limit,
    walkable,
    walkFactor: plan === 'walk' ? 0 : WALK_FACTOR,
    walkBudget: WALK_BUDGET,
    ...walkBounds(desc, after?.date ?? null, params.to),
  };
}

/**
 * A page of events for each actor: `limit` rows each, after the keyset cursor. Per actor, the
 * statement either expands the actor's events or, for a hub, walks the date index from the
 * cursor (see cypher/actor/events-page.cypher); both give the same rows.
 */
export async function eventsOfActors(
  db: Db,
  actorIds: readonly string[],
  filter: EventFilter,
  after: { date: string; id: string } | null,
  limit: number,
  plan: 'auto' | 'expand' | 'walk' = 'auto',
): Promise<Map<string, EventRow[]>> {
  const pages = await eventPagesOfActors(db, actorIds, filter, after, limit, plan);
  return new Map([...pages].map(([id, p]) => [id, p.events]));
}

export interface EventPageRow {
  actor: ActorRow;
  events: EventRow[];
}

/**
 * As eventsOfActors, with each actor's own row (as actorsByIds gives it). An id that is not an
 * actor has no entry.
 */
export async function eventPagesOfActors(
  db: Db,
  actorIds: readonly string[],
  filter: EventFilter,
  after: { date: string; id: string } | null,
  limit: number,
  plan: 'auto' | 'expand' | 'walk' = 'auto',
): Promise<Map<string, EventPageRow>> {
  const rows = await db.read<{ actorId: string; actor: ActorRow; events: EventRow[] }>(
    eventsPageQueries[filter.order === 'DESC' ? 'DESC' : 'ASC'],
    { actorIds, ...eventPageParams(filter, after, limit, plan) },
  );
  return new Map(rows.map((r) => [r.actorId, { actor: r.actor, events: r.events }]));
}

export async function countEventsOfActors(
  db: Db,
  actorIds: readonly string[],
  filter: EventFilter,
): Promise<Map<string, number>> {
  const rows = await db.read<{ actorId: string; count: number }>(Q.eventsCount, {
    actorIds,
    ...eventFilterParams(filter),
  });
  return new Map(rows.map((r) => [r.actorId, r.count]));
}

export interface StructureRow {
  actorId: string;
  type: 'MEMBER_OF' | 'PART_OF' | 'HOLDS_POSITION';
  outgoing: boolean;
  fact: FactRow;
  other: ActorRow;
}

export async function structureOfActors(db: Db, actorIds: readonly string[]): Promise<StructureRow[]> {
  return db.read<StructureRow>(Q.structure, { actorIds });
}

export interface NeighborRow {
  actor: ActorRow;
  sharedEvents: number;
  first: string;
  last: string;
}

export async function neighborsOfActors(
  db: Db,
  actorIds: readonly string[],
  window: { from?: string | null; to?: string | null },
  limit: number,
): Promise<Map<string, NeighborRow[]>> {
  const rows = await db.read<{ actorId: string; neighbors: NeighborRow[] }>(Q.neighbors, {
    actorIds,
    from: window.from ?? null,
    to: window.to ?? null,
    limit,
  });
  return new Map(rows.map((r) => [r.actorId, r.neighbors]));
}

export async function mentionsOfFacts(
  db: Db,
  factIds: readonly string[],
): Promise<{ factId: string; mention: MentionRow }[]> {
  return db.read(Q.factMentions, { factIds });
}

const listEventsQueries = byDirection(cypher('actor/list-events'));

export interface ActorListPage {
  actor: ActorRow;
  /** Whether the actor is shown (not the extra row that tells hasNextPage): only then are its events read. */
  wanted: boolean;
  /** Projected to `eventKeys` (common/projection.ts): a row may lack the other keys. */
  events: EventRow[];
  /** The events whose participants were read (the page's shown events), when they were asked. */
  shownEventIds: string[];
  /** Their actors projected to `actorKeys`. */
  participants: ParticipantRow[];
}

interface ActorListWire extends Omit<ActorListPage, 'events' | 'participants'> {
  events: unknown[][];
  participants: [string, string, unknown[]][];
}

/**
 * listActors, with a page of events for each of the first `shownActors` actors (as
 * eventPagesOfActors gives it) and, if asked, the participants of each page's first
 * `shownEvents` events (as participantsOfEvents gives them): in one statement.
 */
export async function listActorsWithEvents(
  db: Db,
  list: { filter: ActorListFilter; afterId: string | null; limit: number; shown: number },
  events: {
    filter: EventFilter;
    after: { date: string; id: string } | null;
    limit: number;
    shown: number;
    participants: boolean;
    /** As eventPagesOfActors's: tests force each plan. */
    plan?: 'auto' | 'expand' | 'walk';
    /** The row keys to read of each event and of each participant's actor; all by default. */
    eventKeys?: readonly (keyof EventRow & string)[];
    actorKeys?: readonly (keyof ActorRow & string)[];
  },
): Promise<ActorListPage[]> {
  const eventKeys = events.eventKeys ?? EVENT_KEYS;
  const actorKeys = events.actorKeys ?? ACTOR_KEYS;
  const rows = await db.read<ActorListWire>(
    listEventsQueries[events.filter.order === 'DESC' ? 'DESC' : 'ASC'],
    {
      kinds: list.filter.kinds ?? null,
      countryCode: list.filter.countryCode ?? null,
      afterActorId: list.afterId,
      actorLimit: list.limit,
      shownActors: list.shown,
      ...eventPageParams(events.filter, events.after, events.limit, events.plan ?? 'auto'),
      shownEvents: events.shown,
      withParticipants: events.participants,
      eventKeys,
      actorKeys,
    },
  );
  return rows.map((r) => ({
    actor: r.actor,
    wanted: r.wanted,
    events: r.events.map((values) => fromValues<EventRow>(eventKeys, values)),
    shownEventIds: r.shownEventIds,
    participants: r.participants.map(([eventId, role, actor]) => ({
      eventId,
      role,
      actor: fromValues<ActorRow>(actorKeys, actor),
    })),
  }));
}
