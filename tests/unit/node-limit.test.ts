import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { countNodes, LIST_ROWS, nodeLimitError, UNSIZED_LIST } from '../../src/http/node-limit.ts';
import { schema } from '../../src/schema/index.ts';
import { DASHBOARD, EXPLOSION } from '../support/operations.ts';

const limits = { maxList: 100, maxNodes: 500_000 };
const count = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  countNodes(schema, parse(query), variables, operationName, limits.maxList);

describe('countNodes', () => {
  it('multiplies each list size down the tree, and admits the 50 × 20 dashboard', () => {
    // 50 actors + 50 × 20 events + 1 000 events × UNSIZED_LIST participants.
    expect(UNSIZED_LIST).toBe(10);
    expect(count(DASHBOARD)).toEqual({ nodes: 50 + 1_000 + 10_000, tooLarge: undefined });
    expect(nodeLimitError(count(DASHBOARD), limits)).toBeNull();
  });

  it('refuses 100 × 100 × participants × 100 with its figure and the limit', () => {
    const counted = count(EXPLOSION);
    expect(counted.nodes).toBe(100 + 10_000 + 100_000 + 10_000_000);
    const error = nodeLimitError(counted, limits);
    expect(error?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      nodes: 10_110_100,
      maxNodes: 500_000,
      http: { spec: true, status: 400 },
    });
    expect(error?.message).toContain('10,110,100 nodes');
    expect(error?.message).toContain('the limit is 500,000');
  });

  it('counts an absent size as the schema default (first: 20), not as 0 or as the maximum', () => {
    const actorsFirst = schema
      .getQueryType()!
      .getFields()
      .actors!.args.find((a) => a.name === 'first');
    expect(actorsFirst?.defaultValue).toBe(20);
    expect(count('{ actors { nodes { events { nodes { id } } } } }').nodes).toBe(20 + 20 * 20);
    // neighborhood's `limit` defaults to 50, search's `first` to 10, paths' `k` to 3.
    expect(count('{ neighborhood(actorId: "belarus") { nodes { id } edges { id } } }').nodes).toBe(50);
    expect(count('{ search(text: "minsk") { node { id } } }').nodes).toBe(10);
    expect(count('{ paths(from: "belarus", to: "nato") { length } }').nodes).toBe(3);
  });

  it('counts a connection once however many of edges and nodes are asked for', () => {
    expect(
      count('{ events(first: 10) { edges { node { id } } nodes { id } pageInfo { hasNextPage } } }').nodes,
    ).toBe(10);
    // events(first: 100) { totalCount } asks for no rows but may fetch them: it counts as 100.
    expect(count('{ events(first: 100) { totalCount } }').nodes).toBe(100);
  });

  it('counts a list with no size argument as UNSIZED_LIST rows, scalar lists included', () => {
    expect(count('{ actor(id: "belarus") { aliases memberships { object { id } } } }').nodes).toBe(
      2 * UNSIZED_LIST,
    );
    expect(count('{ event(id: "e") { participants { actor { aliases } } } }').nodes).toBe(
      UNSIZED_LIST + UNSIZED_LIST * UNSIZED_LIST,
    );
  });

  it('counts the lists known to hold many rows at what they can hold, so nesting under them is refused', () => {
    expect(count('{ article(id: "a") { mentions { id } } }').nodes).toBe(LIST_ROWS['Article.mentions']);
    const wide = count(
      '{ articles(first: 100) { nodes { mentions { event { participants { actor { events(first: 40) { nodes { id } } } } } } } } }',
    );
    // 100 articles × 1 000 quotes × 10 participants × 40 events, and the rows above them.
    expect(wide.nodes).toBe(100 + 100_000 + 1_000_000 + 40_000_000);
    expect(wide.nodes).toBeGreaterThan(limits.maxNodes);
  });

  it('reads sizes from variables, then from the variable default, then from the schema', () => {
    const query =
      'query($a: Int, $e: Int = 30) { actors(first: $a) { nodes { events(first: $e) { totalCount } } } }';
    expect(count(query, { a: 40, e: 5 }).nodes).toBe(40 + 40 * 5);
    expect(count(query, { a: 40 }).nodes).toBe(40 + 40 * 30);
    expect(count(query).nodes).toBe(20 + 20 * 30);
    // An explicit null makes the resolver use its default, and so does the count.
    expect(count(query, { a: null, e: null }).nodes).toBe(20 + 20 * 20);
    // A size that coercion will refuse ("ten") is counted as the default meanwhile.
    expect(count(query, { a: 'ten', e: 1 }).nodes).toBe(20 + 20);
  });

  it('follows named fragments, nested fragments and inline fragments on a concrete type', () => {
    const inline = count(EXPLOSION).nodes;
    const viaFragments = count(`
      { actors(first: 100) { edges { node { ...ActorEvents } } } }
      fragment ActorEvents on Actor { events(first: 100) { edges { node { ...Who } } } }
      fragment Who on Event { participants { actor { ... on Country { events(first: 100) { totalCount } } } } }
    `).nodes;
    expect(viaFragments).toBe(inline);
  });

  it('counts the operation asked for by name, and leaves introspection out', () => {
    const doc =
      'query Small { events(first: 2) { totalCount } } query Big { events(first: 90) { totalCount } }';
    expect(count(doc, {}, 'Small').nodes).toBe(2);
    expect(count(doc, {}, 'Big').nodes).toBe(90);
    expect(count('{ __typename __schema { types { name fields { name args { name } } } } }').nodes).toBe(0);
    expect(count('{ __type(name: "Actor") { fields { name } } actors(first: 3) { __typename } }').nodes).toBe(
      3,
    );
  });

  it('refuses a list over maxList, naming the field path, the size asked for and the maximum', () => {
    const literal = count('{ actors(first: 3) { nodes { recent: events(first: 101) { totalCount } } } }');
    expect(literal.tooLarge).toEqual({ path: 'actors.nodes.recent', argument: 'first', size: 101 });
    const error = nodeLimitError(literal, limits);
    expect(error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'actors.nodes.recent',
      argument: 'first',
      size: 101,
      maxList: 100,
    });
    expect(error?.message).toBe(
      'actors.nodes.recent asks for 101 rows (first: 101); a list may ask for at most 100.',
    );

    const variable = count('query($n: Int!) { neighborhood(actorId: "belarus", limit: $n) { center } }', {
      n: 150,
    });
    expect(variable.tooLarge).toEqual({ path: 'neighborhood', argument: 'limit', size: 150 });
    expect(count('{ events(first: 100) { totalCount } }').tooLarge).toBeUndefined();
  });

  it('takes its limits from PARLEY_MAX_LIST and PARLEY_MAX_NODES, 100 and 500 000 by default', () => {
    expect(loadConfig({}).security).toMatchObject({ maxList: 100, maxNodes: 500_000 });
    const strict = loadConfig({ PARLEY_MAX_LIST: '10', PARLEY_MAX_NODES: '1000' }).security;
    const small = count('{ actors(first: 20) { totalCount } }');
    expect(nodeLimitError(small, strict)).toBeNull();
    const over = countNodes(schema, parse('{ actors(first: 20) { totalCount } }'), {}, null, strict.maxList);
    expect(nodeLimitError(over, strict)?.extensions?.maxList).toBe(10);
    expect(nodeLimitError(count(DASHBOARD), strict)?.extensions).toMatchObject({
      nodes: 11_050,
      maxNodes: 1000,
    });
  });
});
