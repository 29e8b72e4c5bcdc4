import type { Session } from '../../neo4j/database.ts';
import type { ActorRow, EventRow } from '../common/rows.ts';

import { eventsAmong, neighborhoodLayer, structureAmong, type Window } from './exploration.repository.ts';

// The node limit's list maximum (PARLEY_MAX_LIST, 100 by default) refuses more anyway.
export const MAX_NEIGHBORHOOD = 100;
/** A hub contributes only its most recent events in the window to each ring. */
export const EVENTS_PER_ACTOR = 200;
/** Rings beyond the first expand from the strongest actors of the previous ring only. */
export const FRONTIER = 25;

export interface GraphNode {
  id: string;
  type: 'ACTOR' | 'EVENT';
  label: string;
  depth: number;
  weight: number;
  actor: ActorRow | null;
  event: EventRow | null;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  role: string | null;
}

export interface Graph {
  center: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface NeighborhoodOptions {
  /** Rings of actors, 1 to 3 (checked by the caller). */
  depth: number;
  /** Most actors, 1 to MAX_NEIGHBORHOOD (checked by the caller). */
  limit: number;
  window: Window;
  roles: string[] | null;
}

/** A date label as precise as the article: "2022-02-09", "2022-01 late", "2021". */
export function dateLabel(e: Pick<EventRow, 'earliest' | 'precision' | 'qualifier'>): string {
  const base =
    e.precision === 'YEAR'
      ? e.earliest.slice(0, 4)
      : e.precision === 'MONTH'
        ? e.earliest.slice(0, 7)
        : e.earliest;
  return e.qualifier ? `${base} ${e.qualifier.toLowerCase()}` : base;
}

const eventLabel = (e: EventRow) => `${dateLabel(e)} · ${e.cameoCode}`;

const actorNode = (actor: ActorRow, depth: number, weight: number): GraphNode => ({
  id: actor.id,
  type: 'ACTOR',
  label: actor.name,
  depth,
  weight,
  actor,
  event: null,
});

/**
 * The actors and events around `center`, ring by ring. Each ring keeps the actors sharing the
 * most events with the one inside it, up to what is left of `limit`, and the next ring grows
 * from the FRONTIER strongest of them only; one round trip a ring. Then the events tying at
 * least two kept actors (at most twice `limit`) and the structural facts among them, together.
 * `truncated` says whether any limit left out something that is there.
 */
export async function neighborhood(db: Session, center: ActorRow, o: NeighborhoodOptions): Promise<Graph> {
  const kept = new Map<string, GraphNode>([[center.id, actorNode(center, 0, 0)]]);
  let frontier = [center.id];
  let truncated = false;
  for (let ring = 1; ring <= o.depth && frontier.length && kept.size < o.limit; ring++) {
    const budget = o.limit - kept.size;
    // One more than the budget tells whether the ring was cut.
    const rows = await neighborhoodLayer(
      db,
      frontier,
      [...kept.keys()],
      o.window,
      o.roles,
      EVENTS_PER_ACTOR,
      budget + 1,
    );
    if (rows.length > budget) truncated = true;
    const added = rows.slice(0, budget);
    for (const r of added) kept.set(r.actor.id, actorNode(r.actor, ring, r.weight));
    frontier = added.slice(0, FRONTIER).map((r) => r.actor.id);
  }
  // A full graph may have left out rings it never read.
  if (kept.size >= o.limit && o.depth > 1) truncated = true;

  const actorIds = [...kept.keys()];
  const eventLimit = 2 * o.limit;
  const [tying, facts] = await Promise.all([
    eventsAmong(db, actorIds, o.window, o.roles, EVENTS_PER_ACTOR, eventLimit + 1),
    structureAmong(db, actorIds),
  ]);
  if (tying.length > eventLimit) truncated = true;
  const nodes = [...kept.values()];
  const edges: GraphEdge[] = [];
  for (const t of tying.slice(0, eventLimit)) {
    const ring = Math.min(...t.participations.map((p) => kept.get(p.actorId)?.depth ?? o.depth));
    nodes.push({
      id: t.event.id,
      type: 'EVENT',
      label: eventLabel(t.event),
      depth: ring,
      weight: t.kept,
      actor: null,
      event: t.event,
    });
    for (const p of t.participations) {
      edges.push({
        id: `${p.actorId}>${p.role}>${t.event.id}`,
        source: p.actorId,
        target: t.event.id,
        type: 'PARTICIPATED_IN',
        role: p.role,
      });
    }
  }
  for (const f of facts) {
    edges.push({ id: f.factId, source: f.source, target: f.target, type: f.type, role: null });
  }
  return { center: center.id, nodes, edges, truncated };
}
