import { describe, expect, it } from 'vitest';
import {
  bindConstants,
  countsByTypeCypher,
  histogramCypher,
  NEIGHBORHOOD_SOURCES,
  neighborhoodConstants,
  neighborhoodCypher,
  parametersOf,
  topActorsCypher,
  withoutComments,
} from '../../bench/systems/peer-cypher.ts';
import { cypher } from '../../src/neo4j/cypher.ts';

// The peer's neighbourhood @cypher is generated from the statements Parley runs. These tests
// fail when Parley's statements change in a way the generation does not carry over.
const source = (i: 0 | 1 | 2) => cypher(NEIGHBORHOOD_SOURCES[i]).text;

/** The lines of a statement the generation must carry unchanged: those with no parameter it turns into a variable. */
function carriedLines(text: string, dynamic: string[]): string[] {
  return (
    withoutComments(bindConstants(text, neighborhoodConstants()))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !dynamic.some((d) => l.includes(`$${d}`)))
      // Lines the generation extends with the variables it carries (checked by the anchors).
      .filter((l) => !/^(WITH [af], |CALL \(f, walk\) \{$|WITH DISTINCT e$)/.test(l))
  );
}

describe("the peer's neighbourhood @cypher", () => {
  const generated = neighborhoodCypher();
  const lines = new Set(generated.split('\n').map((l) => l.trim()));

  it('has only its field arguments as parameters', () => {
    expect(parametersOf(generated)).toEqual(['actorId', 'limit']);
  });

  it("carries every other line of Parley's three statements", () => {
    const missing = [
      ...carriedLines(source(0), ['frontier', 'seen']),
      ...carriedLines(source(1), ['actorIds', 'limit']),
      ...carriedLines(source(2), ['actorIds']),
    ].filter((l) => !lines.has(l));
    expect(missing).toEqual([]);
  });

  it('runs the layer twice (two rings) and the tying events and facts once', () => {
    expect(generated.match(/MATCH \(e\)<-\[q:PARTICIPATED_IN\]-\(b:Actor\)/g)).toHaveLength(2);
    expect(generated.match(/WHERE kept >= 2/g)).toHaveLength(1);
    expect(generated.match(/\[r:MEMBER_OF\|PART_OF\|HOLDS_POSITION\]/g)).toHaveLength(1);
  });

  it('refuses a statement whose shape changed, rather than running an old one', () => {
    const renamed = source(0).replace('UNWIND $frontier AS frontierId', 'UNWIND $frontier AS fid');
    expect(() => neighborhoodCypher({ layer: renamed })).toThrow(/UNWIND \$frontier AS frontierId/);
    const moreScopes = source(1).replace(
      'CALL (a, full) {',
      'WITH a, walked, size(walked) = 1 AS x\nCALL (a, full) {',
    );
    expect(() => neighborhoodCypher({ events: moreScopes })).toThrow(/WITH a, walked, size\(walked\)/);
  });

  it('shows a parameter Parley added, which a @cypher field could not receive', () => {
    const extra = source(2).replace(
      'WHERE x.id IN $actorIds',
      'WHERE x.since >= $since AND x.id IN $actorIds',
    );
    expect(parametersOf(neighborhoodCypher({ structure: extra }))).toEqual(['actorId', 'limit', 'since']);
  });
});

describe("the peer's analytics @cypher variants", () => {
  it('take only their field arguments', () => {
    expect(parametersOf(histogramCypher())).toEqual([]);
    expect(parametersOf(topActorsCypher())).toEqual(['first', 'from', 'to']);
    expect(parametersOf(countsByTypeCypher())).toEqual(['level']);
  });
});
