import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger.ts';
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

/** Applies every migration statement and waits for the indexes to come online. */
export async function migrate(db: Database, logger?: Logger): Promise<number> {
  const statements = migrationStatements();
  for (const { file, statement } of statements) {
    await db.driver.executeQuery(statement, {}, { database: db.name });
    logger?.debug({ file, statement }, 'migration applied');
  }
  await db.driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: db.name });
  logger?.info({ statements: statements.length }, 'schema migrations applied');
  return statements.length;
}
