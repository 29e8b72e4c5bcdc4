import {
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  ACTOR_KEYS,
  actorKeys,
  EVENT_KEYS,
  eventKeys,
  fromValues,
  isFull,
} from '../../src/modules/common/projection.ts';
import type { ActorRow } from '../../src/modules/common/rows.ts';

// The keys a selection of Event (or Actor) nodes reads, from a document whose operation selects
// those nodes at its root (`{ e { … } }`), with its fragments and variables.
function nodesOf(source: string, variableValues: Record<string, unknown> = {}) {
  const doc = parse(source);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  let operation: OperationDefinitionNode | undefined;
  for (const d of doc.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    if (d.kind === Kind.OPERATION_DEFINITION) operation = d;
  }
  const nodes = operation!.selectionSet.selections as FieldNode[];
  return { info: { fragments, variableValues }, nodes };
}

describe('eventKeys', () => {
  it('always reads id and earliest, and adds the keys of the fields asked', () => {
    const { info, nodes } = nodesOf('{ e { id } }');
    expect(eventKeys(info, nodes)).toEqual(['id', 'earliest']);
    const asked = nodesOf('{ e { summary type { code } participants { role } } }');
    expect(eventKeys(asked.info, asked.nodes)).toEqual(['id', 'earliest', 'summary', 'cameoCode']);
  });

  it('reads a date key only for the date fields asked', () => {
    const { info, nodes } = nodesOf('{ e { date { earliest precision text } } }');
    expect(eventKeys(info, nodes)).toEqual(['id', 'earliest', 'precision', 'dateText']);
  });

  it('follows named and inline fragments and leaves out what @skip and @include drop', () => {
    const source = `query($x: Boolean!) { e { ...F ... on Event { status @include(if: $x) } } }
      fragment F on Event { cameoCode date @skip(if: $x) { latest } }`;
    const on = nodesOf(source, { x: true });
    expect(eventKeys(on.info, on.nodes)).toEqual(['id', 'earliest', 'cameoCode', 'status']);
    const off = nodesOf(source, { x: false });
    expect(eventKeys(off.info, off.nodes)).toEqual(['id', 'earliest', 'cameoCode', 'latest']);
  });

  it('gives every key in the statement order when every field is asked', () => {
    const { info, nodes } = nodesOf(
      '{ e { dateText: date { text qualifier precision latest } status cameoCode summary } }',
    );
    expect(eventKeys(info, nodes)).toEqual(EVENT_KEYS);
  });
});

describe('actorKeys', () => {
  it('always reads id and kind, and adds the keys of the fields asked', () => {
    const { info, nodes } = nodesOf('{ a { id __typename events { totalCount } } }');
    expect(actorKeys(info, nodes)).toEqual(['id', 'kind']);
    const all = nodesOf('{ a { countryCode ... on Person { name aliases } wikidataId } }');
    expect(actorKeys(all.info, all.nodes)).toEqual(ACTOR_KEYS);
    expect(isFull(actorKeys(all.info, all.nodes), ACTOR_KEYS)).toBe(true);
    expect(isFull(actorKeys(info, nodes), ACTOR_KEYS)).toBe(false);
  });
});

describe('fromValues', () => {
  it('makes a row with exactly the keys given, null values kept', () => {
    expect(fromValues<ActorRow>(['id', 'kind', 'countryCode'], ['nato', 'ORGANIZATION', null])).toEqual({
      id: 'nato',
      kind: 'ORGANIZATION',
      countryCode: null,
    });
    expect(Object.keys(fromValues<ActorRow>(['id', 'name'], ['x', 'X']))).toEqual(['id', 'name']);
  });
});
