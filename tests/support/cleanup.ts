import type { Database } from '../../src/neo4j/database.ts';

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
 * 20 000-event graph goes without one huge transaction.
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
  ...['Mention', 'Event', 'Document', 'Article', 'ActorRedirect', 'Actor'].map(
    (label) => `MATCH (n:${label}) WHERE n.id STARTS WITH $p
     CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`,
  ),
];

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
