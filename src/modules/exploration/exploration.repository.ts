import { ErrorCode, ParleyError } from '../../errors.ts';
import { type Cypher, cypher } from '../../neo4j/cypher.ts';
import type { Session } from '../../neo4j/database.ts';
import type { ActorRow, EventRow, FactRow } from '../common/rows.ts';

import { WALK_BUDGET, WALK_FACTOR, walkBounds } from '../event/event.repository.ts';

const Q = {
  layer: cypher('exploration/neighborhood-layer'),
  events: cypher('exploration/neighborhood-events'),
  structure: cypher('exploration/structure-among'),
  relationSummary: cypher('exploration/relation-summary'),
  relationRows: cypher('exploration/relation-interval-rows'),
  relationEvents: cypher('exploration/relation-events'),
};

export const PATH_LIMITS = { maxHops: [1, 2, 3, 4], k: [1, 2, 3, 4, 5] } as const;

const PATH_TEMPLATE = cypher('exploration/paths');
const pathQueries = new Map<string, Cypher>();

/**
 * The query text for (k, maxHops). SHORTEST k needs literals in Neo4j 5.26, so the text is
 * built here — only from the validated integers of PATH_LIMITS, never from client strings.
 */
export function pathQuery(k: number, maxHops: number): Cypher {
  if (!(PATH_LIMITS.k as readonly number[]).includes(k)) {
    throw new ParleyError(ErrorCode.BAD_USER_INPUT, `k must be one of ${PATH_LIMITS.k.join(', ')}.`, {
      argument: 'k',
    });
  }
  if (!(PATH_LIMITS.maxHops as readonly number[]).includes(maxHops)) {
    throw new ParleyError(
      ErrorCode.BAD_USER_INPUT,
      `maxHops must be one of ${PATH_LIMITS.maxHops.join(', ')}.`,
      {
        argument: 'maxHops',
      },
    );
  }
  const key = `${k}/${maxHops}`;
  let q = pathQueries.get(key);
  if (!q) {
    // An event hop is two relationships (actor–event–actor), a fact one: maxHops steps are at
    // most 2 × maxHops relationships, and the statement bounds the steps themselves.
    const text = PATH_TEMPLATE.text
      .replaceAll('{{K}}', String(k))
      .replaceAll('{{MAX_RELS}}', String(2 * maxHops));
    q = { name: `${PATH_TEMPLATE.name}[k=${k},hops=${maxHops}]`, text };
    pathQueries.set(key, q);
  }
  return q;
}

export interface Window {
  from?: string | null;
  to?: string | null;
}

export type PathNode =
  | { kind: 'EVENT'; id: string; event: EventRow }
  | { kind: 'ACTOR'; id: string; actor: ActorRow };
export interface PathRel {
  type: 'PARTICIPATED_IN' | 'MEMBER_OF' | 'PART_OF' | 'HOLDS_POSITION';
  role: string | null;
  start: string;
  end: string;
  fact: FactRow | null;
}

export async function shortestPaths(
  db: Session,
  from: string,
  to: string,
  k: number,
  maxHops: number,
  window: Window,
): Promise<{ nodes: PathNode[]; rels: PathRel[] }[]> {
  return db.read(pathQuery(k, maxHops), {
    from,
    to,
    windowFrom: window.from ?? null,
    windowTo: window.to ?? null,
  });
}

export interface LayerRow {
  actor: ActorRow;
  weight: number;
}

export async function neighborhoodLayer(
  db: Session,
  frontier: string[],
  seen: string[],
  window: Window,
  roles: string[] | null,
  eventsPerActor: number,
  limit: number,
  /** How each actor's recent events are read; 'auto' chooses per actor (tests force the others). */
  plan: RecentEventsPlan = 'auto',
): Promise<LayerRow[]> {
  return db.read<LayerRow>(Q.layer, {
    frontier,
    seen,
    from: window.from ?? null,
    to: window.to ?? null,
    roles,
    eventsPerActor,
    limit,
    ...recentEventsPlan(window, roles, plan),
  });
}

/**
 * The parameters choosing how each actor's most recent events are read (see
 * cypher/exploration/neighborhood-layer.cypher): hubs walk the date index down from the window's
 * end, unless a filter the index cannot bound (roles, the window's start) would make it read far.
 */
export type RecentEventsPlan = 'auto' | 'expand' | 'walk';

function recentEventsPlan(window: Window, roles: string[] | null, plan: RecentEventsPlan) {
  return {
    walkable: plan !== 'expand' && roles === null && !window.from,
    walkFactor: plan === 'walk' ? 0 : WALK_FACTOR,
    walkBudget: WALK_BUDGET,
    ...walkBounds(true, null, window.to ?? null),
  };
}

export interface TyingEvent {
  event: EventRow;
  participations: { actorId: string; role: string }[];
  kept: number;
}

export async function eventsAmong(
  db: Session,
  actorIds: string[],
  window: Window,
  roles: string[] | null,
  eventsPerActor: number,
  limit: number,
  /** How each actor's recent events are read; 'auto' chooses per actor (tests force the others). */
  plan: RecentEventsPlan = 'auto',
): Promise<TyingEvent[]> {
  return db.read<TyingEvent>(Q.events, {
    actorIds,
    from: window.from ?? null,
    to: window.to ?? null,
    roles,
    eventsPerActor,
    limit,
    ...recentEventsPlan(window, roles, plan),
  });
}

export async function structureAmong(
  db: Session,
  actorIds: string[],
): Promise<{ source: string; target: string; type: string; factId: string; title: string | null }[]> {
  return db.read(Q.structure, { actorIds });
}

export interface RelationSummary {
  shared: number;
  first: string | null;
  last: string | null;
  goldsteinAverage: number | null;
  /** Shared events per CAMEO code, most frequent first, then by code. */
  countsByType: { code: string; count: number }[];
}

export async function relationSummary(
  db: Session,
  a: string,
  b: string,
  window: Window,
): Promise<RelationSummary> {
  const [row] = await db.read<RelationSummary>(Q.relationSummary, {
    a,
    b,
    from: window.from ?? null,
    to: window.to ?? null,
  });
  return row ?? { shared: 0, first: null, last: null, goldsteinAverage: null, countsByType: [] };
}

export async function relationIntervalRows(
  db: Session,
  a: string,
  b: string,
  window: Window,
): Promise<{ earliest: string; latest: string; goldstein: number; count: number }[]> {
  return db.read(Q.relationRows, { a, b, from: window.from ?? null, to: window.to ?? null });
}

export async function relationEvents(
  db: Session,
  a: string,
  b: string,
  window: Window,
  after: { date: string; id: string } | null,
  limit: number,
): Promise<EventRow[]> {
  const rows = await db.read<{ event: EventRow }>(Q.relationEvents, {
    a,
    b,
    from: window.from ?? null,
    to: window.to ?? null,
    afterDate: after?.date ?? null,
    afterId: after?.id ?? null,
    limit,
  });
  return rows.map((r) => r.event);
}
