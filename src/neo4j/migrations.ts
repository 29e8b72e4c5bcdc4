import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger.ts';
import { ensureRollups } from '../modules/analytics/rollups.ts';
import { CYPHER_DIR } from './cypher.ts';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = path.join(CYPHER_DIR, 'migrations');

/**
 * Schema statements, in file order. A migration file may hold several DDL statements, one per
 * `;`-terminated line group, because each constraint or index is its own schema transaction
 * anyway; every statement must be idempotent (IF NOT EXISTS).
 */
export function migrationStatements(): { file: string; statement: string }[] {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.cypher'))
    .sort();
  return files.flatMap((file) =>
    readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n')
      .split(/;\s*(?:\n|$)/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((statement) => ({ file, statement })),
  );
}

const NAMED = /^CREATE\s+(?:CONSTRAINT|(?:FULLTEXT\s+|RANGE\s+|TEXT\s+|POINT\s+|VECTOR\s+)?INDEX)\s+(\w+)/i;

const DROPPED = /^DROP\s+(?:CONSTRAINT|INDEX)\s+(\w+)\s+IF\s+EXISTS/i;

/** The name a migration statement gives its constraint or index, if any. */
export function migrationName(statement: string): string | undefined {
  return NAMED.exec(statement)?.[1];
}

/** The constraint or index a migration statement drops (an earlier version's), if any. */
export function droppedName(statement: string): string | undefined {
  return DROPPED.exec(statement)?.[1];
}

/**
 * Applies the migration statements whose constraint or index is not there yet (or, for a drop,
 * still there), waits for the
 * indexes to come online, and builds the rollups if the graph has none of their version. On an
 * up-to-date database it only reads, so that an account without schema rights can start the API.
 */
export async function migrate(db: Database, logger?: Logger): Promise<number> {
  const statements = migrationStatements();
  const existing = new Set<string>();
  for (const show of ['SHOW CONSTRAINTS YIELD name', 'SHOW INDEXES YIELD name']) {
    const r = await db.driver.executeQuery(show, {}, { database: db.name, routing: 'READ' });
    for (const rec of r.records) existing.add(rec.get('name') as string);
  }
  // A CREATE runs while its name is missing, a DROP while its name is there: an up-to-date
  // database runs neither. What a later migration drops (an earlier version's index) is never
  // created, so a fresh database does not build it only to drop it.
  const dropped = new Set(statements.map(({ statement }) => droppedName(statement)).filter(Boolean));
  const pending = statements.filter(({ statement }) => {
    const drop = droppedName(statement);
    if (drop) return existing.has(drop);
    const name = migrationName(statement);
    return !name || !(existing.has(name) || dropped.has(name));
  });
  for (const { file, statement } of pending) {
    await db.driver.executeQuery(statement, {}, { database: db.name });
    logger?.debug({ file, statement }, 'migration applied');
  }
  await db.driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: db.name, routing: 'READ' });
  // Data, not schema: the rollups are built from the events once (and again when their shape
  // changes); on a graph that has them this is one read.
  const rollups = await ensureRollups(db, logger);
  logger?.info(
    { statements: statements.length, applied: pending.length, rollups },
    'schema migrations checked',
  );
  return pending.length;
}
