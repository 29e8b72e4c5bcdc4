import { cypher } from '../../neo4j/cypher.ts';
import type { Db } from '../../neo4j/database.ts';
import { eventTypesByCodes } from '../event/event.repository.ts';
import type { GraphActor } from './actors/gazetteer.ts';

const Q = {
  actors: cypher('extraction/actors'),
  fingerprint: cypher('extraction/actors-fingerprint'),
};

/** Every actor of the graph, for the gazetteer. */
export async function graphActors(db: Db): Promise<GraphActor[]> {
  return db.read<GraphActor>(Q.actors);
}

/** One row summarising the actors (see the statement): equal fingerprints, same gazetteer. */
export async function actorsFingerprint(db: Db): Promise<string> {
  const [row] = await db.read<Record<string, number | null>>(Q.fingerprint);
  return [row?.count, row?.chars, row?.aliases, row?.aliasChars].map((n) => n ?? 0).join(':');
}

/** The codebook's names of CAMEO codes ("036" → "Express intent to meet or negotiate"). */
export async function cameoNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const types = await eventTypesByCodes(db, [...new Set(codes)]);
  return new Map(types.map((t) => [t.code, t.name]));
}
