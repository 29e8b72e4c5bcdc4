import type { OutputRef } from '@pothos/core';
import { builder } from '../../schema/builder.ts';
import type { Connection } from './connection.ts';

export interface ConnectionShape<T> extends Connection<T> {
  /** Counted only when a client asks for it: one more round trip, not a cost on every page. */
  totalCount: () => Promise<number>;
}

export const PageInfoRef = builder.objectRef<Connection<unknown>['pageInfo']>('PageInfo').implement({
  description: 'Where a page sits in a connection (Relay cursor pagination).',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'Whether `after: endCursor` returns more.' }),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage', {
      description: 'Whether this page was asked for with a cursor (there are rows before it).',
    }),
    startCursor: t.exposeString('startCursor', { nullable: true, description: 'Cursor of the first edge.' }),
    endCursor: t.exposeString('endCursor', {
      nullable: true,
      description: 'Cursor of the last edge; pass it as `after` for the next page.',
    }),
  }),
});

/** A Relay connection type `<Name>Connection` with edges of `<Name>Edge` and a lazy totalCount. */
export function connectionType<T>(name: string, node: OutputRef<T>, what: string) {
  const Edge = builder.objectRef<{ cursor: string; node: T }>(`${name}Edge`).implement({
    description: `One ${what} in a page, with its cursor.`,
    fields: (t) => ({
      cursor: t.exposeString('cursor', { description: 'Opaque position of this edge; pass it as `after`.' }),
      node: t.field({ type: node, description: `The ${what}.`, resolve: (e) => e.node as never }),
    }),
  });
  return builder.objectRef<ConnectionShape<T>>(`${name}Connection`).implement({
    description: `A page of ${what}s, keyset-paginated: later pages cost the same as the first.`,
    fields: (t) => ({
      edges: t.field({ type: [Edge], description: `The ${what}s of this page.`, resolve: (c) => c.edges }),
      nodes: t.field({
        type: [node],
        description: `The ${what}s of this page, without cursors.`,
        resolve: (c) => c.edges.map((e) => e.node) as never,
      }),
      pageInfo: t.field({
        type: PageInfoRef,
        description: 'Cursors and whether more pages exist.',
        resolve: (c) => c.pageInfo,
      }),
      totalCount: t.int({
        description: `How many ${what}s match in all (counted on request, in one extra query).`,
        resolve: (c) => c.totalCount(),
      }),
    }),
  });
}
