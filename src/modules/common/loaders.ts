import DataLoader from 'dataloader';
import type { Context } from '../../schema/context.ts';

/** A stable string for an arguments object: same arguments, same loader. */
export function argsKey(args: unknown): string {
  return JSON.stringify(args, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * A per-request DataLoader for one-to-many fields, keyed by the parent's id and shared by
 * every parent that asks with the same arguments: 50 actors' `events(first: 5)` is one query.
 * `batch` receives the parent ids and must return a map from id to that parent's value.
 */
export function keyedLoader<V>(
  ctx: Context,
  name: string,
  args: unknown,
  batch: (ids: readonly string[]) => Promise<Map<string, V>>,
  /** The value of an id the batch did not find; an Error rejects that id's load. */
  empty: (id: string) => V | Error,
): DataLoader<string, V> {
  const key = `${name}:${argsKey(args)}`;
  let loader = ctx.loaders.get(key) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(async (ids) => {
      const found = await batch(ids);
      return ids.map((id) => found.get(id) ?? empty(id));
    });
    ctx.loaders.set(key, loader);
  }
  return loader;
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
