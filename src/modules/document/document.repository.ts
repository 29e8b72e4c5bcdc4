import { cypher } from '../../neo4j/cypher.ts';
import type { Db } from '../../neo4j/database.ts';
import type { ActorRow, DocumentRow, EventRow } from '../common/rows.ts';

const Q = {
  byIds: cypher('document/by-ids'),
  parties: cypher('document/parties'),
  events: cypher('document/events'),
};

export async function documentsByIds(db: Db, ids: readonly string[]): Promise<DocumentRow[]> {
  return (await db.read<{ document: DocumentRow }>(Q.byIds, { ids })).map((r) => r.document);
}

export async function partiesOfDocuments(
  db: Db,
  documentIds: readonly string[],
): Promise<{ documentId: string; type: 'AUTHORED_BY' | 'ADDRESSED_TO'; actor: ActorRow }[]> {
  return db.read(Q.parties, { documentIds });
}

export async function eventsOfDocuments(
  db: Db,
  documentIds: readonly string[],
): Promise<{ documentId: string; event: EventRow }[]> {
  return db.read(Q.events, { documentIds });
}
