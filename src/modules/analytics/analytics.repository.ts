import { cypher } from '../../neo4j/cypher.ts';
import type { Session } from '../../neo4j/database.ts';
import type { ActorRow } from '../common/rows.ts';

import { type EventFilter, eventFilterParams } from '../event/event.repository.ts';
import type { IntervalRow } from './buckets.ts';
import { yearWindow } from './rollups.ts';

/**
 * Each answer is read from the rollups (rollups.ts) when they can give it, and otherwise from
 * the events (the *-scan statements, the same answers at the cost of the events they match).
 */
const Q = {
  intervalRows: cypher('analytics/interval-rows'),
  topActors: cypher('analytics/top-actors'),
  topActorsTotal: cypher('analytics/top-actors-total'),
  countsByType: cypher('analytics/counts-by-type'),
  countsByQuadClass: cypher('analytics/counts-by-quad-class'),
};
export const SCAN = {
  intervalRows: cypher('analytics/interval-rows-scan'),
  topActors: cypher('analytics/top-actors-scan'),
  countsByType: cypher('analytics/counts-by-type-scan'),
  countsByQuadClass: cypher('analytics/counts-by-quad-class-scan'),
};

export type TopActorsBy = 'EVENTS' | 'PARTNERS' | 'GOLDSTEIN';

export interface ActorRankingRow {
  actor: ActorRow;
  events: number;
  partners: number;
  goldsteinAverage: number | null;
}

export interface TypeCountRow {
  code: string;
  count: number;
  goldsteinSum: number;
}

export interface QuadClassCountRow {
  quadClass: number;
  count: number;
}

/** The filter's parameters, with the actor the events must involve (null: any). */
function filterParams(filter: EventFilter) {
  return { ...eventFilterParams(filter), actorId: filter.actorId ?? null };
}

const hasTypeOrStatus = (f: EventFilter) => Boolean(f.type || f.typePrefix || f.status);

/**
 * Which rollup answers a histogram's filter: none when a role is asked (the rollups count
 * events, not the roles their actors played), nor for an actor (rows per actor and interval
 * would be as many as its events: they are not kept); then the events are scanned.
 */
export function histogramSource(filter: EventFilter): 'interval' | 'type' | null {
  if (filter.role || filter.actorId) return null;
  return hasTypeOrStatus(filter) ? 'type' : 'interval';
}

/** Counts by type and QuadClass come from rollups without actors: an actor or role is scanned. */
export const countsFromRollups = (filter: EventFilter) => !filter.actorId && !filter.role;

/**
 * The matching events as one row per date interval: how many, and their average Goldstein
 * score (count × average is their Goldstein sum, which is all that bucketing needs).
 */
export async function eventIntervalRows(db: Session, filter: EventFilter): Promise<IntervalRow[]> {
  const source = histogramSource(filter);
  if (!source) return db.read<IntervalRow>(SCAN.intervalRows, filterParams(filter));
  return db.read<IntervalRow>(Q.intervalRows, { ...filterParams(filter), source });
}

export interface TopActorsOptions {
  from: string | null;
  to: string | null;
  by: TopActorsBy;
  kinds: string[] | null;
  minEvents: number;
  first: number;
}

/**
 * The ranking from the rollups: without a window, from the actors' totals (the top rows of an
 * index); over a window, from the year counters; except by PARTNERS over a window that cuts a calendar year:
 * the pair rows count whole years, and counting the cut years' partners of every actor from
 * the events would cost what the scan costs, so the scan answers that one.
 */
export async function topActors(db: Session, options: TopActorsOptions): Promise<ActorRankingRow[]> {
  if (options.from === null && options.to === null)
    return db.read<ActorRankingRow>(Q.topActorsTotal, { ...options });
  const window = yearWindow(options.from, options.to);
  if (options.by === 'PARTNERS' && window.edges.length)
    return db.read<ActorRankingRow>(SCAN.topActors, { ...options });
  return db.read<ActorRankingRow>(Q.topActors, { ...options, ...window });
}

/** Matching events per CAMEO code cut to `level` (1: root), most frequent first. */
export async function eventCountsByType(
  db: Session,
  filter: EventFilter,
  level: number,
): Promise<TypeCountRow[]> {
  const query = countsFromRollups(filter) ? Q.countsByType : SCAN.countsByType;
  return db.read<TypeCountRow>(query, { ...filterParams(filter), level });
}

/** Matching events per QuadClass, all four in order (0 where none). */
export async function eventCountsByQuadClass(db: Session, filter: EventFilter): Promise<QuadClassCountRow[]> {
  const query = countsFromRollups(filter) ? Q.countsByQuadClass : SCAN.countsByQuadClass;
  const rows = await db.read<QuadClassCountRow>(query, filterParams(filter));
  const byClass = new Map(rows.map((r) => [r.quadClass, r.count]));
  return [1, 2, 3, 4].map((quadClass) => ({ quadClass, count: byClass.get(quadClass) ?? 0 }));
}
