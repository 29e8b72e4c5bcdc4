import type { BundleInput } from '../../ingest/bundle.ts';
import type { GraphActor } from './gazetteer.ts';

/**
 * The gazetteer rows a graph holding this bundle would give (cypher/extraction/actors.cypher):
 * each actor with its aliases and the state it acts for, through PART_OF or a position's body.
 * The evaluation, the benchmark and unit tests use it to stand for the seeded graph offline.
 */
export function graphActorsOfBundle(bundle: BundleInput): GraphActor[] {
  const actors = bundle.actors ?? [];
  const kinds = new Map(actors.map((a) => [a.id, a.kind]));
  const facts = bundle.facts ?? [];
  const partOf = (id: string) =>
    facts.find((f) => f.type === 'PART_OF' && f.subjectId === id && kinds.get(f.objectId) === 'COUNTRY')
      ?.objectId;
  const stateOf = (id: string) => {
    const states = [
      partOf(id),
      ...facts
        .filter((f) => f.type === 'HOLDS_POSITION' && f.subjectId === id)
        .map((f) => partOf(f.objectId)),
    ].filter((x): x is string => !!x);
    return states.sort()[0] ?? null;
  };
  return actors.map((a) => ({
    id: a.id,
    name: a.name,
    kind: a.kind,
    aliases: a.aliases ?? [],
    countryCode: a.countryCode ?? null,
    actsFor: stateOf(a.id),
  }));
}
