import { ErrorCode, ParleyError } from '../../errors.ts';
import { builder } from '../../schema/builder.ts';
import { windowArgs } from '../common/args.ts';
import { ActorKindEnum } from '../common/enums.ts';
import { DateScalar } from '../common/scalars.ts';
import { checkEventFilter, EventFilterInput, QUAD_CLASS_NAMES } from '../event/event.schema.ts';
import { ActorRef, EventTypeRef } from '../refs.ts';
import {
  type ActorRankingRow,
  eventCountsByQuadClass,
  eventCountsByType,
  eventIntervalRows,
  type QuadClassCountRow,
  type TopActorsBy,
  type TypeCountRow,
  topActors,
} from './analytics.repository.ts';
import { type Bucket, bucketize, MAX_BUCKETS } from './buckets.ts';

// Registers the Date scalar before any field uses it by name.
void DateScalar;

const MAX_TOP_ACTORS = 100;
const MAX_MIN_EVENTS = 1_000_000_000;

export const IntervalEnum = builder.enumType('Interval', {
  description: 'The width of the buckets of a time histogram (calendar periods, in UTC).',
  values: {
    DAY: { description: 'One bucket per day.' },
    WEEK: { description: 'One bucket per ISO week, Monday to Sunday.' },
    MONTH: { description: 'One bucket per calendar month.' },
    YEAR: { description: 'One bucket per calendar year.' },
  } as const,
});

export const TimeBucketRef = builder.objectRef<Bucket>('TimeBucket').implement({
  description:
    'One period of a time histogram. Events are counted as precisely as they are dated: an event whose date interval spans several buckets (a month-known event in a DAY histogram) is spread over them in proportion to the days of its interval each covers, never put on its first day; so `count` is fractional and `exactCount` counts only the events wholly inside the bucket.',
  fields: (t) => ({
    start: t.field({
      type: 'Date',
      description: 'First day of the period (a Monday for WEEK, the 1st for MONTH, 1 January for YEAR).',
      resolve: (b) => b.start,
    }),
    end: t.field({ type: 'Date', description: 'Last day of the period, inclusive.', resolve: (b) => b.end }),
    count: t.exposeFloat('count', {
      description:
        'Events in the period: 1 for each event dated inside it, and the share overlapDays / intervalDays of each event whose interval spans several periods (or the window edge).',
    }),
    exactCount: t.exposeInt('exactCount', {
      description: 'Events whose whole date interval lies in this period (an integer; at most `count`).',
    }),
    goldsteinSum: t.exposeFloat('goldsteinSum', {
      description: "Sum of each counted event's share times the Goldstein score of its type.",
    }),
    goldsteinAverage: t.exposeFloat('goldsteinAverage', {
      nullable: true,
      description:
        'goldsteinSum / count: the mean cooperation (+) or conflict (−) of the period; null when empty.',
    }),
  }),
});

const TopActorsByEnum = builder.enumType('TopActorsBy', {
  description: 'What `topActors` ranks by (highest first; ties by actor id).',
  values: {
    EVENTS: { description: 'Distinct events the actor took part in, in the window.' },
    PARTNERS: { description: 'Distinct other actors it shared those events with.' },
    GOLDSTEIN: {
      description:
        'Average Goldstein score of those events: most cooperative first. Use minEvents to leave out actors seen once.',
    },
  } as const,
});

const ActorRankingRef = builder.objectRef<ActorRankingRow & { rank: number }>('ActorRanking').implement({
  description: 'An actor and its activity in a window, with its place in a `topActors` ranking.',
  fields: (t) => ({
    actor: t.field({ type: ActorRef, description: 'The actor.', resolve: (r) => r.actor }),
    events: t.exposeInt('events', { description: 'Distinct events it took part in, in the window.' }),
    partners: t.exposeInt('partners', {
      description: 'Distinct other actors that took part in those events.',
    }),
    goldsteinAverage: t.exposeFloat('goldsteinAverage', {
      nullable: true,
      description: 'Average Goldstein score of those events (−10 conflict … +10 cooperation).',
    }),
    rank: t.exposeInt('rank', { description: 'Place in the ranking, from 1.' }),
  }),
});

const TypeCountRef = builder.objectRef<TypeCountRow>('TypeCount').implement({
  description: 'How many matching events fall under one CAMEO code at the level asked for.',
  fields: (t) => ({
    type: t.field({
      type: EventTypeRef,
      description: 'The CAMEO type ("03" at level 1 for an event coded "0362").',
      resolve: (c) => c.code,
    }),
    count: t.exposeInt('count', { description: 'Matching events under that code.' }),
    goldsteinSum: t.exposeFloat('goldsteinSum', {
      description: "Sum of the Goldstein scores of those events' own types.",
    }),
  }),
});

const QuadClassCountRef = builder.objectRef<QuadClassCountRow>('QuadClassCount').implement({
  description: 'How many matching events fall in one QuadClass.',
  fields: (t) => ({
    quadClass: t.exposeInt('quadClass', {
      description: '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.',
    }),
    name: t.string({
      description: 'The QuadClass as a name (VERBAL_COOPERATION …).',
      resolve: (q) => QUAD_CLASS_NAMES[q.quadClass - 1] ?? 'UNKNOWN',
    }),
    count: t.exposeInt('count', { description: 'Matching events in that QuadClass.' }),
  }),
});

function intInRange(value: number, min: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ParleyError(ErrorCode.BAD_USER_INPUT, `${argument} must be between ${min} and ${max}.`, {
      argument,
    });
  }
  return value;
}

builder.queryFields((t) => ({
  eventHistogram: t.field({
    type: [TimeBucketRef],
    description: `Matching events per day, week, month or year, honouring date precision (see TimeBucket). Buckets run from the first to the last non-empty one, or over the whole filter window when from/to are given; at most ${MAX_BUCKETS} buckets.`,
    args: {
      filter: t.arg({ type: EventFilterInput, required: false, description: 'Which events.' }),
      interval: t.arg({ type: IntervalEnum, required: true, description: 'The width of a bucket.' }),
    },
    resolve: async (_r, args, ctx) => {
      const filter = checkEventFilter(args.filter, null);
      // A window too wide for the interval is refused before the database is asked.
      if (filter.from && filter.to) bucketize([], args.interval, filter);
      return bucketize(await eventIntervalRows(ctx.db, filter), args.interval, filter);
    },
  }),
  topActors: t.field({
    type: [ActorRankingRef],
    description:
      'The most active, most connected or most cooperative actors over the events of a window (events whose date interval overlaps it).',
    args: {
      ...windowArgs,
      by: t.arg({
        type: TopActorsByEnum,
        required: false,
        defaultValue: 'EVENTS',
        description: 'What to rank by (default EVENTS).',
      }),
      kinds: t.arg({
        type: [ActorKindEnum],
        required: false,
        description: 'Only rank actors of these kinds (their partners may be of any kind).',
      }),
      minEvents: t.arg.int({
        required: false,
        defaultValue: 1,
        description: 'Leave out actors with fewer events in the window (at least 1).',
      }),
      first: t.arg.int({
        required: false,
        defaultValue: 10,
        description: `How many actors, 1 to ${MAX_TOP_ACTORS}.`,
      }),
    },
    resolve: async (_r, args, ctx) => {
      if (args.from && args.to && args.from > args.to) {
        throw new ParleyError(ErrorCode.BAD_USER_INPUT, 'from must not be after to.', { argument: 'from' });
      }
      const rows = await topActors(ctx.db, {
        from: args.from ?? null,
        to: args.to ?? null,
        by: (args.by ?? 'EVENTS') as TopActorsBy,
        kinds: args.kinds ?? null,
        minEvents: intInRange(args.minEvents ?? 1, 1, MAX_MIN_EVENTS, 'minEvents'),
        first: intInRange(args.first ?? 10, 1, MAX_TOP_ACTORS, 'first'),
      });
      return rows.map((row, i) => ({ ...row, rank: i + 1 }));
    },
  }),
  eventCountsByType: t.field({
    type: [TypeCountRef],
    description:
      'Matching events counted per CAMEO code at a level of the codebook, most frequent first (then by code).',
    args: {
      filter: t.arg({ type: EventFilterInput, required: false, description: 'Which events.' }),
      level: t.arg.int({
        required: false,
        defaultValue: 1,
        description:
          '1: per root ("03"), 2: per three-digit code ("036"), 3: per four-digit code ("0362"). An event coded less precisely counts under its own code.',
      }),
    },
    resolve: (_r, args, ctx) =>
      eventCountsByType(
        ctx.db,
        checkEventFilter(args.filter, null),
        intInRange(args.level ?? 1, 1, 3, 'level'),
      ),
  }),
  eventCountsByQuadClass: t.field({
    type: [QuadClassCountRef],
    description: 'Matching events counted per QuadClass: all four, in order, 0 where there are none.',
    args: {
      filter: t.arg({ type: EventFilterInput, required: false, description: 'Which events.' }),
    },
    resolve: (_r, args, ctx) => eventCountsByQuadClass(ctx.db, checkEventFilter(args.filter, null)),
  }),
}));
