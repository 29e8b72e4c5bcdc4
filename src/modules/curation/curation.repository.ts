import { cypher } from '../../neo4j/cypher.ts';
import type { Database, QueryStats } from '../../neo4j/database.ts';
import type { ActorRow } from '../actor/actor.repository.ts';
import type { EventRow } from '../event/event.repository.ts';
import { factId } from '../ingest/ingest.ts';

const Q = {
  addAlias: cypher('curation/add-alias'),
  factsOf: cypher('curation/merge-facts-of'),
  merge: cypher('curation/merge-actors'),
  correct: cypher('curation/correct-event'),
  typeExists: cypher('curation/event-type-exists'),
};

export async function addAlias(
  db: Database,
  actorId: string,
  alias: string,
  stats: QueryStats,
): Promise<ActorRow | null> {
  return db.writeTransaction(async (tx) => {
    const [row] = await tx.run<{ actor: ActorRow }>(Q.addAlias, { actorId, alias });
    return row?.actor ?? null;
  }, stats);
}

export interface MergeResult {
  actor: ActorRow;
  participations: number;
  facts: number;
  documentLinks: number;
}

/** Merges `mergeId` into `keepId` in one transaction; null when either is missing. */
export async function mergeActors(
  db: Database,
  keepId: string,
  mergeId: string,
  stats: QueryStats,
): Promise<MergeResult | null> {
  return db.writeTransaction(async (tx) => {
    const facts = await tx.run<{
      type: 'MEMBER_OF' | 'PART_OF' | 'HOLDS_POSITION';
      outgoing: boolean;
      otherId: string;
      id: string;
      title: string | null;
    }>(Q.factsOf, { mergeId });
    const moved = facts.map((f) => ({
      type: f.type,
      outgoing: f.outgoing,
      otherId: f.otherId,
      oldId: f.id,
      newId: factId({
        type: f.type,
        subjectId: f.outgoing ? keepId : f.otherId,
        objectId: f.outgoing ? f.otherId : keepId,
        title: f.title,
      }),
    }));
    const [row] = await tx.run<MergeResult>(Q.merge, { keepId, mergeId, facts: moved });
    return row ?? null;
  }, stats);
}

export interface DateCorrection {
  earliest: string;
  latest: string;
  precision: string;
  qualifier: string | null;
  text: string | null;
}

export async function eventTypeExists(db: Database, code: string, stats: QueryStats): Promise<boolean> {
  const [row] = await db.run<{ exists: boolean }>(Q.typeExists, { code }, 'READ', stats);
  return row?.exists ?? false;
}

export async function correctEvent(
  db: Database,
  eventId: string,
  date: DateCorrection | null,
  cameoCode: string | null,
  stats: QueryStats,
): Promise<EventRow | null> {
  return db.writeTransaction(async (tx) => {
    const [row] = await tx.run<{ event: EventRow }>(Q.correct, { eventId, date, cameoCode });
    return row?.event ?? null;
  }, stats);
}
