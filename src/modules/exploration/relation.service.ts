import type { Session } from '../../neo4j/database.ts';
import { type Bucket, bucketize, type Interval } from '../analytics/buckets.ts';
import type { ActorRow, EventRow } from '../common/rows.ts';

import {
  type RelationSummary,
  relationEvents,
  relationIntervalRows,
  relationSummary,
  type Window,
} from './exploration.repository.ts';

/** A pair of actors in a window, with what the graph says they share there. */
export interface Relation {
  a: ActorRow;
  b: ActorRow;
  window: Window;
  interval: Interval;
  summary: RelationSummary;
}

export async function relation(
  db: Session,
  a: ActorRow,
  b: ActorRow,
  window: Window,
  interval: Interval,
): Promise<Relation> {
  return { a, b, window, interval, summary: await relationSummary(db, a.id, b.id, window) };
}

/** The pair's shared events per bucket of the relation's interval, spread as precisely as they are dated. */
export async function relationTimeline(db: Session, r: Relation): Promise<Bucket[]> {
  return bucketize(await relationIntervalRows(db, r.a.id, r.b.id, r.window), r.interval, r.window);
}

/** A page of the pair's shared events, newest first, after a keyset position. */
export function sharedEvents(
  db: Session,
  r: Relation,
  after: { date: string; id: string } | null,
  limit: number,
): Promise<EventRow[]> {
  return relationEvents(db, r.a.id, r.b.id, r.window, after, limit);
}
