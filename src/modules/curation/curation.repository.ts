import { cypher } from '../../neo4j/cypher.ts';
import type { Db } from '../../neo4j/database.ts';
import { eventsOfActors, withRollups } from '../analytics/rollups.ts';
import { factId } from '../common/identity.ts';
import type { ActorRow, EventRow } from '../common/rows.ts';

const Q = {
  addAlias: cypher('curation/add-alias'),
  factsOf: cypher('curation/merge-facts-of'),
  merge: cypher('curation/merge-actors'),
  correct: cypher('curation/correct-event'),
  typeExists: cypher('curation/event-type-exists'),
};

export async function addAlias(db: Db, actorId: string, alias: string): Promise<ActorRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.run<{ actor: ActorRow }>(Q.addAlias, { actorId, alias });
    return row?.actor ?? null;
  });
}

export interface MergeResult {
  actor: ActorRow;
  participations: number;
  facts: number;
  documentLinks: number;
}

/** Merges `mergeId` into `keepId` in one transaction; null when either is missing. */
export async function mergeActors(db: Db, keepId: string, mergeId: string): Promise<MergeResult | null> {
  return db.transaction(async (tx) => {
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
    // The merged actor's events move to the kept one: its rollup rows go to the kept actor,
    // partner rows merge, and a pair of the two becomes a self-pair, which counts nothing.
    const [row] = await withRollups(
      tx,
      () => eventsOfActors(tx, [mergeId]),
      () => tx.run<MergeResult>(Q.merge, { keepId, mergeId, facts: moved }),
    );
    return row ?? null;
  });
}

export interface DateCorrection {
  earliest: string;
  latest: string;
  precision: string;
  qualifier: string | null;
  text: string | null;
}

export async function eventTypeExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db.read<{ exists: boolean }>(Q.typeExists, { code });
  return row?.exists ?? false;
}

export async function correctEvent(
  db: Db,
  eventId: string,
  date: DateCorrection | null,
  cameoCode: string | null,
): Promise<EventRow | null> {
  return db.transaction(async (tx) => {
    // A new date or code moves the event between rollup rows.
    const [row] = await withRollups(
      tx,
      async () => [eventId],
      () => tx.run<{ event: EventRow }>(Q.correct, { eventId, date, cameoCode }),
    );
    return row?.event ?? null;
  });
}
