import { type GraphQLResolveInfo, getArgumentValues, isInterfaceType } from 'graphql';
import { ErrorCode, ParleyError } from '../../errors.ts';
import { builder } from '../../schema/builder.ts';
import type { Context } from '../../schema/context.ts';
import { orderArgs, pageArgs, windowArgs } from '../common/args.ts';
import { connectionType } from '../common/connection.schema.ts';
import {
  decodeCursor,
  decodeDateCursor,
  encodeCursor,
  pageSize,
  toConnection,
} from '../common/connection.ts';
import { ActorKindEnum, EventStatusEnum, RoleEnum } from '../common/enums.ts';
import { checkId } from '../common/ids.ts';
import { argsKey, groupBy, keyedLoader } from '../common/loaders.ts';
import { ACTOR_KEYS, actorKeys, eventKeys, isFull, rowField } from '../common/projection.ts';
import type { ActorRow, EventRow, MentionRow } from '../common/rows.ts';
import { connectionNodes, selectedFields } from '../common/selection.ts';
import { participantsLoader } from '../event/event.loaders.ts';
import type { EventFilter } from '../event/event.repository.ts';
import { checkEventFilter, EventConnection, eventCursor } from '../event/event.schema.ts';
import {
  ActorRef,
  CountryRef,
  fullActor,
  loadOrNull,
  MentionRef,
  OrganizationRef,
  PersonRef,
} from '../refs.ts';
import {
  type ActorListFilter,
  countActors,
  countEventsOfActors,
  eventPagesOfActors,
  listActors,
  listActorsWithEvents,
  mentionsOfFacts,
  type NeighborRow,
  neighborsOfActors,
  type StructureRow,
  structureOfActors,
} from './actor.repository.ts';

// The node limit's list maximum (PARLEY_MAX_LIST, 100 by default) refuses more anyway.
const MAX_NEIGHBORS = 100;

// --- loaders: one query per operation for each of these, whatever the number of actors ---

const eventsLoader = (
  ctx: Context,
  filter: EventFilter,
  after: { date: string; id: string } | null,
  limit: number,
) =>
  keyedLoader<EventRow[]>(
    ctx,
    'actor.events',
    { filter, after, limit },
    async (ids) => {
      const pages = await eventPagesOfActors(ctx.db, ids, filter, after, limit);
      // The page's statement matched each actor: its row answers `actor(id)` (see
      // prefetchEventPages) and any later load of these ids, and an id it did not match is none.
      const actors = ActorRef.getDataloader(ctx);
      for (const id of ids) {
        const page = pages.get(id);
        actors.prime(
          id,
          page ? page.actor : new ParleyError(ErrorCode.NOT_FOUND, `No actor with id "${id}".`, { id }),
        );
      }
      return new Map([...pages].map(([id, p]) => [id, p.events]));
    },
    () => [],
  );

interface EventsArgs {
  filter?: Parameters<typeof checkEventFilter>[0];
  order?: Parameters<typeof checkEventFilter>[1];
  first?: number | null;
  after?: string | null;
}

/** What `Actor.events` asks of its loader, checked: the same for the field and its prefetch. */
function eventsRequest(args: EventsArgs) {
  const filter = checkEventFilter(args.filter, args.order);
  const limit = pageSize(args.first);
  const after = decodeDateCursor(args.after);
  return { filter, limit, after };
}

/**
 * `actor(id)` must know the actor (does it exist, which concrete type) before its fields run,
 * which would cost a by-ids statement before every page of `actor(id) { events }`. Instead the
 * root resolver starts the event pages its selection asks for: their statement returns the
 * actor's row as well (priming the by-id loader), and the field then finds its page loaded.
 * A selection without `events`, or whose arguments are wrong (the field reports that), starts
 * nothing.
 */
async function prefetchEventPages(ctx: Context, actorId: string, info: GraphQLResolveInfo): Promise<void> {
  const eventsField = actorEventsField(info);
  if (!eventsField) return;
  const nodes = selectedFields(
    info,
    info.fieldNodes.map((n) => n.selectionSet),
    'events',
  );
  if (!nodes.length) return;
  const loads: Promise<unknown>[] = [];
  for (const node of nodes) {
    try {
      const { filter, limit, after } = eventsRequest(
        getArgumentValues(eventsField, node, info.variableValues) as EventsArgs,
      );
      loads.push(eventsLoader(ctx, filter, after, limit + 1).load(actorId));
    } catch {
      // Bad arguments: the field itself refuses them, with its own error.
    }
  }
  await Promise.allSettled(loads);
}

function actorEventsField(info: GraphQLResolveInfo) {
  const actorType = info.schema.getType('Actor');
  return isInterfaceType(actorType) ? actorType.getFields().events : undefined;
}

type EventsRequest = ReturnType<typeof eventsRequest>;

/**
 * What `actors { nodes { events { nodes { participants } } } }` will ask of the events and
 * participants loaders, if one statement can answer it beside the actor page: every `events`
 * of the nodes with the same arguments, valid ones. Anything else (no `events`, two argument
 * sets, bad arguments, which the field refuses itself) is null, and the fields load as usual.
 */
interface ListPrefetchPlan {
  events: EventsRequest;
  participants: boolean;
  /** What the selection reads of each event and of each participant's actor (projection.ts). */
  eventKeys: ReturnType<typeof eventKeys>;
  actorKeys: ReturnType<typeof actorKeys>;
}

function listPrefetchPlan(info: GraphQLResolveInfo): ListPrefetchPlan | null {
  const eventsField = actorEventsField(info);
  if (!eventsField) return null;
  const eventsNodes = selectedFields(
    info,
    connectionNodes(info, info.fieldNodes).map((n) => n.selectionSet),
    'events',
  );
  if (!eventsNodes.length) return null;
  let request: EventsRequest | null = null;
  for (const node of eventsNodes) {
    let asked: EventsRequest;
    try {
      asked = eventsRequest(getArgumentValues(eventsField, node, info.variableValues) as EventsArgs);
    } catch {
      return null;
    }
    if (request && argsKey(request) !== argsKey(asked)) return null;
    request = asked;
  }
  if (!request) return null;
  const eventNodes = connectionNodes(info, eventsNodes);
  const participants = selectedFields(
    info,
    eventNodes.map((n) => n.selectionSet),
    'participants',
  );
  return {
    events: request,
    participants: participants.length > 0,
    eventKeys: eventKeys(info, eventNodes),
    actorKeys: actorKeys(
      info,
      selectedFields(
        info,
        participants.map((p) => p.selectionSet),
        'actor',
      ),
    ),
  };
}

/**
 * Reads the actor page, with the event pages (and their participants) its selection asks for,
 * in one statement, and primes the loaders `Actor.events` and `Event.participants` use, so that
 * the nested list costs one round trip instead of three.
 */
async function listWithEventPages(
  ctx: Context,
  list: { filter: ActorListFilter; afterId: string | null; limit: number },
  plan: ListPrefetchPlan,
): Promise<ActorRow[]> {
  const { filter, after, limit } = plan.events;
  const rows = await listActorsWithEvents(
    ctx.db,
    { ...list, limit: list.limit + 1, shown: list.limit },
    {
      filter,
      after,
      limit: limit + 1,
      shown: limit,
      participants: plan.participants,
      eventKeys: plan.eventKeys,
      actorKeys: plan.actorKeys,
    },
  );
  // Projected actors must not answer a later load by id (that loader's rows are whole).
  const wholeActors = isFull(plan.actorKeys, ACTOR_KEYS);
  const events = eventsLoader(ctx, filter, after, limit + 1);
  const participants = participantsLoader(ctx);
  const actors = ActorRef.getDataloader(ctx);
  for (const row of rows) {
    if (!row.wanted) continue;
    events.prime(row.actor.id, row.events);
    if (!plan.participants) continue;
    const byEvent = groupBy(row.participants, (p) => p.eventId);
    for (const id of row.shownEventIds) participants.prime(id, byEvent.get(id) ?? []);
    if (wholeActors) for (const p of row.participants) actors.prime(p.actor.id, p.actor);
  }
  return rows.map((r) => r.actor);
}

const eventsCountLoader = (ctx: Context, filter: EventFilter) =>
  keyedLoader<number>(
    ctx,
    'actor.eventsCount',
    filter,
    (ids) => countEventsOfActors(ctx.db, ids, filter),
    () => 0,
  );

const structureLoader = (ctx: Context) =>
  keyedLoader<StructureRow[]>(
    ctx,
    'actor.structure',
    null,
    async (ids) => groupBy(await structureOfActors(ctx.db, ids), (r) => r.actorId),
    () => [],
  );

const neighborsLoader = (ctx: Context, window: { from?: string | null; to?: string | null }, limit: number) =>
  keyedLoader<NeighborRow[]>(
    ctx,
    'actor.neighbors',
    { window, limit },
    (ids) => neighborsOfActors(ctx.db, ids, window, limit),
    () => [],
  );

export const factMentionsLoader = (ctx: Context) =>
  keyedLoader<MentionRow[]>(
    ctx,
    'fact.mentions',
    null,
    async (ids) => {
      const grouped = groupBy(await mentionsOfFacts(ctx.db, ids), (r) => r.factId);
      return new Map([...grouped].map(([k, v]) => [k, v.map((r) => r.mention)]));
    },
    () => [],
  );

// --- types ---

export interface FactShape {
  id: string;
  type: StructureRow['type'];
  subject: ActorRow;
  object: ActorRow;
  title: string | null;
  since: string | null;
  until: string | null;
  sources: string[];
}

const FactTypeEnum = builder.enumType('FactType', {
  description: 'A structural relation between two actors.',
  values: {
    MEMBER_OF: { description: 'The subject is a member of the object (a country of an alliance).' },
    PART_OF: { description: 'The subject is part of the object (a ministry of a government).' },
    HOLDS_POSITION: { description: 'The subject (a person) holds a position at the object.' },
  } as const,
});

export const FactRef = builder.objectRef<FactShape>('StructuralFact').implement({
  description:
    'A structural fact — membership, part-of, or a position held — with where it comes from: articles that state it, or a register such as Wikidata.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id: TYPE:subject:object[:title].' }),
    type: t.field({ type: FactTypeEnum, description: 'Which relation.', resolve: (f) => f.type }),
    subject: t.field({
      type: ActorRef,
      description: 'Who is member, part, or holder.',
      resolve: (f) => f.subject,
    }),
    object: t.field({ type: ActorRef, description: 'Of what.', resolve: (f) => f.object }),
    title: t.exposeString('title', { nullable: true, description: 'For a position: its title.' }),
    since: t.field({
      type: 'Date',
      nullable: true,
      description: 'Since when, if known.',
      resolve: (f) => f.since,
    }),
    until: t.field({
      type: 'Date',
      nullable: true,
      description: 'Until when, if known.',
      resolve: (f) => f.until,
    }),
    sources: t.exposeStringList('sources', {
      description: 'Article ids that state the fact, and registers (e.g. "wikidata") it was taken from.',
    }),
    mentions: t.field({
      type: [MentionRef],
      description: 'The quotes that state it.',
      resolve: (f, _a, ctx) => factMentionsLoader(ctx).load(f.id),
    }),
  }),
});

const NeighborRef = builder.objectRef<NeighborRow>('Neighbor').implement({
  description: 'An actor that shares events with another, and how many.',
  fields: (t) => ({
    actor: t.field({ type: ActorRef, description: 'The other actor.', resolve: (n) => n.actor }),
    sharedEvents: t.exposeInt('sharedEvents', { description: 'Events both took part in, in the window.' }),
    first: t.field({ type: 'Date', description: 'Earliest day of a shared event.', resolve: (n) => n.first }),
    last: t.field({ type: 'Date', description: 'Latest day of a shared event.', resolve: (n) => n.last }),
  }),
});

const ActorEventFilterInput = builder.inputType('ActorEventFilter', {
  description: "Narrows an actor's events.",
  fields: (t) => ({
    role: t.field({ type: RoleEnum, required: false, description: 'Only where the actor had this role.' }),
    type: t.string({ required: false, description: 'Only this CAMEO code ("036").' }),
    typePrefix: t.string({ required: false, description: 'Only codes starting with this ("03").' }),
    from: t.field({
      type: 'Date',
      required: false,
      description: 'Only events that may have happened on or after this day.',
    }),
    to: t.field({
      type: 'Date',
      required: false,
      description: 'Only events that may have happened on or before this day.',
    }),
    status: t.field({ type: EventStatusEnum, required: false, description: 'Only events with this status.' }),
  }),
});

function facts(type: StructureRow['type'], outgoing: boolean) {
  return async (actor: ActorRow, _a: unknown, ctx: Context): Promise<FactShape[]> =>
    (await structureLoader(ctx).load(actor.id))
      .filter((r) => r.type === type && r.outgoing === outgoing)
      .map((r) => ({
        id: r.fact.id,
        type: r.type,
        subject: outgoing ? actor : r.other,
        object: outgoing ? r.other : actor,
        title: r.fact.title,
        since: r.fact.since,
        until: r.fact.until,
        sources: r.fact.sources ?? [],
      }));
}

ActorRef.implement({
  description:
    'Someone who acts in the news: a country, an organization (alliance, ministry, think tank, group) or a person. Find one by id ("belarus") or with `search`.',
  resolveType: (a) => (a.kind === 'COUNTRY' ? 'Country' : a.kind === 'PERSON' ? 'Person' : 'Organization'),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable slug: "belarus", "sergei-aleinik", "nato".' }),
    // The row may be projected (common/projection.ts): fields read their key through rowField.
    name: t.string({
      description: 'Canonical English name.',
      resolve: (a, _args, ctx) => rowField(a, 'name', ctx, fullActor),
    }),
    kind: t.field({
      type: ActorKindEnum,
      description: 'What sort of actor.',
      resolve: (a) => a.kind as never,
    }),
    aliases: t.stringList({
      description:
        'Every surface form seen, in any language, including metonyms ("Minsk", "Moscou", "Bruxelles").',
      resolve: async (a, _args, ctx) => (await rowField(a, 'aliases', ctx, fullActor)) ?? [],
    }),
    wikidataId: t.string({
      nullable: true,
      description: 'Wikidata item, e.g. "Q184".',
      resolve: (a, _args, ctx) => rowField(a, 'wikidataId', ctx, fullActor),
    }),
    countryCode: t.string({
      nullable: true,
      description: 'ISO 3166-1 alpha-3 of the country (or of the country a body or person belongs to).',
      resolve: (a, _args, ctx) => rowField(a, 'countryCode', ctx, fullActor),
    }),
    events: t.field({
      type: EventConnection,
      description:
        'Events the actor took part in, by date, keyset-paginated (a hub with 10 000 events pages cheaply).',
      args: {
        filter: t.arg({ type: ActorEventFilterInput, required: false, description: 'Which events.' }),
        ...orderArgs,
        ...pageArgs,
      },
      resolve: async (actor, args, ctx) => {
        const { filter, limit, after } = eventsRequest(args);
        const rows = await eventsLoader(ctx, filter, after, limit + 1).load(actor.id);
        return {
          ...toConnection(rows, limit, args.after, eventCursor),
          totalCount: () => eventsCountLoader(ctx, filter).load(actor.id),
        };
      },
    }),
    memberships: t.field({
      type: [FactRef],
      description: 'Organizations this actor is a member of.',
      resolve: facts('MEMBER_OF', true),
    }),
    members: t.field({
      type: [FactRef],
      description: 'Members of this actor.',
      resolve: facts('MEMBER_OF', false),
    }),
    positions: t.field({
      type: [FactRef],
      description: 'Positions this actor (a person) holds, with titles.',
      resolve: facts('HOLDS_POSITION', true),
    }),
    positionHolders: t.field({
      type: [FactRef],
      description: 'People holding positions at this actor.',
      resolve: facts('HOLDS_POSITION', false),
    }),
    partOf: t.field({
      type: [FactRef],
      description: 'What this actor is part of.',
      resolve: facts('PART_OF', true),
    }),
    parts: t.field({
      type: [FactRef],
      description: 'Parts of this actor (its ministries).',
      resolve: facts('PART_OF', false),
    }),
    neighbors: t.field({
      type: [NeighborRef],
      description: 'Actors that share events with this one, most shared first.',
      args: {
        ...windowArgs,
        first: t.arg.int({
          required: false,
          defaultValue: 20,
          description: `How many, at most ${MAX_NEIGHBORS}.`,
        }),
      },
      resolve: (actor, args, ctx) => {
        const limit = args.first ?? 20;
        if (limit < 0 || limit > MAX_NEIGHBORS) {
          throw new ParleyError(ErrorCode.BAD_USER_INPUT, `first must be between 0 and ${MAX_NEIGHBORS}.`);
        }
        return neighborsLoader(ctx, { from: args.from, to: args.to }, limit).load(actor.id);
      },
    }),
  }),
});

for (const [ref, what] of [
  [CountryRef, 'A country; `kind` is COUNTRY.'],
  [OrganizationRef, 'An alliance, IGO, government body, think tank, group, outlet, NGO or company.'],
  [PersonRef, 'A person; `kind` is PERSON.'],
] as const) {
  ref.implement({ description: what, interfaces: [ActorRef], fields: () => ({}) });
}

export const ActorConnection = connectionType('Actor', ActorRef, 'actor');

const ActorFilterInput = builder.inputType('ActorFilter', {
  description: 'Narrows a list of actors.',
  fields: (t) => ({
    kinds: t.field({ type: [ActorKindEnum], required: false, description: 'Only these kinds.' }),
    countryCode: t.string({ required: false, description: 'Only actors of this ISO alpha-3 country code.' }),
  }),
});

builder.queryFields((t) => ({
  actor: t.field({
    type: ActorRef,
    nullable: true,
    description: 'One actor by its canonical slug, e.g. `actor(id: "belarus")`; null when there is none.',
    args: { id: t.arg.id({ required: true, description: 'The slug.' }) },
    resolve: async (_r, { id }, ctx, info) => {
      const actorId = checkId(id, 'id');
      await prefetchEventPages(ctx, actorId, info);
      return loadOrNull(ActorRef.getDataloader(ctx), actorId);
    },
  }),
  actors: t.field({
    type: ActorConnection,
    description: 'Actors in id order, filtered and keyset-paginated.',
    args: {
      filter: t.arg({ type: ActorFilterInput, required: false, description: 'Which actors.' }),
      ...pageArgs,
    },
    resolve: async (_r, args, ctx, info) => {
      const limit = pageSize(args.first);
      const afterId = args.after ? String(decodeCursor(args.after, 1)[0]) : null;
      const filter = { kinds: args.filter?.kinds ?? null, countryCode: args.filter?.countryCode ?? null };
      const plan = listPrefetchPlan(info);
      const rows = plan
        ? await listWithEventPages(ctx, { filter, afterId, limit }, plan)
        : await listActors(ctx.db, filter, afterId, limit + 1);
      return {
        ...toConnection(rows, limit, args.after, (a) => encodeCursor([a.id])),
        totalCount: () => countActors(ctx.db, filter),
      };
    },
  }),
}));
