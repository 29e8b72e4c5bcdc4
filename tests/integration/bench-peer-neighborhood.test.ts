import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neighborhoodFingerprint } from '../../bench/operations.ts';
import { neighborhoodCypher } from '../../bench/systems/peer-cypher.ts';
import { generateBundles } from '../../src/generator/generate.ts';
import { ingestItems } from '../../src/modules/ingest/bulk.ts';
import { loadCodebook } from '../../src/modules/ingest/codebook.ts';
import { toPlain } from '../../src/neo4j/values.ts';
import { execute, TestHelper, testApp } from '../support/harness.ts';

// The benchmark's peer answers `neighborhood` with one @cypher statement generated from
// Parley's (bench/systems/peer-cypher.ts). Whatever Parley's statements or its service become,
// that statement must give the graph Parley's API gives, node for node and edge for edge.
const helper = new TestHelper('bench-peer-neighborhood');
const db = helper.database;
const app = testApp(db);
let ranked: { id: string; events: number }[] = [];

beforeAll(async () => {
  await loadCodebook(db);
  const bundles = generateBundles({ seed: 15, actors: 80, events: 600, idPrefix: helper.prefix });
  const items = (function* () {
    let i = 0;
    for (const value of bundles) yield { where: `bundle ${i++}`, value };
  })();
  const summary = await ingestItems(db, items, { batch: 10 });
  expect(summary.counts.failed).toBe(0);
  ranked = await helper.run(
    `MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event) WHERE a.id STARTS WITH $p
     WITH a, count(DISTINCT e) AS events RETURN a.id AS id, events ORDER BY events DESC, a.id`,
    { p: helper.prefix },
  );
}, 240_000);
afterAll(async () => {
  await helper.cleanup();
  await helper.close();
});

const QUERY = `query($id: ID!, $limit: Int!) { neighborhood(actorId: $id, depth: 2, limit: $limit) {
  truncated nodes { id type label depth weight } edges { source target type role } } }`;

async function peer(actorId: string, limit: number) {
  const r = await db.driver.executeQuery(
    neighborhoodCypher(),
    { actorId, limit: neo4j.int(limit) },
    { database: db.name },
  );
  return toPlain(r.records[0]!.get('graph'));
}

describe("the peer's generated neighbourhood statement", () => {
  it.each([
    ['the hub', 0, 50],
    ['a mid actor', 0.5, 50],
    ['a mid actor, cut short', 0.5, 8],
    ['a quiet actor', 0.9, 30],
  ])('gives the graph Parley gives for %s', async (_what, at, limit) => {
    expect(ranked.length).toBeGreaterThan(40);
    const id = ranked[Math.floor(at * (ranked.length - 1))]!.id;
    const { data } = await execute<any>(app, QUERY, { id, limit });
    const theirs = await peer(id, limit);
    expect(data.neighborhood.nodes.length).toBeGreaterThan(1);
    expect(neighborhoodFingerprint(theirs)).toBe(neighborhoodFingerprint(data.neighborhood));
  });
});
