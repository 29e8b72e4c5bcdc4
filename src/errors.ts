import { GraphQLError } from 'graphql';
import { DatabaseUnavailableError, RETRY_AFTER_SECONDS } from './neo4j/database.ts';

/** Stable `extensions.code` values; clients may branch on them. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  BUNDLE_INVALID: 'BUNDLE_INVALID',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  // extractArticle's refusals of its input (src/modules/extraction/input.ts).
  TEXT_EMPTY: 'TEXT_EMPTY',
  TEXT_TOO_LARGE: 'TEXT_TOO_LARGE',
  TEXT_BINARY: 'TEXT_BINARY',
  TEXT_IS_HTML: 'TEXT_IS_HTML',
  TEXT_INVALID_UNICODE: 'TEXT_INVALID_UNICODE',
  LANGUAGE_UNSUPPORTED: 'LANGUAGE_UNSUPPORTED',
  LANGUAGE_UNDETECTED: 'LANGUAGE_UNDETECTED',
  PUBLISHED_AT_MISSING: 'PUBLISHED_AT_MISSING',
  PUBLISHED_AT_INVALID: 'PUBLISHED_AT_INVALID',
  PUBLISHED_AT_IN_FUTURE: 'PUBLISHED_AT_IN_FUTURE',
  EXTRACTION_TIMEOUT: 'EXTRACTION_TIMEOUT',
  EXTRACTION_BUSY: 'EXTRACTION_BUSY',
  // The live feed's refusals and endings (src/modules/live/hub.ts).
  /** Redis, which carries changes between API processes, is unreachable: subscribe again later. */
  LIVE_UNAVAILABLE: 'LIVE_UNAVAILABLE',
  /** The subscriber fell more than PARLEY_LIVE_QUEUE messages behind and was ended. */
  SUBSCRIBER_TOO_SLOW: 'SUBSCRIBER_TOO_SLOW',
  /** PARLEY_LIVE_MAX_SUBSCRIPTIONS are open on this process. */
  LIVE_BUSY: 'LIVE_BUSY',
  /** The process is stopping: subscribe again (the load balancer sends you to another one). */
  SERVER_SHUTTING_DOWN: 'SERVER_SHUTTING_DOWN',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error meant for the client: its message and code are shown as they are. */
export class ParleyError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export function databaseUnavailable(): GraphQLError {
  return new GraphQLError('The graph database is unavailable right now; retry shortly.', {
    extensions: {
      code: ErrorCode.DATABASE_UNAVAILABLE,
      http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
    },
  });
}

/** The errors a client sees as INTERNAL_SERVER_ERROR, with what was hidden from it (for the log). */
export const maskedOriginals = new WeakMap<GraphQLError, unknown>();

/**
 * Yoga's maskError hook: client errors pass through, a lost database becomes a 503-style
 * error, and anything else is masked (the caller logs the original).
 */
export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DatabaseUnavailableError) {
    const masked = databaseUnavailable();
    return error instanceof GraphQLError
      ? new GraphQLError(masked.message, {
          nodes: error.nodes,
          source: error.source,
          positions: error.positions,
          path: error.path,
          extensions: masked.extensions,
        })
      : masked;
  }
  if (original instanceof GraphQLError && original.extensions?.code) {
    if (original === error) return error as Error;
    // A client error raised inside graphql-js (e.g. a scalar refusing a variable): keep
    // graphql-js's message and position, with the original's code.
    const outer = error as GraphQLError;
    return new GraphQLError(outer.message, {
      nodes: outer.nodes,
      source: outer.source,
      positions: outer.positions,
      path: outer.path,
      extensions: original.extensions,
    });
  }
  if (error instanceof GraphQLError && !error.originalError) return error;
  if (error instanceof GraphQLError && original instanceof GraphQLError) {
    // graphql-js refusing an input value (an Int out of range, a malformed variable).
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  const masked = new GraphQLError(message, {
    ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  });
  maskedOriginals.set(masked, error);
  return masked;
}
