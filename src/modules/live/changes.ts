import type { Logger } from '../../logger.ts';
import type { Db } from '../../neo4j/database.ts';
import type { EventRow } from '../common/rows.ts';
import type { EventFilter } from '../event/event.repository.ts';
import { eventsByIds, participantsOfEvents } from '../event/event.repository.ts';

export const CHANGE_KINDS = ['ARTICLE_INGESTED', 'ACTORS_MERGED', 'EVENT_CORRECTED', 'ALIAS_ADDED'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * At most this many events travel with one change, however large the ingest: a subscriber whose
 * filter matches everything gets one bounded message per write, and `truncated` says that the
 * article had more (refetch them with `events(filter)`).
 */
export const MAX_EVENTS_PER_CHANGE = 100;
/** The same bound for the actors a change names. */
export const MAX_ACTORS_PER_CHANGE = 200;

/** An event as it travels with a change: the row the Event type resolves from, and who took part. */
export interface LiveEvent extends EventRow {
  participants: { actorId: string; role: string }[];
}

/** One committed write, as every API process hears of it. Plain JSON: it crosses Redis. */
export interface GraphChange {
  /** Unique per change. */
  id: string;
  kind: ChangeKind;
  /** When the writing process committed it (ISO 8601). */
  at: string;
  /** The hub (one per API process) that made the write. */
  origin: string;
  articleId: string | null;
  /** CREATED or UPDATED for an ingest; null otherwise. */
  outcome: 'CREATED' | 'UPDATED' | null;
  actorIds: string[];
  /** The first MAX_EVENTS_PER_CHANGE events the write touched. */
  events: LiveEvent[];
  /** How many events the write touched in all. */
  eventCount: number;
  /** Events or actors were left out to keep the message bounded. */
  truncated: boolean;
}

export type ChangeDraft = Omit<GraphChange, 'id' | 'at' | 'origin' | 'truncated'>;

/**
 * Reads back the events a write touched (at most MAX_EVENTS_PER_CHANGE), with their
 * participants, once in the writing process, so that no subscriber anywhere queries for them.
 * The write has committed: if this read fails, the change goes out without its events rather
 * than failing an acknowledged write.
 */
export async function liveEvents(db: Db, ids: readonly string[], logger: Logger): Promise<LiveEvent[]> {
  const wanted = ids.slice(0, MAX_EVENTS_PER_CHANGE);
  if (!wanted.length) return [];
  try {
    const [rows, participants] = await Promise.all([
      eventsByIds(db, wanted),
      participantsOfEvents(db, wanted),
    ]);
    const byEvent = new Map<string, LiveEvent['participants']>();
    for (const p of participants) {
      const list = byEvent.get(p.eventId) ?? [];
      list.push({ actorId: p.actor.id, role: p.role });
      byEvent.set(p.eventId, list);
    }
    return rows.map((r) => ({ ...r, participants: byEvent.get(r.id) ?? [] }));
  } catch (err) {
    logger.warn({ err, events: wanted.length }, 'live: could not read back the events of a write');
    return [];
  }
}

/** Whether an event of a change passes an `eventsAdded` filter: the conditions of `events(filter)`. */
export function matchesFilter(e: LiveEvent, f: EventFilter): boolean {
  if (f.type && e.cameoCode !== f.type) return false;
  if (f.typePrefix && !e.cameoCode.startsWith(f.typePrefix)) return false;
  if (f.status && e.status !== f.status) return false;
  // Interval overlap, as the query's from/to.
  if (f.from && e.latest < f.from) return false;
  if (f.to && e.earliest > f.to) return false;
  if (f.actorId) return e.participants.some((p) => p.actorId === f.actorId && (!f.role || p.role === f.role));
  if (f.role) return e.participants.some((p) => p.role === f.role);
  return true;
}
