import { ErrorCode, ParleyError } from '../../errors.ts';

/** Keyset position of a row in a (date, id) ordering; opaque to clients. */
export interface DateCursor {
  date: string;
  id: string;
}

export const MAX_PAGE = 100;

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    if (cursor.length > 512) throw new Error('too long');
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parts) &&
      parts.length === arity &&
      parts.every((p) => typeof p === 'string' || typeof p === 'number')
    ) {
      return parts;
    }
  } catch {
    // Falls through to the client error below.
  }
  throw new ParleyError(ErrorCode.BAD_USER_INPUT, 'The cursor is not one this API issued.', {
    argument: 'after',
  });
}

export function decodeDateCursor(cursor: string | null | undefined): DateCursor | null {
  if (!cursor) return null;
  const [date, id] = decodeCursor(cursor, 2);
  if (typeof date !== 'string' || typeof id !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new ParleyError(ErrorCode.BAD_USER_INPUT, 'The cursor is not one this API issued.', {
      argument: 'after',
    });
  }
  return { date, id };
}

export function pageSize(first: number | null | undefined, fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE) {
    throw new ParleyError(ErrorCode.BAD_USER_INPUT, `first must be between 0 and ${MAX_PAGE}.`, {
      argument: 'first',
    });
  }
  return n;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** Builds a Relay connection from `limit + 1` rows fetched after `after`. */
export function toConnection<T>(
  rows: T[],
  limit: number,
  after: string | null | undefined,
  cursorOf: (row: T) => string,
) {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  } satisfies Connection<T>;
}
