/**
 * An operation is one or more HTTP requests (steps); a later step may take a cursor from the
 * previous answer (paging). Shared by the forked client (bench/client.ts) and by the capture of
 * Parley's statements in the parent (bench/measure.ts), so that both send the same bodies.
 */
export interface Step {
  query: string;
  variables: Record<string, unknown>;
  /** Take this variable from the previous response's data, at this path. */
  cursor?: { variable: string; from: (string | number)[] };
  /** Send this step here instead of the job's URL (the HTTP floor has a URL per step). */
  url?: string;
  /** Extra request headers (an API key for writes). */
  headers?: Record<string, string>;
}

export function at(data: unknown, path: (string | number)[]): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

export const body = (step: Step, cursor: unknown) =>
  JSON.stringify({
    query: step.query,
    variables: step.cursor ? { ...step.variables, [step.cursor.variable]: cursor ?? null } : step.variables,
  });

export interface Reply {
  data?: unknown;
  errors?: { message: string }[];
  extensions?: { parley?: { cypherQueries?: number }; cypherQueries?: number; responseCache?: unknown };
}

/** Sends one step; `previous` is the data of the step before. */
export async function send(
  url: string,
  step: Step,
  previous: unknown,
): Promise<{ status: number; text: string }> {
  const res = await fetch(step.url ?? url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...step.headers },
    body: body(step, step.cursor ? at(previous, step.cursor.from) : undefined),
  });
  return { status: res.status, text: await res.text() };
}
