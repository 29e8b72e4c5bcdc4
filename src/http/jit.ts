import { makeExecute } from '@envelop/core';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.ts';
import { selectedFields } from '../modules/common/selection.ts';

type Execute = (args: ExecutionArgs) => unknown;

/**
 * Runs the compiled query. A result without data is a refused operation (variables that do not
 * coerce): the executor it replaces, which runs no resolver then, answers it with its own
 * messages, locations and HTTP status.
 */
function run(query: CompiledQuery, args: ExecutionArgs, fallback: Execute) {
  const finish = (result: ExecutionResult) =>
    result.data === undefined && result.errors?.length ? fallback(args) : located(args, result);
  const result = query.query(args.rootValue, args.contextValue, args.variableValues);
  return isPromise(result) ? result.then(finish) : finish(result);
}

const isPromise = <T>(v: T | Promise<T>): v is Promise<T> => typeof (v as Promise<T>)?.then === 'function';

/**
 * graphql-jit gives a resolver's error its locations but not its field nodes, which graphql-js
 * gives; the error masking (src/errors.ts) rebuilds errors from their nodes, and would drop the
 * locations. The nodes are found again from the error's path.
 */
function located(args: ExecutionArgs, result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((e) => e.path && !e.nodes)) return result;
  const errors = result.errors.map((e) => {
    if (!e.path || e.nodes) return e;
    const nodes = fieldNodesAt(args, e.path);
    return nodes.length
      ? new GraphQLError(e.message, {
          nodes,
          path: e.path,
          originalError: e.originalError,
          extensions: e.extensions,
        })
      : e;
  });
  return { ...result, errors };
}

/** The field nodes of the operation that a response path names (list indices skipped). */
function fieldNodesAt(args: ExecutionArgs, path: readonly (string | number)[]): FieldNode[] {
  const operation = args.document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
  );
  if (!operation) return [];
  const info = {
    fragments: Object.fromEntries(
      args.document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    ),
    variableValues: args.variableValues ?? {},
  };
  let nodes: FieldNode[] = [];
  let sets: (SelectionSetNode | undefined)[] = [operation.selectionSet];
  for (const key of path) {
    if (typeof key === 'number') continue;
    // A response key is the field's alias, or its name.
    nodes = selectedFields(info, sets, null).filter((f) => (f.alias ?? f.name).value === key);
    sets = nodes.map((n) => n.selectionSet);
  }
  return nodes;
}

/**
 * Executes queries and mutations compiled by graphql-jit: an operation's document is turned once
 * into a function that walks its selection, instead of graphql-js interpreting it on every request
 * (docs/decisions.md, "Compiled execution"). The resolvers, and so the Pothos plugins (scope-auth,
 * dataloader) wrapped around them, are the same. Compilations live as long as Yoga's parse cache
 * keeps the document (a WeakMap per document, one entry per operation name). An operation
 * graphql-jit cannot compile runs on graphql-js's executor, as does every subscription.
 */
export function jitPlugin(logger: Logger): Plugin {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compiledFor = (args: ExecutionArgs): CompiledQuery | null => {
    let byName = compiled.get(args.document);
    if (!byName) {
      byName = new Map();
      compiled.set(args.document, byName);
    }
    const name = args.operationName ?? '';
    let entry = byName.get(name);
    if (entry === undefined) {
      let errors: string[];
      try {
        const result = compileQuery(args.schema, args.document, args.operationName ?? undefined);
        entry = isCompiledQuery(result) ? result : null;
        errors = isCompiledQuery(result) ? [] : (result.errors ?? []).map((e) => e.message);
      } catch (err) {
        entry = null;
        errors = [(err as Error).message];
      }
      if (!entry) {
        logger.warn(
          { operationName: args.operationName ?? null, errors },
          'graphql-jit cannot compile this operation; graphql-js executes it',
        );
      }
      byName.set(name, entry);
    }
    return entry;
  };
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const query = compiledFor(args);
      if (query)
        setExecuteFn(makeExecute((a: ExecutionArgs) => run(query, a, executeFn as Execute) as never));
    },
  };
}
