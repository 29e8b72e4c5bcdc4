/**
 * Every GraphQL type reference, declared before any is implemented so that the domain
 * modules can point at each other without import cycles. Loadable refs carry their by-id
 * DataLoader: a resolver that returns an id gets the row, batched per request.
 */
import { ErrorCode, ParleyError } from '../errors.ts';
import { builder } from '../schema/builder.ts';
import type { Context } from '../schema/context.ts';
import { actorsByIds } from './actor/actor.repository.ts';
import { type ArticleRow, articlesByIds } from './article/article.repository.ts';
import { keyedLoader } from './common/loaders.ts';
import type { ActorRow, DocumentRow, EventRow, MentionRow } from './common/rows.ts';
import { documentsByIds } from './document/document.repository.ts';
import { type EventTypeRow, eventsByIds, eventTypesByCodes } from './event/event.repository.ts';

function inKeyOrder<T>(
  ids: readonly string[],
  rows: T[],
  key: (row: T) => string,
  what: string,
): (T | Error)[] {
  const byId = new Map(rows.map((r) => [key(r), r]));
  return ids.map(
    (id) => byId.get(id) ?? new ParleyError(ErrorCode.NOT_FOUND, `No ${what} with id "${id}".`, { id }),
  );
}

export const ActorRef = builder.loadableInterfaceRef<ActorRow | Error, string, string, ActorRow>('Actor', {
  load: async (ids, ctx) => inKeyOrder(ids, await actorsByIds(ctx.db, ids), (a) => a.id, 'actor'),
  toKey: (a) => a.id,
  cacheResolved: true,
});
export const CountryRef = builder.objectRef<ActorRow>('Country');
export const OrganizationRef = builder.objectRef<ActorRow>('Organization');
export const PersonRef = builder.objectRef<ActorRow>('Person');

export const EventRef = builder.loadableObjectRef<EventRow | Error, string, string, EventRow>('Event', {
  load: async (ids, ctx) => inKeyOrder(ids, await eventsByIds(ctx.db, ids), (e) => e.id, 'event'),
  toKey: (e) => e.id,
  cacheResolved: true,
});

export const EventTypeRef = builder.loadableObjectRef<EventTypeRow | Error, string, string, EventTypeRow>(
  'EventType',
  {
    load: async (codes, ctx) =>
      inKeyOrder(codes, await eventTypesByCodes(ctx.db, codes), (t) => t.code, 'event type'),
    toKey: (t) => t.code,
    cacheResolved: true,
  },
);

export const DocumentRef = builder.loadableObjectRef<DocumentRow | Error, string, string, DocumentRow>(
  'Document',
  {
    load: async (ids, ctx) => inKeyOrder(ids, await documentsByIds(ctx.db, ids), (d) => d.id, 'document'),
    toKey: (d) => d.id,
    cacheResolved: true,
  },
);

export const ArticleRef = builder.loadableObjectRef<ArticleRow | Error, string, string, ArticleRow>(
  'Article',
  {
    load: async (ids, ctx) => inKeyOrder(ids, await articlesByIds(ctx.db, ids), (a) => a.id, 'article'),
    toKey: (a) => a.id,
    cacheResolved: true,
  },
);

export const MentionRef = builder.objectRef<MentionRow>('Mention');

const fullRows = <R extends { id: string }>(
  ctx: Context,
  what: string,
  byIds: (db: Context['db'], ids: readonly string[]) => Promise<R[]>,
) =>
  keyedLoader<R>(
    ctx,
    `${what}.full`,
    null,
    async (ids) => new Map((await byIds(ctx.db, ids)).map((r) => [r.id, r])),
    (id) => new ParleyError(ErrorCode.NOT_FOUND, `No ${what} with id "${id}".`, { id }),
  );

/**
 * Every key of an actor's or an event's row, by id, for the fields of a projected row
 * (common/projection.ts `rowField`). Loaders of their own: the refs' loaders cache whatever row
 * a resolver returns (`cacheResolved`), projected ones too, and these are never primed.
 */
export const fullActor = (ctx: Context, id: string) => fullRows<ActorRow>(ctx, 'actor', actorsByIds).load(id);
export const fullEvent = (ctx: Context, id: string) => fullRows<EventRow>(ctx, 'event', eventsByIds).load(id);

/** Loads by id and answers null for an id that does not exist (root lookups). */
export async function loadOrNull<T>(loader: { load(id: string): Promise<T> }, id: string): Promise<T | null> {
  try {
    return await loader.load(id);
  } catch (err) {
    if (err instanceof ParleyError && err.extensions.code === ErrorCode.NOT_FOUND) return null;
    throw err;
  }
}
