import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { maskedOriginals } from '../errors.ts';
import type { Logger } from '../logger.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

const requestIds = new WeakMap<Request, string>();
const CLIENT_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The client's `x-request-id` when it is a plain token, otherwise a new one; fixed per request. */
export function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    const given = request.headers.get(REQUEST_ID_HEADER);
    id = given && CLIENT_ID.test(given) ? given : randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

/**
 * Every response carries its request id in a header; a masked INTERNAL_SERVER_ERROR carries it in
 * `extensions.requestId` too, and the log line with the hidden error has the same id, so that an
 * operator can find what a client reports.
 */
export function requestIdPlugin(logger: Logger): Plugin {
  const tag = (result: unknown, requestId: string): void => {
    if (Array.isArray(result)) {
      for (const r of result) tag(r, requestId);
      return;
    }
    const errors = (result as { errors?: GraphQLError[] } | null)?.errors;
    if (!Array.isArray(errors)) return;
    for (const e of errors) {
      if (e.extensions?.code !== 'INTERNAL_SERVER_ERROR') continue;
      (e.extensions as Record<string, unknown>).requestId = requestId;
      const original = maskedOriginals.get(e);
      const err =
        original instanceof Error && 'originalError' in original
          ? (original.originalError ?? original)
          : original;
      logger.error({ err, requestId, path: e.path }, 'unexpected error (masked for the client)');
    }
  };
  return {
    onResultProcess({ request, result }) {
      if (result && typeof result === 'object' && Symbol.asyncIterator in result) return;
      tag(result, requestIdOf(request));
    },
    onResponse({ request, response }) {
      response.headers.set(REQUEST_ID_HEADER, requestIdOf(request));
    },
  };
}
