// The explorer's only way to the data: the public GraphQL API of its own origin.

export const ENDPOINT = '/graphql';

/** A failed request, with the stable code the API gives (`extensions.code`) or one of ours. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    /** What the API adds to some refusals, e.g. BUNDLE_INVALID's `issues` (path and message each). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

export interface GqlOptions {
  /** An API key, sent as a Bearer token (editor operations). Never logged, never stored by this module. */
  token?: string | null;
}

export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
  options: GqlOptions = {},
): Promise<T> {
  let res: Response;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  try {
    res = await fetch(ENDPOINT, {
      method: 'POST',
      headers,
      // Editor pages show what the graph holds right after a write: never a cached answer.
      cache: 'no-store',
      body: JSON.stringify({ query, variables }),
      signal: signal ?? null,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError('The server did not answer. Is Parley running?', 'NETWORK_ERROR', 0);
  }
  let body: GraphQLBody<T> | undefined;
  try {
    body = (await res.json()) as GraphQLBody<T>;
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    body = undefined;
  }
  const first = body?.errors?.[0];
  if (first) {
    const { code, ...rest } = first.extensions ?? {};
    throw new ApiError(first.message, code ?? `HTTP_${res.status}`, res.status, rest);
  }
  if (!res.ok || !body || body.data === undefined || body.data === null) {
    throw new ApiError(`The server answered HTTP ${res.status}.`, `HTTP_${res.status}`, res.status);
  }
  return body.data;
}

export function isAbort(err: unknown): boolean {
  return (err as Error | undefined)?.name === 'AbortError';
}
