import { cypher } from '../../neo4j/cypher.ts';
import type { Session } from '../../neo4j/database.ts';
import type { ActorRow } from '../actor/actor.repository.ts';
import type { EventRow } from '../event/event.repository.ts';

const Q = {
  byIds: cypher('document/by-ids'),
  parties: cypher('document/parties'),
  events: cypher('document/events'),
};

export interface DocumentRow {
  id: string;
  kind: string;
  title: string;
}

export async function documentsByIds(db: Session, ids: readonly string[]): Promise<DocumentRow[]> {
  return (await db.read<{ document: DocumentRow }>(Q.byIds, { ids })).map((r) => r.document);
}

export async function partiesOfDocuments(
  db: Session,
  documentIds: readonly string[],
): Promise<{ documentId: string; type: 'AUTHORED_BY' | 'ADDRESSED_TO'; actor: ActorRow }[]> {
  return db.read(Q.parties, { documentIds });
}

export async function eventsOfDocuments(
  db: Session,
  documentIds: readonly string[],
): Promise<{ documentId: string; event: EventRow }[]> {
  return db.read(Q.events, { documentIds });
}
