import { cypher } from '../../neo4j/cypher.ts';
import type { Session } from '../../neo4j/database.ts';
import type { ActorRow } from '../common/rows.ts';

import { type EventFilter, eventFilterParams } from '../event/event.repository.ts';
import type { IntervalRow } from './buckets.ts';

const Q = {
  intervalRows: cypher('analytics/interval-rows'),
  topActors: cypher('analytics/top-actors'),
  countsByType: cypher('analytics/counts-by-type'),
  countsByQuadClass: cypher('analytics/counts-by-quad-class'),
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

/**
 * The matching events as one row per date interval: how many, and their average Goldstein
 * score (count × average is their Goldstein sum, which is all that bucketing needs).
 */
export async function eventIntervalRows(db: Session, filter: EventFilter): Promise<IntervalRow[]> {
  return db.read<IntervalRow>(Q.intervalRows, filterParams(filter));
}

export async function topActors(
  db: Session,
  options: {
    from: string | null;
    to: string | null;
    by: TopActorsBy;
    kinds: string[] | null;
    minEvents: number;
    first: number;
  },
): Promise<ActorRankingRow[]> {
  return db.read<ActorRankingRow>(Q.topActors, options);
}

/** Matching events per CAMEO code cut to `level` (1: root), most frequent first. */
export async function eventCountsByType(
  db: Session,
  filter: EventFilter,
  level: number,
): Promise<TypeCountRow[]> {
  return db.read<TypeCountRow>(Q.countsByType, { ...filterParams(filter), level });
}

/** Matching events per QuadClass, all four in order (0 where none). */
export async function eventCountsByQuadClass(db: Session, filter: EventFilter): Promise<QuadClassCountRow[]> {
  const rows = await db.read<QuadClassCountRow>(Q.countsByQuadClass, filterParams(filter));
  const byClass = new Map(rows.map((r) => [r.quadClass, r.count]));
  return [1, 2, 3, 4].map((quadClass) => ({ quadClass, count: byClass.get(quadClass) ?? 0 }));
}
