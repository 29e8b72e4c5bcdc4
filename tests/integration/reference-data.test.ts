import { afterAll, describe, expect, inject, it } from 'vitest';
import { codebookVersion, ensureReferenceData } from '../../src/modules/ingest/reference.ts';
import type { Cypher } from '../../src/neo4j/cypher.ts';
import { Database } from '../../src/neo4j/database.ts';
import { migrate } from '../../src/neo4j/migrations.ts';
import { logger, TestHelper } from '../support/harness.ts';

// What a start does to a database that is already up to date: reads, and writes nothing, so
// that an account without write rights can serve a production graph. The read-only handle
// runs every statement in a READ transaction, which the server refuses to let write.
class ReadOnlyDatabase extends Database {
  override run<T = Record<string, unknown>>(query: Cypher, params: Record<string, unknown>): Promise<T[]> {
    return super.run<T>(query, params, 'READ');
  }
}

const helper = new TestHelper('reference-data');
const readOnly = new ReadOnlyDatabase({
  uri: inject('neo4jUri'),
  user: inject('neo4jUser'),
  password: inject('neo4jPassword'),
  database: inject('neo4jDatabase'),
  logger,
});
afterAll(async () => {
  await readOnly.close();
  await helper.close();
});

describe('reference data at start-up', () => {
  it('writes nothing to a database whose codebook is current and that has articles', async () => {
    await ensureReferenceData(helper.database);
    expect(await ensureReferenceData(readOnly)).toEqual({ codebook: 'current', seed: 'skipped' });
  });

  it('is refused by the server when the read-only handle has something to write (the control)', async () => {
    await helper.run("MATCH (c:Codebook {id: 'cameo'}) SET c.version = 'older'");
    await expect(ensureReferenceData(readOnly)).rejects.toThrow(/read access mode|not allowed/i);
    expect(await ensureReferenceData(helper.database)).toEqual({ codebook: 'loaded', seed: 'skipped' });
    const [row] = await helper.run("MATCH (c:Codebook {id: 'cameo'}) RETURN c.version AS version");
    expect(row?.version).toBe(codebookVersion());
  });

  it('applies no schema statement to a database that has every constraint and index', async () => {
    await migrate(helper.database);
    expect(await migrate(helper.database)).toBe(0);
  });
});
