import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { cypher } from '../../neo4j/cypher.ts';
import type { Db } from '../../neo4j/database.ts';
import { eventsOfCodes, withRollups } from '../analytics/rollups.ts';
import { parseCsv } from './csv.ts';

export const CODEBOOK_PATH = new URL('../../../data/reference/cameo-codes.csv', import.meta.url);
const UPSERT = cypher('ingest/event-types');
const CHANGED = cypher('ingest/event-types-changed');

const row = z.object({
  code: z.string().regex(/^\d{2,4}$/),
  name: z.string().min(1),
  // In tenths, as CAMEO scores them: the rollups keep sums of scores as exact integer tenths.
  goldstein: z.coerce
    .number()
    .min(-10)
    .max(10)
    .refine((g) => Math.abs(g * 10 - Math.round(g * 10)) < 1e-9, 'a Goldstein score is in tenths'),
  rootCode: z.string().regex(/^\d{2}$/),
  quadClass: z.coerce.number().int().min(1).max(4),
  description: z.string().nullable(),
});
export type EventTypeRow = z.infer<typeof row> & { parentCode: string | null; level: number };

/** The CAMEO codebook: a code's parent is the code one digit shorter ("0211" → "021" → "02"). */
export function readCodebook(path: URL = CODEBOOK_PATH): EventTypeRow[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const expected = ['code', 'name', 'goldstein', 'root_code', 'quad_class', 'description'];
  if (header?.join(',') !== expected.join(','))
    throw new Error(`unexpected codebook header: ${header?.join(',')}`);
  return rows.map((r) => {
    const parsed = row.parse({
      code: r[0],
      name: r[1],
      goldstein: r[2],
      rootCode: r[3],
      quadClass: r[4],
      description: r[5] || null,
    });
    const level = parsed.code.length - 1;
    return { ...parsed, level, parentCode: level > 1 ? parsed.code.slice(0, -1) : null };
  });
}

/**
 * Writes the codebook as (:EventType) nodes linked CHILD_OF their parent; idempotent. A code
 * whose Goldstein score changes moves its events' share of the rollups' sums in the same
 * transaction (the counts and QuadClasses are read from the EventType, so nothing else moves).
 */
export async function loadCodebook(db: Db): Promise<number> {
  const types = readCodebook();
  await db.transaction(async (tx) => {
    const changed = (await tx.run<{ code: string }>(CHANGED, { types })).map((r) => r.code);
    await withRollups(
      tx,
      () => eventsOfCodes(tx, changed),
      () => tx.run(UPSERT, { types }),
    );
  });
  return types.length;
}
