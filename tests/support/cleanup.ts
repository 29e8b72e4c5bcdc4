import { eventsOfActors, withRollups } from '../../src/modules/analytics/rollups.ts';
import type { Database, Tx } from '../../src/neo4j/database.ts';

/*
 * Clean-up by id prefix, on the configured database. Apart from the harness (which imports the
 * app) so that the global setup can use it too.
 */

/**
 * What a prefix owns, removed in this order: the facts its articles stated about actors it does
 * not own (such a relationship survives its ends' clean-up, so the article's id is taken off it,
 * and the fact goes once no other article carries it), then its mentions (each lives IN one
 * article and SUPPORTS one event), then its nodes by label. Facts between owned actors and every
 * other relationship go with their nodes (DETACH). Each statement batches its deletes, so a
 * 20 000-event graph goes without one huge transaction. Events, and owned actors that take part
 * in events the prefix does not own, go with their share of the rollups in each batch.
 */
const CLEANUP = [
  `MATCH (s:Actor)-[r:MEMBER_OF|PART_OF|HOLDS_POSITION]->(o:Actor)
   WHERE any(a IN r.articleIds WHERE a STARTS WITH $p) AND NOT s.id STARTS WITH $p AND NOT o.id STARTS WITH $p
   CALL (r) {
     WITH r, [a IN r.articleIds WHERE NOT a STARTS WITH $p] AS kept
     CALL (r, kept) { WITH * WHERE kept = [] DELETE r }
     CALL (r, kept) { WITH * WHERE kept <> [] SET r.articleIds = kept, r.sources = [x IN r.sources WHERE NOT x STARTS WITH $p] }
   } IN TRANSACTIONS OF 1000 ROWS`,
  `MATCH (a:Article) WHERE a.id STARTS WITH $p
   MATCH (m:Mention)-[:IN]->(a)
   CALL (m) { DETACH DELETE m } IN TRANSACTIONS OF 5000 ROWS`,
  `MATCH (e:Event) WHERE e.id STARTS WITH $p
   MATCH (m:Mention)-[:SUPPORTS]->(e)
   CALL (m) { DETACH DELETE m } IN TRANSACTIONS OF 5000 ROWS`,
];

/** Then the nodes by label; events and actors first leave the rollups (see removeOwned). */
const byLabel = (label: string) => `MATCH (n:${label}) WHERE n.id STARTS WITH $p
  CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`;

/** Events, and actors still taking part in events a prefix does not own, per transaction. */
const PAGE = 2_000;
const Q = {
  ownedEvents: {
    name: 'test/cleanup-owned-events',
    text: 'MATCH (e:Event) WHERE e.id STARTS WITH $p RETURN e.id AS id LIMIT $limit',
  },
  deleteEvents: {
    name: 'test/cleanup-delete-events',
    text: 'UNWIND $ids AS id MATCH (e:Event {id: id}) DETACH DELETE e',
  },
  participatingActors: {
    name: 'test/cleanup-participating-actors',
    text: `MATCH (a:Actor) WHERE a.id STARTS WITH $p AND EXISTS { (a)-[:PARTICIPATED_IN]->(:Event) }
           RETURN a.id AS id LIMIT $limit`,
  },
  deleteActors: {
    name: 'test/cleanup-delete-actors',
    text: 'UNWIND $ids AS id MATCH (a:Actor {id: id}) DETACH DELETE a',
  },
};

/**
 * Deletes, page by page, what `find` names with `remove`, each page in one transaction with the
 * rollups' share of the events it touches (`affected`), so that the rollups stay true.
 */
async function removeWithRollups(
  database: Database,
  prefix: string,
  find: (typeof Q)[keyof typeof Q],
  remove: (typeof Q)[keyof typeof Q],
  affected: (tx: Tx, ids: string[]) => Promise<string[]>,
): Promise<void> {
  for (;;) {
    const removed = await database.transaction(async (tx) => {
      const ids = (await tx.run<{ id: string }>(find, { p: prefix, limit: PAGE })).map((r) => r.id);
      if (ids.length)
        await withRollups(
          tx,
          () => affected(tx, ids),
          () => tx.run(remove, { ids }),
        );
      return ids.length;
    });
    if (removed < PAGE) return;
  }
}

/** The labels whose ids a test can own; `leftovers` looks for a prefix under each. */
export const OWNED_LABELS = ['Actor', 'ActorRedirect', 'Article', 'Document', 'Event', 'Mention'] as const;

/** Runs one statement as an auto-commit transaction (CALL … IN TRANSACTIONS needs one). */
async function runAutoCommit(database: Database, cypher: string, params: Record<string, unknown>) {
  const session = database.driver.session({ database: database.name });
  try {
    await session.run(cypher, params);
  } finally {
    await session.close();
  }
}

/** Removes everything whose id starts with `prefix` (see CLEANUP), on the configured database. */
export async function removeOwned(database: Database, prefix: string): Promise<void> {
  // A short prefix would match other data: the shortest in use is the generated graph's "qg-".
  if (prefix.length < 3) throw new Error(`refusing to clean up the short prefix "${prefix}"`);
  for (const statement of CLEANUP) await runAutoCommit(database, statement, { p: prefix });
  await runAutoCommit(database, byLabel('Mention'), { p: prefix });
  // An event leaves the rollups with its delete; an owned actor still in others' events leaves
  // their actor and partner rows (the global rows do not depend on actors).
  await removeWithRollups(database, prefix, Q.ownedEvents, Q.deleteEvents, async (_tx, ids) => ids);
  await removeWithRollups(database, prefix, Q.participatingActors, Q.deleteActors, (tx, ids) =>
    eventsOfActors(tx, ids),
  );
  for (const label of ['Document', 'Article', 'ActorRedirect', 'Actor'])
    await runAutoCommit(database, byLabel(label), { p: prefix });
}

/**
 * Deletes events by id (those a test wrote under ids it does not choose, as the extraction
 * engine's), in one transaction with their share of the rollups, which a bare DETACH DELETE
 * would leave counting them.
 */
export async function removeEvents(database: Database, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await database.transaction((tx) =>
    withRollups(
      tx,
      async () => ids,
      () => tx.run(Q.deleteEvents, { ids }),
    ),
  );
}

/** The ids under `prefix` still in the graph, by label (empty when a clean-up did its work). */
export async function leftovers(database: Database, prefix: string): Promise<string[]> {
  const found: string[] = [];
  for (const label of OWNED_LABELS) {
    const r = await database.driver.executeQuery(
      `MATCH (n:${label}) WHERE n.id STARTS WITH $p RETURN n.id AS id ORDER BY id LIMIT 20`,
      { p: prefix },
      { database: database.name },
    );
    for (const rec of r.records) found.push(`${label} ${rec.get('id')}`);
  }
  return found;
}
