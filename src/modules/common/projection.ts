import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../schema/context.ts';
import type { ActorRow, EventRow } from './rows.ts';
import { selectedFields } from './selection.ts';

/**
 * Projection: a statement that answers a known selection (the `actors` list's prefetch) returns
 * only the row keys that selection reads, as a list of values in the order of a key list, not
 * every property as a map. Such a row lacks the other keys, and the fields that read a row key
 * go through `rowField`: present, the key answers; absent, the full row is loaded by id (one
 * batched statement), so a selection the reader did not foresee (a fragment nested too deep, a
 * field of another root sharing the loader) costs a round trip, never a wrong answer.
 */

type Keys<R> = readonly (keyof R & string)[];

/** Every key of an event row; `id` and `earliest` come first and always travel (cursors, order). */
export const EVENT_KEYS: Keys<EventRow> = [
  'id',
  'earliest',
  'summary',
  'cameoCode',
  'status',
  'latest',
  'precision',
  'qualifier',
  'dateText',
];
/** Every key of an actor row; `id` and `kind` always travel (`kind` resolves the concrete type). */
export const ACTOR_KEYS: Keys<ActorRow> = ['id', 'kind', 'name', 'aliases', 'wikidataId', 'countryCode'];

// The row keys each GraphQL field reads from its parent row; a field not listed reads none
// (it loads by the row's id). Kept beside the resolvers' `rowField` calls: event.schema.ts and
// actor.schema.ts.
const EVENT_FIELD_KEYS: Record<string, Keys<EventRow>> = {
  summary: ['summary'],
  cameoCode: ['cameoCode'],
  type: ['cameoCode'],
  status: ['status'],
};
const EVENT_DATE_FIELD_KEYS: Record<string, Keys<EventRow>> = {
  latest: ['latest'],
  precision: ['precision'],
  qualifier: ['qualifier'],
  text: ['dateText'],
};
const ACTOR_FIELD_KEYS: Record<string, Keys<ActorRow>> = {
  name: ['name'],
  aliases: ['aliases'],
  wikidataId: ['wikidataId'],
  countryCode: ['countryCode'],
};

type Info = Pick<GraphQLResolveInfo, 'fragments' | 'variableValues'>;

function keysOf<R>(all: Keys<R>, fixed: number, asked: Iterable<Keys<R> | undefined>): Keys<R> {
  const wanted = new Set<string>(all.slice(0, fixed));
  for (const keys of asked) for (const k of keys ?? []) wanted.add(k);
  return all.filter((k) => wanted.has(k));
}

/** The event row keys that the selections of these Event nodes read. */
export function eventKeys(info: Info, nodes: readonly FieldNode[]): Keys<EventRow> {
  const fields = selectedFields(
    info,
    nodes.map((n) => n.selectionSet),
    null,
  );
  const dates = selectedFields(
    info,
    fields.filter((f) => f.name.value === 'date').map((f) => f.selectionSet),
    null,
  );
  return keysOf(EVENT_KEYS, 2, [
    ...fields.map((f) => EVENT_FIELD_KEYS[f.name.value]),
    ...dates.map((f) => EVENT_DATE_FIELD_KEYS[f.name.value]),
  ]);
}

/** The actor row keys that the selections of these Actor nodes read. */
export function actorKeys(info: Info, nodes: readonly FieldNode[]): Keys<ActorRow> {
  const fields = selectedFields(
    info,
    nodes.map((n) => n.selectionSet),
    null,
  );
  return keysOf(
    ACTOR_KEYS,
    2,
    fields.map((f) => ACTOR_FIELD_KEYS[f.name.value]),
  );
}

/** A row from a statement's list of values, in the order of `keys`. */
export function fromValues<R>(keys: Keys<R>, values: readonly unknown[]): R {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) row[keys[i] as string] = values[i];
  return row as R;
}

/** Whether a row was projected with every key of `all`. */
export const isFull = <R>(keys: Keys<R>, all: Keys<R>): boolean => keys.length === all.length;

/**
 * A row's key, or, for a projected row without it, the full row's (from `full`, a by-id loader
 * that nothing primes with projected rows: refs.ts `fullActor`, `fullEvent`).
 */
export function rowField<R extends { id: string }, K extends keyof R>(
  row: R,
  key: K,
  ctx: Context,
  full: (ctx: Context, id: string) => Promise<R>,
): R[K] | Promise<R[K]> {
  return key in row ? row[key] : full(ctx, row.id).then((r) => r[key]);
}
