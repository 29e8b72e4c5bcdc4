// The explorer's only way to the data: the public GraphQL API of its own origin.

export const ENDPOINT = '/graphql';

/** A failed request, with the stable code the API gives (`extensions.code`) or one of ours. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(ENDPOINT, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
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
    throw new ApiError(first.message, first.extensions?.code ?? `HTTP_${res.status}`, res.status);
  }
  if (!res.ok || !body || body.data === undefined || body.data === null) {
    throw new ApiError(`The server answered HTTP ${res.status}.`, `HTTP_${res.status}`, res.status);
  }
  return body.data;
}

export function isAbort(err: unknown): boolean {
  return (err as Error | undefined)?.name === 'AbortError';
}
