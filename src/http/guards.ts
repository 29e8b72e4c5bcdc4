import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  NoSchemaIntrospectionCustomRule,
  visit,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { ErrorCode } from '../errors.ts';
import { countNodes, type NodeCount, type NodeLimits, nodeLimitError, SIZE_ARGUMENTS } from './node-limit.ts';

type Security = Config['security'];

const refusal = (status: number, code: string, message: string) =>
  Response.json({ errors: [{ message, extensions: { code } }] }, { status });

const JSON_TYPES = ['application/json', 'application/graphql-response+json', 'application/graphql+json'];

/**
 * Refuses, before Yoga reads anything, what it would otherwise answer with an empty 415 or
 * read without bound: a POST that is not JSON, a body over the limit, or a body of unknown
 * length (a chunked stream could grow without bound).
 */
export function requestGuardPlugin(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== 'POST') return;
      const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const length = request.headers.get('content-length');
      if (!JSON_TYPES.includes(type)) {
        endResponse(
          refusal(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            'Send the operation as JSON (Content-Type: application/json), or with GET.',
          ),
        );
      } else if (length === null) {
        endResponse(refusal(411, 'LENGTH_REQUIRED', 'A POST body needs a Content-Length header.'));
      } else if (!/^\d+$/.test(length) || Number(length) > maxBytes) {
        endResponse(
          refusal(
            413,
            ErrorCode.PAYLOAD_TOO_LARGE,
            `The request body is larger than ${maxBytes} bytes, the limit.`,
          ),
        );
      }
    },
  };
}

/**
 * Every error leaves with a stable `extensions.code`. graphql-js gives none to variable
 * coercion errors ("must not be null", "got invalid value"); those are the client's input.
 */
export function errorCodePlugin(): Plugin {
  const withCode = (result: unknown): unknown => {
    if (Array.isArray(result)) return result.map(withCode);
    const r = result as { errors?: GraphQLError[] } | null;
    if (!r || typeof r !== 'object' || !Array.isArray(r.errors)) return result;
    // graphql-jit's variable errors are frozen: those without a code are copied with one.
    const errors = r.errors.map((e) =>
      e.extensions?.code
        ? e
        : new GraphQLError(e.message, {
            nodes: e.nodes,
            source: e.source,
            positions: e.positions,
            path: e.path,
            originalError: e.originalError,
            extensions: { ...e.extensions, code: ErrorCode.BAD_USER_INPUT },
          }),
    );
    return errors.some((e, i) => e !== r.errors?.[i]) ? { ...r, errors } : result;
  };
  return {
    onResultProcess({ result, setResult }) {
      if (result && typeof result === 'object' && Symbol.asyncIterator in result) return;
      setResult(withCode(result) as never);
    },
  };
}

/** Introspection off (production default) hides the schema from `__schema` and `__type`. */
export function introspectionPlugin(enabled: boolean): Plugin {
  return {
    onValidate({ addValidationRule }) {
      if (!enabled) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/** The variables a document uses as size arguments: all a node count depends on besides the document. */
function sizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const sizes = new Set<string>(SIZE_ARGUMENTS);
  visit(document, {
    Argument(node) {
      if (sizes.has(node.name.value) && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names].sort();
}

/**
 * The node limit (node-limit.ts), counted once per document, operation and values of its size
 * variables rather than once per request: the count depends on nothing else, and the documents
 * themselves are the parse cache's, so a dashboard's repeated requests walk their tree once.
 */
export function cachedNodeLimitPlugin(limits: NodeLimits, maxEntries = 64): Plugin {
  const perDocument = new WeakMap<DocumentNode, { sizes: string[]; counts: Map<string, NodeCount> }>();
  const check = (args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    variableValues?: Record<string, unknown> | null;
    operationName?: string | null;
  }) => {
    let entry = perDocument.get(args.document);
    if (!entry) {
      entry = { sizes: sizeVariables(args.document), counts: new Map() };
      perDocument.set(args.document, entry);
    }
    const vars = args.variableValues ?? {};
    const key = `${args.operationName ?? ''}\u0000${JSON.stringify(entry.sizes.map((n) => vars[n] ?? null))}`;
    let count = entry.counts.get(key);
    if (!count) {
      count = countNodes(args.schema, args.document, vars, args.operationName, limits.maxList);
      // Size values a client varies without end must not grow the map without end.
      if (entry.counts.size >= maxEntries) entry.counts.clear();
      entry.counts.set(key, count);
    }
    return nodeLimitError(count, limits);
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}

/**
 * graphql-armor's depth, alias, token and directive limits, and the node limit
 * (node-limit.ts) in place of armor's cost limit, whose cost grew with depth rather than with
 * rows and refused a 50 × 20 dashboard. A refusal carries the stable code QUERY_TOO_COMPLEX;
 * field suggestions are removed where configured.
 *
 * What each request pays: armor's depth, alias and directive limits are validation rules and
 * its token limit wraps the parser, so Yoga's parse and validation caches (on by default) run
 * them once per distinct document; the node limit, which depends on variables, is counted once
 * per document and size values (cachedNodeLimitPlugin). A repeated operation walks no tree.
 */
export function armorPlugin(security: Security): Plugin {
  const tag = (_ctx: unknown, error: GraphQLError) => {
    (error.extensions as Record<string, unknown>).code = ErrorCode.QUERY_TOO_COMPLEX;
  };
  const onReject = [tag];
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: security.maxDepth, ignoreIntrospection: true, onReject },
    maxAliases: { n: security.maxAliases, onReject },
    maxTokens: { n: security.maxTokens, onReject },
    maxDirectives: { n: 20, onReject },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !security.fieldSuggestions },
  }) as Plugin;
  const nodes = cachedNodeLimitPlugin({ maxList: security.maxList, maxNodes: security.maxNodes });
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(armor);
      addPlugin(nodes);
    },
  };
}
