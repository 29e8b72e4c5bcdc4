import {
  type FieldNode,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getDirectiveValues,
  Kind,
  type SelectionSetNode,
} from 'graphql';

// Fragments nested deeper than this are not followed: a prefetch that misses them only leaves
// the field to its own loader.
const MAX_FRAGMENT_DEPTH = 4;

/**
 * The fields named `name` (every field, for null) that the selection sets ask for, through inline and named fragments
 * (whatever their type condition), leaving out what @skip/@include drop. Root resolvers use it
 * to start, in one statement, what their fields' loaders will be asked for.
 */
export function selectedFields(
  info: Pick<GraphQLResolveInfo, 'fragments' | 'variableValues'>,
  sets: readonly (SelectionSetNode | undefined)[],
  name: string | null,
): FieldNode[] {
  const found: FieldNode[] = [];
  const included = (node: { directives?: readonly unknown[] }) => {
    if (!node.directives?.length) return true;
    const at = node as Parameters<typeof getDirectiveValues>[1];
    return (
      getDirectiveValues(GraphQLSkipDirective, at, info.variableValues)?.if !== true &&
      getDirectiveValues(GraphQLIncludeDirective, at, info.variableValues)?.if !== false
    );
  };
  const collect = (set: SelectionSetNode | undefined, depth: number) => {
    if (!set || depth > MAX_FRAGMENT_DEPTH) return;
    for (const sel of set.selections) {
      if (!included(sel)) continue;
      if (sel.kind === Kind.FIELD) {
        if (name === null || sel.name.value === name) found.push(sel);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        collect(sel.selectionSet, depth + 1);
      } else {
        collect(info.fragments[sel.name.value]?.selectionSet, depth + 1);
      }
    }
  };
  for (const set of sets) collect(set, 0);
  return found;
}

/** The nodes a connection's selection asks for: its `nodes` and its `edges { node }`. */
export function connectionNodes(
  info: Pick<GraphQLResolveInfo, 'fragments' | 'variableValues'>,
  connections: readonly FieldNode[],
): FieldNode[] {
  const sets = connections.map((c) => c.selectionSet);
  const edges = selectedFields(info, sets, 'edges');
  return [
    ...selectedFields(info, sets, 'nodes'),
    ...selectedFields(
      info,
      edges.map((e) => e.selectionSet),
      'node',
    ),
  ];
}
