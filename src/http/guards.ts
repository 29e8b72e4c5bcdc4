import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { type GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { ErrorCode } from '../errors.ts';
import { nodeLimitPlugin } from './node-limit.ts';

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
    for (const e of r.errors) {
      const ext = e.extensions as Record<string, unknown> | undefined;
      if (ext && !ext.code) ext.code = ErrorCode.BAD_USER_INPUT;
      else if (!ext)
        (e as { extensions: Record<string, unknown> }).extensions = { code: ErrorCode.BAD_USER_INPUT };
    }
    return result;
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

/**
 * graphql-armor's depth, alias, token and directive limits, and the node limit
 * (node-limit.ts) in place of armor's cost limit, whose cost grew with depth rather than with
 * rows and refused a 50 × 20 dashboard. A refusal carries the stable code QUERY_TOO_COMPLEX;
 * field suggestions are removed where configured.
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
  const nodes = nodeLimitPlugin({ maxList: security.maxList, maxNodes: security.maxNodes });
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(armor);
      addPlugin(nodes);
    },
  };
}
