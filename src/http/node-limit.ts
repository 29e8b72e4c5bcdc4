import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';
import { ErrorCode } from '../errors.ts';

/**
 * Arguments that set how many rows a field returns. `k` is `paths`' count of paths; it takes
 * the same place as `first` does elsewhere.
 */
export const SIZE_ARGUMENTS = ['first', 'limit', 'k'] as const;

/**
 * What a list without a size argument (`participants`, `aliases`, `mentions`, `members` …)
 * counts for. There is no true maximum (aliases and participants accumulate across articles),
 * so this is a generous typical figure: an event has 2–5 participants and 1–3 quotes, an actor
 * a handful of aliases and facts. A hub above it (NATO's 32 members) is counted low, but only
 * by a constant factor, which the limit can afford; what it must catch is lists nested in lists.
 */
export const UNSIZED_LIST = 10;

/**
 * Lists without a size argument that can hold far more than UNSIZED_LIST, counted at what they
 * can really hold: an article's quotes (a bulk bundle carries hundreds of events), a document's
 * events (they accumulate across articles), the codebook (312 codes), histogram and timeline
 * buckets (at most MAX_BUCKETS, 5 000). Without these, a list of articles with their mentions'
 * events' participants would be counted at a hundredth of what it returns.
 */
export const LIST_ROWS: Readonly<Record<string, number>> = {
  'Article.mentions': 1_000,
  'Document.events': 200,
  'Provenance.mentions': 200,
  'Provenance.articles': 200,
  'Query.eventTypes': 320,
  'Query.eventHistogram': 5_000,
  'Relation.timeline': 5_000,
};

export interface NodeLimits {
  /** The largest size argument one field may ask for. */
  maxList: number;
  /** The most nodes one operation may return. */
  maxNodes: number;
}

export interface NodeCount {
  /** What the operation can return at most: every list's rows, multiplied down the tree. */
  nodes: number;
  /** The first size argument over `maxList`, if any. */
  tooLarge?: { path: string; argument: string; size: number };
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  defaults: Map<string, unknown>;
  maxList: number;
  nodes: number;
  tooLarge?: NodeCount['tooLarge'];
}

/**
 * Counts the nodes an operation can return, in the manner of GitHub's GraphQL node limit:
 * a field with a size argument (its value, or the schema's default when absent) returns that
 * many rows for each row of its parent. A connection's `edges`/`nodes` are the rows its own
 * `first` already counted, so they multiply what is below them but add nothing; any other
 * list without a size argument counts as UNSIZED_LIST rows. Singular objects and scalars add
 * nothing. Fragments are followed, introspection is not counted, and `@skip`/`@include` are
 * ignored (a skipped field is counted: the figure is an upper bound).
 */
export function countNodes(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined = {},
  operationName?: string | null,
  maxList = Number.POSITIVE_INFINITY,
): NodeCount {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return { nodes: 0 };
  const root = schema.getRootType(operation.operation);
  if (!root) return { nodes: 0 };

  const walk: Walk = {
    schema,
    fragments: new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((f) => [f.name.value, f]),
    ),
    variables: variables ?? {},
    defaults: new Map(
      (operation.variableDefinitions ?? [])
        .filter((v) => v.defaultValue)
        .map((v) => [v.variable.name.value, valueFromASTUntyped(v.defaultValue!)]),
    ),
    maxList,
    nodes: 0,
  };
  visit(walk, operation.selectionSet, root, 1, null, '', new Set());
  return { nodes: walk.nodes, tooLarge: walk.tooLarge };
}

/**
 * `rows`: how many times this selection set is returned. `pending`: the size of the
 * connection (or other sized object) this selection set belongs to, which its lists inherit.
 */
function visit(
  walk: Walk,
  selectionSet: SelectionSetNode,
  type: GraphQLNamedType,
  rows: number,
  pending: number | null,
  path: string,
  fragmentsOnPath: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      visitField(walk, selection, type, rows, pending, path, fragmentsOnPath);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : type;
      visit(walk, selection.selectionSet, on ?? type, rows, pending, path, fragmentsOnPath);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      // Validation refuses cycles; the guard keeps a document that skipped it from looping.
      if (!fragment || fragmentsOnPath.has(name)) continue;
      const on = walk.schema.getType(fragment.typeCondition.name.value) ?? type;
      const inner = new Set(fragmentsOnPath).add(name);
      visit(walk, fragment.selectionSet, on, rows, pending, path, inner);
    }
  }
}

function visitField(
  walk: Walk,
  node: FieldNode,
  parent: GraphQLNamedType,
  rows: number,
  pending: number | null,
  path: string,
  fragmentsOnPath: Set<string>,
): void {
  const name = node.name.value;
  if (name.startsWith('__')) return;
  if (!isObjectType(parent) && !isInterfaceType(parent)) return;
  const field = parent.getFields()[name];
  if (!field) return;
  const here = path ? `${path}.${node.alias?.value ?? name}` : (node.alias?.value ?? name);
  const list = isListType(getNullableType(field.type));
  const sized = sizeOf(walk, node, field, here);

  let below = rows;
  let inherited: number | null = null;
  if (sized !== null) {
    walk.nodes += rows * sized;
    if (list) below = rows * sized;
    else inherited = sized;
  } else if (list) {
    if (pending !== null) {
      below = rows * pending;
    } else {
      const each = LIST_ROWS[`${parent.name}.${name}`] ?? UNSIZED_LIST;
      walk.nodes += rows * each;
      below = rows * each;
    }
  }
  if (node.selectionSet) {
    visit(walk, node.selectionSet, getNamedType(field.type), below, inherited, here, fragmentsOnPath);
  }
}

/** The field's size argument as the request gives it, else the schema's default; null if none. */
function sizeOf(
  walk: Walk,
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
  path: string,
): number | null {
  for (const argument of SIZE_ARGUMENTS) {
    const definition = field.args.find((a) => a.name === argument);
    if (!definition) continue;
    const given = node.arguments?.find((a) => a.name.value === argument);
    let value = given ? argumentValue(walk, given.value) : undefined;
    // A size that is not an integer is refused by coercion, later; count the default meanwhile.
    if (typeof value !== 'number' || !Number.isInteger(value)) value = definition.defaultValue;
    if (typeof value !== 'number' || !Number.isInteger(value)) return null;
    const size = Math.max(0, value);
    if (size > walk.maxList && !walk.tooLarge) walk.tooLarge = { path, argument, size };
    return size;
  }
  return null;
}

function argumentValue(walk: Walk, value: ValueNode): unknown {
  if (value.kind !== Kind.VARIABLE) return valueFromASTUntyped(value);
  const name = value.name.value;
  return Object.hasOwn(walk.variables, name) ? walk.variables[name] : walk.defaults.get(name);
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * As Yoga marks validation errors, and so graphql-armor's token and alias refusals: 400 for a
 * client that accepts application/graphql-response+json, 200 for plain application/json.
 */
const REQUEST_ERROR = { spec: true, status: 400 };

/** The refusal of an operation over `maxNodes`, or of one list over `maxList`; null if it may run. */
export function nodeLimitError(count: NodeCount, limits: NodeLimits): GraphQLError | null {
  if (count.tooLarge) {
    const { path, argument, size } = count.tooLarge;
    // The same code the resolvers give a size out of range: a client's argument, not its shape.
    return new GraphQLError(
      `${path} asks for ${fmt(size)} rows (${argument}: ${size}); a list may ask for at most ${fmt(limits.maxList)}.`,
      {
        extensions: {
          code: ErrorCode.BAD_USER_INPUT,
          field: path,
          argument,
          size,
          maxList: limits.maxList,
          http: REQUEST_ERROR,
        },
      },
    );
  }
  if (count.nodes > limits.maxNodes) {
    return new GraphQLError(
      `The query could return up to ${fmt(count.nodes)} nodes; the limit is ${fmt(limits.maxNodes)}. ` +
        'Ask for smaller pages (first, limit) or fewer lists inside lists.',
      {
        extensions: {
          code: ErrorCode.QUERY_TOO_COMPLEX,
          nodes: count.nodes,
          maxNodes: limits.maxNodes,
          http: REQUEST_ERROR,
        },
      },
    );
  }
  return null;
}
