import { ErrorCode, ParleyError } from '../../errors.ts';
import { builder } from '../../schema/builder.ts';
import { IntervalEnum, TimeBucketRef } from '../analytics/analytics.schema.ts';
import type { Interval } from '../analytics/buckets.ts';
import { pageArgs, windowArgs } from '../common/args.ts';
import { decodeDateCursor, pageSize, toConnection } from '../common/connection.ts';
import { EventConnection, eventCursor } from '../event/event.schema.ts';
import { ActorRef, EventTypeRef } from '../refs.ts';
import { checkWindow, mustExist } from './arguments.ts';
import { type Relation, relation, relationTimeline, sharedEvents } from './relation.service.ts';

const RelationTypeCountRef = builder
  .objectRef<{ code: string; count: number }>('RelationTypeCount')
  .implement({
    description: "How many of a pair's shared events have one CAMEO type.",
    fields: (t) => ({
      type: t.field({ type: EventTypeRef, description: 'The event type.', resolve: (c) => c.code }),
      count: t.exposeInt('count', { description: 'Shared events of that type.' }),
    }),
  });

const RelationRef = builder.objectRef<Relation>('Relation').implement({
  description:
    'What two actors share in a time window: their common events, the first and the last, how cooperative (Goldstein), of which types, and a timeline.',
  fields: (t) => ({
    a: t.field({ type: ActorRef, description: 'The first actor.', resolve: (r) => r.a }),
    b: t.field({ type: ActorRef, description: 'The second actor.', resolve: (r) => r.b }),
    sharedEventCount: t.int({
      description: 'Events both took part in, in the window.',
      resolve: (r) => r.summary.shared,
    }),
    first: t.field({
      type: 'Date',
      nullable: true,
      description: 'Earliest possible day of their first shared event.',
      resolve: (r) => r.summary.first,
    }),
    last: t.field({
      type: 'Date',
      nullable: true,
      description: 'Latest possible day of their last shared event.',
      resolve: (r) => r.summary.last,
    }),
    goldsteinAverage: t.float({
      nullable: true,
      description: "Mean Goldstein score of the shared events' types: above 0 cooperation, below 0 conflict.",
      resolve: (r) => r.summary.goldsteinAverage,
    }),
    countsByType: t.field({
      type: [RelationTypeCountRef],
      description: 'Shared events by CAMEO type, most frequent first.',
      resolve: (r) => r.summary.countsByType,
    }),
    timeline: t.field({
      type: [TimeBucketRef],
      description:
        'Shared events per interval, with Goldstein sums; an event known less precisely than the interval is spread over the buckets it overlaps.',
      resolve: (r, _a, ctx) => relationTimeline(ctx.db, r),
    }),
    events: t.field({
      type: EventConnection,
      description: 'The shared events, newest first, keyset-paginated.',
      args: {
        ...pageArgs,
      },
      resolve: async (r, args, ctx) => {
        const limit = pageSize(args.first);
        // One more than the page tells whether there is a next one.
        const rows = await sharedEvents(ctx.db, r, decodeDateCursor(args.after), limit + 1);
        return {
          ...toConnection(rows, limit, args.after, eventCursor),
          totalCount: async () => r.summary.shared,
        };
      },
    }),
  }),
});

builder.queryField('relation', (t) =>
  t.field({
    type: RelationRef,
    description:
      'How two actors relate in a window: shared events, first and last, Goldstein average, counts by type and a timeline.',
    args: {
      a: t.arg.id({ required: true, description: 'One actor.' }),
      b: t.arg.id({ required: true, description: 'The other actor.' }),
      ...windowArgs,
      interval: t.arg({
        type: IntervalEnum,
        required: false,
        defaultValue: 'MONTH',
        description: 'Bucket size of the timeline (default MONTH).',
      }),
    },
    resolve: async (_r, args, ctx) => {
      const window = checkWindow({ from: args.from, to: args.to });
      const a = await mustExist(ctx, String(args.a), 'a');
      const b = await mustExist(ctx, String(args.b), 'b');
      if (a.id === b.id)
        throw new ParleyError(ErrorCode.BAD_USER_INPUT, 'a and b must be different actors.', {
          argument: 'b',
        });
      return relation(ctx.db, a, b, window, (args.interval ?? 'MONTH') as Interval);
    },
  }),
);
