import type { Session } from '../../neo4j/database.ts';
import type { FactShape } from '../actor/actor.schema.ts';
import type { ActorRow, EventRow } from '../common/rows.ts';

import { type PathNode, type PathRel, shortestPaths, type Window } from './exploration.repository.ts';

/** One step between two actors: a shared event (with both roles) or a structural fact. */
export interface Hop {
  from: ActorRow;
  to: ActorRow;
  kind: 'EVENT' | FactShape['type'];
  event: EventRow | null;
  fromRole: string | null;
  toRole: string | null;
  fact: FactShape | null;
}

export interface Path {
  actors: ActorRow[];
  hops: Hop[];
}

/** Turns a raw path (alternating nodes and relationships) into actor-to-actor steps. */
export function toHops(nodes: PathNode[], rels: PathRel[]): Path {
  const actors: ActorRow[] = [];
  const hops: Hop[] = [];
  let i = 0;
  while (i < nodes.length) {
    const node = nodes[i]!;
    if (node.kind !== 'ACTOR') throw new Error('a path must start and continue from actors');
    actors.push(node.actor);
    const next = nodes[i + 1];
    if (!next) break;
    const rel = rels[i]!;
    if (next.kind === 'EVENT') {
      const back = rels[i + 1]!;
      const to = nodes[i + 2];
      if (to?.kind !== 'ACTOR') throw new Error('an event step must end at an actor');
      hops.push({
        from: node.actor,
        to: to.actor,
        kind: 'EVENT',
        event: next.event,
        fromRole: rel.role,
        toRole: back.role,
        fact: null,
      });
      i += 2;
    } else {
      const forward = rel.start === node.id;
      // Only PARTICIPATED_IN leads to an event, so this relationship is a fact.
      const type = rel.type as FactShape['type'];
      hops.push({
        from: node.actor,
        to: next.actor,
        kind: type,
        event: null,
        fromRole: null,
        toRole: null,
        fact: {
          id: rel.fact?.id ?? `${rel.type}:${rel.start}:${rel.end}`,
          type,
          subject: forward ? node.actor : next.actor,
          object: forward ? next.actor : node.actor,
          title: rel.fact?.title ?? null,
          since: rel.fact?.since ?? null,
          until: rel.fact?.until ?? null,
          sources: rel.fact?.sources ?? [],
        },
      });
      i += 1;
    }
  }
  return { actors, hops };
}

/**
 * The k shortest connections from one actor to another in at most maxHops steps, shortest
 * first (fewest relationships: a fact is one, an event two). The bound on steps is part of
 * the search (cypher/exploration/paths.cypher), so when k such paths exist, k come back.
 * Empty when there is none, including when an actor does not exist.
 */
export async function findPaths(
  db: Session,
  from: string,
  to: string,
  k: number,
  maxHops: number,
  window: Window,
): Promise<Path[]> {
  const raw = await shortestPaths(db, from, to, k, maxHops, window);
  return raw.map((p) => toHops(p.nodes, p.rels));
}
