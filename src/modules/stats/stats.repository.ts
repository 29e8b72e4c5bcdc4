import { z } from 'zod';
import { cypher } from '../../neo4j/cypher.ts';
import type { Session } from '../../neo4j/database.ts';

const NODE_COUNTS = cypher('stats/node-counts');

const labelCount = z.object({ label: z.string(), count: z.number().int() });
export type LabelCount = z.infer<typeof labelCount>;

export async function nodeCountsByLabel(db: Session): Promise<LabelCount[]> {
  const rows = await db.read(NODE_COUNTS);
  return rows.map((r) => labelCount.parse(r));
}
