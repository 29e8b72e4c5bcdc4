import { afterAll, describe, expect, it } from 'vitest';
import { migrate, migrationStatements } from '../../src/neo4j/migrations.ts';
import { TestHelper } from '../support/harness.ts';

// Migrations write schema, not data: nothing to clean up but the connection.
const helper = new TestHelper('migrations');
const db = helper.database;
afterAll(() => helper.close());

async function schemaObjects() {
  const constraints = await helper.run<{ name: string }>(
    'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name',
  );
  const indexes = await helper.run<{ state: string }>(
    "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state WHERE type <> 'LOOKUP' RETURN name, type, labelsOrTypes, properties, state ORDER BY name",
  );
  return { constraints, indexes };
}

describe('schema migrations', () => {
  it('are all written in Neo4j 5 syntax, idempotent: CREATE … IF NOT EXISTS or DROP … IF EXISTS', () => {
    const statements = migrationStatements();
    expect(statements.length).toBeGreaterThan(0);
    for (const { statement } of statements) {
      expect(statement).toMatch(/^CREATE .*IF NOT EXISTS|^DROP (CONSTRAINT|INDEX) \w+ IF EXISTS$/s);
      expect(statement).not.toMatch(/\bASSERT\b/);
    }
  });

  it('drop what an earlier version created, once: a second run applies nothing', async () => {
    // What rollups version 2 created (migration 006 drops it).
    await helper.run('CREATE INDEX rollup_actor_year_year IF NOT EXISTS FOR (n:RollupActorYear) ON (n.year)');
    expect(await migrate(db)).toBe(1);
    const indexes = await helper.run<{ name: string }>('SHOW INDEXES YIELD name RETURN name');
    expect(indexes.map((i) => i.name)).not.toContain('rollup_actor_year_year');
    expect(await migrate(db)).toBe(0);
  });

  it('can be applied twice and leave the same constraints and indexes', async () => {
    await migrate(db);
    const first = await schemaObjects();
    await migrate(db);
    const second = await schemaObjects();
    expect(second).toEqual(first);
    const names = first.constraints.map((c) => c.name);
    for (const expected of [
      'actor_id',
      'event_id',
      'event_type_code',
      'document_id',
      'article_id',
      'mention_id',
    ]) {
      expect(names).toContain(expected);
    }
    expect(first.indexes.every((i) => i.state === 'ONLINE')).toBe(true);
  });
});
