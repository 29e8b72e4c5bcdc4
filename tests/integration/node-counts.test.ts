import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLLUP_LABELS } from '../../src/modules/analytics/rollups.ts';
import { actorLabel } from '../../src/modules/common/identity.ts';
import { ACTOR_KINDS } from '../../src/modules/common/vocabulary.ts';

import { loadCodebook } from '../../src/modules/ingest/codebook.ts';
import { ingestBundle } from '../../src/modules/ingest/ingest.ts';
import { cypher } from '../../src/neo4j/cypher.ts';
import { makeBundle } from '../support/bundles.ts';
import { execute, TestHelper, testApp } from '../support/harness.ts';

const helper = new TestHelper('node-counts');
const app = testApp(helper.database);
// The bundle's events need their CAMEO types.
beforeAll(() => loadCodebook(helper.database));
afterAll(async () => {
  await helper.cleanup();
  await helper.close();
});

const NODE_COUNTS = '{ nodeCounts { label count } }';

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}

/** Operator names of a plan, without the runtime suffix ("AllNodesScan@neo4j" → "AllNodesScan"). */
function operators(plan: PlanNode): string[] {
  return [plan.operatorType.split('@')[0]!, ...plan.children.flatMap(operators)];
}

/**
 * The labels of the model: each node kind keyed by a constraint, and each actor's kind label;
 * not the rollups' rows, which are derived from the events and no kind of thing in the graph.
 */
async function modelLabels(): Promise<string[]> {
  const keyed = await helper.run<{ labelsOrTypes: string[] }>(
    "SHOW CONSTRAINTS YIELD entityType, labelsOrTypes WHERE entityType = 'NODE' RETURN labelsOrTypes",
  );
  // The rows, and the one RollupState node that records which rollup version they follow.
  const derived = new Set<string>([...ROLLUP_LABELS, 'RollupState']);
  return [...new Set([...keyed.flatMap((r) => r.labelsOrTypes), ...ACTOR_KINDS.map(actorLabel)])]
    .filter((l) => !derived.has(l))
    .sort();
}

async function nodeCounts(): Promise<Map<string, number>> {
  const { data } = await execute<{ nodeCounts: { label: string; count: number }[] }>(app, NODE_COUNTS);
  return new Map(data.nodeCounts.map((c) => [c.label, c.count]));
}

describe('nodeCounts', () => {
  it('reads every count from the count store and scans no node', async () => {
    const labels = await modelLabels();
    // TestHelper.run returns rows only; the plan is in the summary.
    const result = await helper.database.driver.executeQuery(
      `PROFILE ${cypher('stats/node-counts').text}`,
      {},
      { database: helper.database.name },
    );
    const ops = operators(result.summary.profile as unknown as PlanNode);
    expect(ops.filter((op) => op === 'NodeCountFromCountStore')).toHaveLength(labels.length);
    expect(ops.filter((op) => /Scan|Seek|Expand/.test(op))).toEqual([]);
  });

  it('counts every label the model writes, as MATCH counts them, in one round trip', async () => {
    const labels = await modelLabels();
    const { data, extensions } = await execute<{ nodeCounts: { label: string; count: number }[] }>(
      app,
      NODE_COUNTS,
    );
    expect(data.nodeCounts.map((c) => c.label)).toEqual(labels);
    for (const { label, count } of data.nodeCounts) {
      const [row] = await helper.run<{ n: number }>(`MATCH (n:\`${label}\`) RETURN count(n) AS n`);
      expect(count, label).toBe(row!.n);
    }
    expect(extensions?.parley?.cypherQueries).toBe(1);
    expect(extensions?.parley?.statements).toEqual(['stats/node-counts']);
  });

  it('follows an ingested article, label by label', async () => {
    const before = await nodeCounts();
    await ingestBundle(helper.database, makeBundle(helper.prefix));
    const after = await nodeCounts();
    const [mentions] = await helper.run<{ n: number }>(
      'MATCH (m:Mention)-[:IN]->(:Article {id: $id}) RETURN count(m) AS n',
      { id: helper.id('article') },
    );
    expect(mentions!.n).toBeGreaterThan(0);
    const added = Object.fromEntries([...after].map(([label, n]) => [label, n - (before.get(label) ?? 0)]));
    // Alpha is a country, Beta a person and Gamma an IGO (an organization).
    expect(added).toEqual({
      Actor: 3,
      ActorRedirect: 0,
      Article: 1,
      Country: 1,
      Document: 1,
      Event: 2,
      EventType: 0,
      Mention: mentions!.n,
      Organization: 1,
      Person: 1,
    });
  });
});
