import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCodebook } from '../../src/modules/ingest/codebook.ts';
import { ingestBundle } from '../../src/modules/ingest/ingest.ts';
import { cypher } from '../../src/neo4j/cypher.ts';
import { Database } from '../../src/neo4j/database.ts';
import { makeBundle } from '../support/bundles.ts';
import { logger, TestHelper } from '../support/harness.ts';

// Through a neo4j:// URI the driver routes: writes to the leader, reads to followers. A read
// after a write sees it only if it waits for the write's bookmark, so writes and reads must
// share one bookmark manager. The embedded Neo4j answers routing requests, so this runs here
// as it would against a cluster or Aura.
const helper = new TestHelper('read-your-writes');
const routed = new Database({
  uri: inject('neo4jUri').replace(/^bolt:/, 'neo4j:'),
  user: inject('neo4jUser'),
  password: inject('neo4jPassword'),
  database: inject('neo4jDatabase'),
  logger,
});
const ARTICLE_BY_ID = cypher('article/by-ids');

beforeAll(() => loadCodebook(helper.database));
afterAll(async () => {
  await helper.cleanup();
  await helper.close();
  await routed.close();
});

describe('read-your-writes through a neo4j:// URI', () => {
  it('hands a write transaction bookmark to the manager that reads wait on', async () => {
    const manager = routed.driver.executeQueryBookmarkManager;
    const before = [...(await manager.getBookmarks())];
    const probe = { name: 'test/probe', text: 'CREATE (:Document {id: $id, kind: $kind, title: $id})' };
    await routed.writeTransaction((tx) => tx.run(probe, { id: helper.id('probe'), kind: 'LETTER' }));
    const after = [...(await manager.getBookmarks())];
    expect(after.length).toBeGreaterThan(0);
    expect(after).not.toEqual(before);
  });

  it('ingests a bundle and reads it back through the routing driver', async () => {
    const bundle = makeBundle(helper.prefix);
    expect((await ingestBundle(routed, bundle)).outcome).toBe('created');
    const rows = await routed.run<{ article: { id: string } }>(
      ARTICLE_BY_ID,
      { ids: [bundle.article.id] },
      'READ',
    );
    expect(rows.map((r) => r.article.id)).toEqual([bundle.article.id]);
  });
});
