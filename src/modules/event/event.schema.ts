import { ErrorCode, ParleyError } from '../../errors.ts';
import { builder } from '../../schema/builder.ts';
import type { Context } from '../../schema/context.ts';
import { countEventsOfActors, eventsOfActors } from '../actor/actor.repository.ts';
import { orderArgs, pageArgs } from '../common/args.ts';
import { connectionType } from '../common/connection.schema.ts';
import { decodeDateCursor, encodeCursor, pageSize, toConnection } from '../common/connection.ts';
import { EventStatusEnum, PrecisionEnum, QualifierEnum, RoleEnum } from '../common/enums.ts';
import { checkId } from '../common/ids.ts';
import { rowField } from '../common/projection.ts';
import type { ActorRow, EventRow } from '../common/rows.ts';
import { DateScalar } from '../common/scalars.ts';
import {
  ActorRef,
  ArticleRef,
  DocumentRef,
  EventRef,
  EventTypeRef,
  fullEvent,
  loadOrNull,
  MentionRef,
} from '../refs.ts';
import {
  documentsLoader,
  linksLoader,
  mentionsLoader,
  participantsLoader,
  typeChildrenLoader,
} from './event.loaders.ts';
import { countEvents, type EventFilter, listEvents, listEventTypes } from './event.repository.ts';

// Registers the Date scalar before any field uses it by name.
void DateScalar;

export const QUAD_CLASS_NAMES = [
  'VERBAL_COOPERATION',
  'MATERIAL_COOPERATION',
  'VERBAL_CONFLICT',
  'MATERIAL_CONFLICT',
];

const EventDateRef = builder.objectRef<EventRow>('EventDate').implement({
  description:
    'When an event happened, as honestly as the article says: an interval [earliest, latest] with its precision. "Fin janvier 2022" is 2022-01-21…2022-01-31, MONTH, LATE.',
  fields: (t) => ({
    earliest: t.field({
      type: 'Date',
      description: 'First day it may have happened.',
      resolve: (e) => e.earliest,
    }),
    latest: t.field({
      type: 'Date',
      description: 'Last day it may have happened.',
      resolve: (e, _args, ctx) => rowField(e, 'latest', ctx, fullEvent),
    }),
    precision: t.field({
      type: PrecisionEnum,
      description: 'DAY, MONTH or YEAR.',
      resolve: (e, _args, ctx) => rowField(e, 'precision', ctx, fullEvent) as never,
    }),
    qualifier: t.field({
      type: QualifierEnum,
      nullable: true,
      description: 'EARLY, MID, LATE or APPROX, when the article narrows the period.',
      resolve: (e, _args, ctx) => rowField(e, 'qualifier', ctx, fullEvent) as never,
    }),
    text: t.string({
      nullable: true,
      description: 'The article\'s own words for the date ("aujourd\'hui, 9 février").',
      resolve: (e, _args, ctx) => rowField(e, 'dateText', ctx, fullEvent),
    }),
  }),
});

const ParticipationRef = builder.objectRef<{ role: string; actor: ActorRow }>('Participation').implement({
  description: 'An actor taking part in an event, in a role.',
  fields: (t) => ({
    actor: t.field({ type: ActorRef, description: 'Who.', resolve: (p) => p.actor }),
    role: t.field({ type: RoleEnum, description: 'In which role.', resolve: (p) => p.role as never }),
  }),
});

EventTypeRef.implement({
  description:
    'A CAMEO event type. Its Goldstein score (−10 conflict … +10 cooperation) belongs to the type, and dashboards use it to chart cooperation against conflict.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'CAMEO code, a string: "036", never 36.' }),
    name: t.exposeString('name', { description: 'Official CAMEO name.' }),
    description: t.exposeString('description', {
      nullable: true,
      description: "The codebook's one-line description.",
    }),
    goldstein: t.exposeFloat('goldstein', {
      description: 'Goldstein score, −10 (conflict) to +10 (cooperation).',
    }),
    quadClass: t.exposeInt('quadClass', {
      description:
        'QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.',
    }),
    quadClassName: t.string({
      description: 'QuadClass as a name (VERBAL_COOPERATION …).',
      resolve: (et) => QUAD_CLASS_NAMES[et.quadClass - 1] ?? 'UNKNOWN',
    }),
    rootCode: t.exposeString('rootCode', { description: 'The two-digit root of the code ("03" for "036").' }),
    level: t.exposeInt('level', { description: '1 for a root, 2 and 3 below it.' }),
    parent: t.field({
      type: EventTypeRef,
      nullable: true,
      description: 'The code one level up ("03" for "036"); null for a root.',
      resolve: (et) => et.parentCode,
    }),
    children: t.field({
      type: [EventTypeRef],
      description: 'The codes one level down.',
      resolve: (et, _a, ctx) => typeChildrenLoader(ctx).load(et.code),
    }),
  }),
});

MentionRef.implement({
  description: 'A quote of an article that supports an event or a structural fact: the evidence.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id: article, character span and what it supports.' }),
    quote: t.exposeString('quote', { description: 'The exact words of the article.' }),
    start: t.exposeInt('start', { description: 'UTF-16 offset of the quote in the article text.' }),
    end: t.exposeInt('end', { description: 'Exclusive UTF-16 end offset.' }),
    confidence: t.exposeFloat('confidence', { description: 'How sure the extraction is, 0 to 1.' }),
    article: t.field({ type: ArticleRef, description: 'The article quoted.', resolve: (m) => m.articleId }),
    event: t.field({
      type: EventRef,
      nullable: true,
      description: 'The event the quote supports, if it supports one (else a structural fact).',
      resolve: (m) => m.eventId,
    }),
  }),
});

const linked = (type: string, outgoing: boolean) => async (e: EventRow, _a: unknown, ctx: Context) =>
  (await linksLoader(ctx).load(e.id))
    .filter((l) => l.type === type && l.outgoing === outgoing)
    .map((l) => l.other);

EventRef.implement({
  description:
    'Something an actor said or did, as an article reports it: a statement, proposal, letter, reply or meeting. Every event is traced to at least one quote.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable slug, e.g. "evt-2022-02-09-aleinik-ready-to-discuss".' }),
    // The row may be projected (common/projection.ts): fields read their key through rowField.
    summary: t.string({
      description: 'One sentence saying what happened, in English.',
      resolve: (e, _args, ctx) => rowField(e, 'summary', ctx, fullEvent),
    }),
    cameoCode: t.string({
      description: 'CAMEO code of the event type.',
      resolve: (e, _args, ctx) => rowField(e, 'cameoCode', ctx, fullEvent),
    }),
    type: t.field({
      type: EventTypeRef,
      description: 'The CAMEO event type.',
      resolve: (e, _args, ctx) => rowField(e, 'cameoCode', ctx, fullEvent),
    }),
    status: t.field({
      type: EventStatusEnum,
      description: 'Whether it happened.',
      resolve: (e, _args, ctx) => rowField(e, 'status', ctx, fullEvent) as never,
    }),
    date: t.field({ type: EventDateRef, description: 'When, with its precision.', resolve: (e) => e }),
    participants: t.field({
      type: [ParticipationRef],
      description: 'Who took part, and in which role.',
      args: {
        role: t.arg({ type: RoleEnum, required: false, description: 'Only participants in this role.' }),
      },
      resolve: async (e, args, ctx) =>
        (await participantsLoader(ctx).load(e.id)).filter((p) => !args.role || p.role === args.role),
    }),
    documents: t.field({
      type: [DocumentRef],
      description: 'The documents the event concerns (draft treaties, letters, replies).',
      resolve: (e, _a, ctx) => documentsLoader(ctx).load(e.id),
    }),
    mentions: t.field({
      type: [MentionRef],
      description: 'The quotes that report it, oldest article first.',
      resolve: (e, _a, ctx) => mentionsLoader(ctx).load(e.id),
    }),
    mentionCount: t.int({
      description: 'How many quotes report it (derived, never stored).',
      resolve: async (e, _a, ctx) => (await mentionsLoader(ctx).load(e.id)).length,
    }),
    sourceCount: t.int({
      description: 'How many distinct articles report it (derived, never stored).',
      resolve: async (e, _a, ctx) =>
        new Set((await mentionsLoader(ctx).load(e.id)).map((m) => m.articleId)).size,
    }),
    respondsTo: t.field({
      type: [EventRef],
      description: 'Events this one answers (a written reply → the proposal).',
      resolve: linked('RESPONDS_TO', true),
    }),
    responses: t.field({
      type: [EventRef],
      description: 'Events that answer this one.',
      resolve: linked('RESPONDS_TO', false),
    }),
    partOf: t.field({
      type: [EventRef],
      description: 'Events this one happened within (a statement → the conference).',
      resolve: linked('PART_OF', true),
    }),
    parts: t.field({
      type: [EventRef],
      description: 'Events that happened within this one.',
      resolve: linked('PART_OF', false),
    }),
    followsUp: t.field({
      type: [EventRef],
      description: 'Events this one follows up on.',
      resolve: linked('FOLLOWS_UP', true),
    }),
    followedBy: t.field({
      type: [EventRef],
      description: 'Events that follow up on this one.',
      resolve: linked('FOLLOWS_UP', false),
    }),
  }),
});

export const EventConnection = connectionType('Event', EventRef, 'event');

export const EventFilterInput = builder.inputType('EventFilter', {
  description: 'Narrows a list of events. All given conditions must hold.',
  fields: (t) => ({
    actorId: t.id({ required: false, description: 'Only events this actor took part in.' }),
    role: t.field({
      type: RoleEnum,
      required: false,
      description:
        'With actorId: only where the actor had this role. Without: events with some participant in it.',
    }),
    type: t.string({ required: false, description: 'Only this CAMEO code ("036").' }),
    typePrefix: t.string({
      required: false,
      description: 'Only codes starting with this ("03": all of EXPRESS INTENT TO COOPERATE).',
    }),
    from: t.field({
      type: 'Date',
      required: false,
      description:
        'Only events that may have happened on or after this day (their interval overlaps the window).',
    }),
    to: t.field({
      type: 'Date',
      required: false,
      description: 'Only events that may have happened on or before this day.',
    }),
    status: t.field({ type: EventStatusEnum, required: false, description: 'Only events with this status.' }),
  }),
});

export type EventFilterArg = Omit<EventFilter, 'order'>;

/** Checks the parts of a filter GraphQL types cannot, with a stable error code. */
export function checkEventFilter(
  f: EventFilterArg | null | undefined,
  order: string | null | undefined,
): EventFilter {
  const filter = { ...(f ?? {}), order: (order ?? 'ASC') as 'ASC' | 'DESC' };
  if (filter.type && !/^\d{2,4}$/.test(filter.type)) {
    throw new ParleyError(
      ErrorCode.BAD_USER_INPUT,
      'filter.type must be a CAMEO code of 2 to 4 digits, e.g. "036".',
    );
  }
  if (filter.typePrefix && !/^\d{1,4}$/.test(filter.typePrefix)) {
    throw new ParleyError(ErrorCode.BAD_USER_INPUT, 'filter.typePrefix must be 1 to 4 digits, e.g. "03".');
  }
  if (filter.actorId) checkId(filter.actorId, 'filter.actorId');
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new ParleyError(ErrorCode.BAD_USER_INPUT, 'filter.from must not be after filter.to.');
  }
  return filter;
}

export const eventCursor = (e: EventRow) => encodeCursor([e.earliest, e.id]);

builder.queryFields((t) => ({
  event: t.field({
    type: EventRef,
    nullable: true,
    description: 'One event by its id; null when there is none.',
    args: { id: t.arg.id({ required: true, description: 'The event id.' }) },
    resolve: (_r, { id }, ctx) => loadOrNull(EventRef.getDataloader(ctx), checkId(id, 'id')),
  }),
  events: t.field({
    type: EventConnection,
    description: 'Events in date order (by earliest possible day, then id), filtered and keyset-paginated.',
    args: {
      filter: t.arg({ type: EventFilterInput, required: false, description: 'Which events.' }),
      ...orderArgs,
      ...pageArgs,
    },
    resolve: async (_r, args, ctx) => {
      const filter = checkEventFilter(args.filter, args.order);
      const limit = pageSize(args.first);
      const after = decodeDateCursor(args.after);
      if (filter.actorId) {
        const actorId = filter.actorId;
        const rows = (await eventsOfActors(ctx.db, [actorId], filter, after, limit + 1)).get(actorId) ?? [];
        return {
          ...toConnection(rows, limit, args.after, eventCursor),
          totalCount: async () => (await countEventsOfActors(ctx.db, [actorId], filter)).get(actorId) ?? 0,
        };
      }
      const rows = await listEvents(ctx.db, filter, after, limit + 1);
      return {
        ...toConnection(rows, limit, args.after, eventCursor),
        totalCount: () => countEvents(ctx.db, filter),
      };
    },
  }),
  eventType: t.field({
    type: EventTypeRef,
    nullable: true,
    description: 'One CAMEO event type by code.',
    args: { code: t.arg.string({ required: true, description: 'CAMEO code, e.g. "036".' }) },
    resolve: (_r, { code }, ctx) => {
      if (!/^\d{2,4}$/.test(code)) {
        throw new ParleyError(
          ErrorCode.BAD_USER_INPUT,
          'code must be a CAMEO code of 2 to 4 digits, e.g. "036".',
          {
            argument: 'code',
          },
        );
      }
      return loadOrNull(EventTypeRef.getDataloader(ctx), code);
    },
  }),
  eventTypes: t.field({
    type: [EventTypeRef],
    description: 'The CAMEO codebook, in code order.',
    args: {
      level: t.arg.int({ required: false, description: '1 for the 20 roots, 2 or 3 below.' }),
      rootCode: t.arg.string({ required: false, description: 'Only codes under this root ("03").' }),
    },
    resolve: (_r, args, ctx) => listEventTypes(ctx.db, args),
  }),
}));
