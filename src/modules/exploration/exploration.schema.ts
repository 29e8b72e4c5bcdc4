import { ErrorCode, ParleyError } from '../../errors.ts';
import { builder } from '../../schema/builder.ts';
import type { Context } from '../../schema/context.ts';
import type { ActorRow } from '../actor/actor.repository.ts';
import { FactRef, type FactShape, factMentionsLoader } from '../actor/actor.schema.ts';
import { IntervalEnum, TimeBucketRef } from '../analytics/analytics.schema.ts';
import { bucketize, type Interval } from '../analytics/buckets.ts';
import { pageArgs, windowArgs } from '../common/args.ts';
import { decodeDateCursor, pageSize, toConnection } from '../common/connection.ts';
import { RoleEnum } from '../common/enums.ts';
import { checkFactId, checkId } from '../common/ids.ts';
import { mentionsLoader } from '../event/event.loaders.ts';
import type { EventRow, MentionRow } from '../event/event.repository.ts';
import { EventConnection, eventCursor } from '../event/event.schema.ts';
import { ActorRef, ArticleRef, EventRef, EventTypeRef, loadOrNull, MentionRef } from '../refs.ts';
import {
  eventsAmong,
  neighborhoodLayer,
  PATH_LIMITS,
  type PathRel,
  type RelationSummary,
  relationEvents,
  relationIntervalRows,
  relationSummary,
  shortestPaths,
  structureAmong,
  type Window,
} from './exploration.repository.ts';

const MAX_NEIGHBORHOOD = 200;
/** A hub contributes only its most recent events in the window to each ring. */
const EVENTS_PER_ACTOR = 200;
/** Rings beyond the first expand from the strongest actors of the previous ring only. */
const FRONTIER = 25;

function checkWindow(w: Window): Window {
  if (w.from && w.to && w.from > w.to) {
    throw new ParleyError(ErrorCode.BAD_USER_INPUT, 'from must not be after to.', { argument: 'from' });
  }
  return w;
}

async function mustExist(ctx: Context, id: string, argument: string): Promise<ActorRow> {
  checkId(id, argument);
  const actor = await loadOrNull(ActorRef.getDataloader(ctx), id);
  if (!actor) throw new ParleyError(ErrorCode.NOT_FOUND, `No actor with id "${id}".`, { argument, id });
  return actor;
}

// --- neighborhood ---

interface GraphNode {
  id: string;
  type: 'ACTOR' | 'EVENT';
  label: string;
  depth: number;
  weight: number;
  actor: ActorRow | null;
  event: EventRow | null;
}
interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  role: string | null;
}

const GraphNodeTypeEnum = builder.enumType('GraphNodeType', {
  description: 'What a node of a drawn graph stands for.',
  values: { ACTOR: { description: 'An actor.' }, EVENT: { description: 'An event.' } } as const,
});

const GraphNodeRef = builder.objectRef<GraphNode>('GraphNode').implement({
  description: 'A node ready to draw: an actor or an event, with its ring and relevance.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The actor or event id (unique across the graph).' }),
    type: t.field({ type: GraphNodeTypeEnum, description: 'Actor or event.', resolve: (n) => n.type }),
    label: t.exposeString('label', {
      description: "A label to draw: the actor's name, or the event's date and type.",
    }),
    depth: t.exposeInt('depth', {
      description:
        'Ring: 0 for the centre, 1 for actors sharing an event with it, and so on. Events take the ring of their nearest actor.',
    }),
    weight: t.exposeFloat('weight', {
      description:
        'Relevance: for an actor, the events it shares with the ring inside it; for an event, how many kept actors it ties.',
    }),
    actor: t.field({
      type: ActorRef,
      nullable: true,
      description: 'The actor, for an actor node.',
      resolve: (n) => n.actor,
    }),
    event: t.field({
      type: EventRef,
      nullable: true,
      description: 'The event, for an event node.',
      resolve: (n) => n.event,
    }),
  }),
});

const GraphEdgeRef = builder.objectRef<GraphEdge>('GraphEdge').implement({
  description:
    'An edge ready to draw: an actor taking part in an event (with its role), or a structural fact.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Unique within the graph.' }),
    source: t.exposeID('source', { description: 'Id of the node it starts from (an actor).' }),
    target: t.exposeID('target', {
      description: 'Id of the node it ends at (an event, or an actor for a fact).',
    }),
    type: t.exposeString('type', { description: 'PARTICIPATED_IN, MEMBER_OF, PART_OF or HOLDS_POSITION.' }),
    role: t.field({
      type: RoleEnum,
      nullable: true,
      description: 'For PARTICIPATED_IN: the role.',
      resolve: (e) => e.role as never,
    }),
  }),
});

const GraphRef = builder
  .objectRef<{ center: string; nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean }>('Graph')
  .implement({
    description: 'Nodes and edges around an actor, ready for a graph view (sigma.js, cytoscape).',
    fields: (t) => ({
      center: t.exposeID('center', { description: 'The actor at the centre.' }),
      nodes: t.field({ type: [GraphNodeRef], description: 'Actors and events.', resolve: (g) => g.nodes }),
      edges: t.field({
        type: [GraphEdgeRef],
        description: 'Participations and structural facts between them.',
        resolve: (g) => g.edges,
      }),
      truncated: t.exposeBoolean('truncated', {
        description:
          'Whether the limit left out actors or events that are there; the most relevant were kept.',
      }),
    }),
  });

/** A date label as precise as the article: "2022-02-09", "2022-01 late", "2021". */
export function dateLabel(e: Pick<EventRow, 'earliest' | 'precision' | 'qualifier'>): string {
  const base =
    e.precision === 'YEAR'
      ? e.earliest.slice(0, 4)
      : e.precision === 'MONTH'
        ? e.earliest.slice(0, 7)
        : e.earliest;
  return e.qualifier ? `${base} ${e.qualifier.toLowerCase()}` : base;
}

const eventLabel = (e: EventRow) => `${dateLabel(e)} · ${e.cameoCode}`;

// --- paths ---

interface Hop {
  from: ActorRow;
  to: ActorRow;
  kind: string;
  event: EventRow | null;
  fromRole: string | null;
  toRole: string | null;
  fact: FactShape | null;
}

const HopKindEnum = builder.enumType('HopKind', {
  description: 'What links two consecutive actors of a path.',
  values: {
    EVENT: { description: 'Both took part in the same event.' },
    MEMBER_OF: { description: 'One is a member of the other.' },
    PART_OF: { description: 'One is part of the other.' },
    HOLDS_POSITION: { description: 'One holds a position at the other.' },
  } as const,
});

const HopRef = builder.objectRef<Hop>('PathHop').implement({
  description: 'One step of a path between two actors, explained by its event or fact, with the evidence.',
  fields: (t) => ({
    from: t.field({
      type: ActorRef,
      description: 'The actor this step starts from.',
      resolve: (h) => h.from,
    }),
    to: t.field({ type: ActorRef, description: 'The actor it reaches.', resolve: (h) => h.to }),
    kind: t.field({
      type: HopKindEnum,
      description: 'Event or structural fact.',
      resolve: (h) => h.kind as never,
    }),
    event: t.field({
      type: EventRef,
      nullable: true,
      description: 'The shared event, for an EVENT step.',
      resolve: (h) => h.event,
    }),
    fromRole: t.field({
      type: RoleEnum,
      nullable: true,
      description: "The first actor's role in the event.",
      resolve: (h) => h.fromRole as never,
    }),
    toRole: t.field({
      type: RoleEnum,
      nullable: true,
      description: "The second actor's role in the event.",
      resolve: (h) => h.toRole as never,
    }),
    fact: t.field({
      type: FactRef,
      nullable: true,
      description: 'The structural fact, for other steps.',
      resolve: (h) => h.fact,
    }),
    evidence: t.field({
      type: [MentionRef],
      description:
        "On whose word: the quotes that report the step's event or state its fact (empty for a register-only fact).",
      resolve: (h, _a, ctx) =>
        h.event
          ? mentionsLoader(ctx).load(h.event.id)
          : h.fact
            ? factMentionsLoader(ctx).load(h.fact.id)
            : [],
    }),
  }),
});

const PathRef = builder.objectRef<{ actors: ActorRow[]; hops: Hop[] }>('Path').implement({
  description:
    'A connection between two actors: a chain of actors, each step through an event or a structural fact.',
  fields: (t) => ({
    length: t.int({ description: 'Number of steps.', resolve: (p) => p.hops.length }),
    actors: t.field({
      type: [ActorRef],
      description: 'The actors along the path, from first to last.',
      resolve: (p) => p.actors,
    }),
    hops: t.field({ type: [HopRef], description: 'The steps, in order.', resolve: (p) => p.hops }),
  }),
});

/** Turns a raw path (alternating nodes and relationships) into actor-to-actor steps. */
function toHops(nodes: Awaited<ReturnType<typeof shortestPaths>>[number]['nodes'], rels: PathRel[]) {
  const actors: ActorRow[] = [];
  const hops: Hop[] = [];
  let i = 0;
  while (i < nodes.length) {
    const node = nodes[i]!;
    if (node.kind !== 'ACTOR') throw new Error('a path must start and continue from actors');
    actors.push(node.actor);
    const next = nodes[i + 1];
    if (!next) break;
    const rel = rels[i]!;
    if (next.kind === 'EVENT') {
      const back = rels[i + 1]!;
      const to = nodes[i + 2];
      if (to?.kind !== 'ACTOR') throw new Error('an event step must end at an actor');
      hops.push({
        from: node.actor,
        to: to.actor,
        kind: 'EVENT',
        event: next.event,
        fromRole: rel.role,
        toRole: back.role,
        fact: null,
      });
      i += 2;
    } else {
      const forward = rel.start === node.id;
      hops.push({
        from: node.actor,
        to: next.actor,
        kind: rel.type,
        event: null,
        fromRole: null,
        toRole: null,
        fact: {
          id: rel.fact?.id ?? `${rel.type}:${rel.start}:${rel.end}`,
          type: rel.type as FactShape['type'],
          subject: forward ? node.actor : next.actor,
          object: forward ? next.actor : node.actor,
          title: rel.fact?.title ?? null,
          since: rel.fact?.since ?? null,
          until: rel.fact?.until ?? null,
          sources: rel.fact?.sources ?? [],
        },
      });
      i += 1;
    }
  }
  return { actors, hops };
}

// --- provenance ---

const ProvenanceRef = builder.objectRef<{ mentions: MentionRow[] }>('Provenance').implement({
  description: 'On whose word an event or fact stands: its quotes, their articles and publishers.',
  fields: (t) => ({
    mentions: t.field({
      type: [MentionRef],
      description: 'Every quote that reports it.',
      resolve: (p) => p.mentions,
    }),
    mentionCount: t.int({ description: 'How many quotes.', resolve: (p) => p.mentions.length }),
    articles: t.field({
      type: [ArticleRef],
      description: 'The distinct articles quoted.',
      resolve: (p) => [...new Set(p.mentions.map((m) => m.articleId))],
    }),
    sourceCount: t.int({
      description: 'How many distinct articles report it (derived, never stored).',
      resolve: (p) => new Set(p.mentions.map((m) => m.articleId)).size,
    }),
    publishers: t.stringList({
      description: 'The distinct publishers of those articles.',
      resolve: async (p, _a, ctx) => {
        const ids = [...new Set(p.mentions.map((m) => m.articleId))];
        const articles = await ArticleRef.getDataloader(ctx).loadMany(ids);
        return [...new Set(articles.flatMap((a) => (a instanceof Error ? [] : [a.publisher])))].sort();
      },
    }),
  }),
});

// --- relation ---

interface RelationShape {
  a: ActorRow;
  b: ActorRow;
  window: Window;
  interval: Interval;
  summary: RelationSummary;
}

const RelationTypeCountRef = builder
  .objectRef<{ code: string; count: number }>('RelationTypeCount')
  .implement({
    description: "How many of a pair's shared events have one CAMEO type.",
    fields: (t) => ({
      type: t.field({ type: EventTypeRef, description: 'The event type.', resolve: (c) => c.code }),
      count: t.exposeInt('count', { description: 'Shared events of that type.' }),
    }),
  });

const RelationRef = builder.objectRef<RelationShape>('Relation').implement({
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
      resolve: (r) => {
        const counts = new Map<string, number>();
        for (const code of r.summary.codes) counts.set(code, (counts.get(code) ?? 0) + 1);
        return [...counts]
          .map(([code, count]) => ({ code, count }))
          .sort((x, y) => y.count - x.count || (x.code < y.code ? -1 : 1));
      },
    }),
    timeline: t.field({
      type: [TimeBucketRef],
      description:
        'Shared events per interval, with Goldstein sums; an event known less precisely than the interval is spread over the buckets it overlaps.',
      resolve: async (r, _a, ctx) =>
        bucketize(await relationIntervalRows(ctx.db, r.a.id, r.b.id, r.window), r.interval, r.window),
    }),
    events: t.field({
      type: EventConnection,
      description: 'The shared events, newest first, keyset-paginated.',
      args: {
        ...pageArgs,
      },
      resolve: async (r, args, ctx) => {
        const limit = pageSize(args.first);
        const rows = await relationEvents(
          ctx.db,
          r.a.id,
          r.b.id,
          r.window,
          decodeDateCursor(args.after),
          limit + 1,
        );
        return {
          ...toConnection(rows, limit, args.after, eventCursor),
          totalCount: async () => r.summary.shared,
        };
      },
    }),
  }),
});

builder.queryFields((t) => ({
  relation: t.field({
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
      const summary = await relationSummary(ctx.db, a.id, b.id, window);
      return { a, b, window, interval: (args.interval ?? 'MONTH') as Interval, summary };
    },
  }),
  neighborhood: t.field({
    type: GraphRef,
    description: `The actors and events around one actor, as nodes and edges to draw. Ring by ring, actors are ranked by how many events they share with the ring inside them, and the strongest are kept up to \`limit\`; then the events tying at least two kept actors are added, those tying the most first, then the most recent (at most twice \`limit\`). Each actor contributes its ${EVENTS_PER_ACTOR} most recent events in the window, and rings beyond the first grow from the ${FRONTIER} strongest actors of the previous one.`,
    args: {
      actorId: t.arg.id({ required: true, description: 'The actor at the centre.' }),
      depth: t.arg.int({
        required: false,
        defaultValue: 1,
        description: 'How many rings of actors, 1 to 3.',
      }),
      ...windowArgs,
      roles: t.arg({ type: [RoleEnum], required: false, description: 'Only participations in these roles.' }),
      limit: t.arg.int({
        required: false,
        defaultValue: 50,
        description: `Most actors to return, at most ${MAX_NEIGHBORHOOD}.`,
      }),
    },
    resolve: async (_r, args, ctx) => {
      const depth = args.depth ?? 1;
      const limit = args.limit ?? 50;
      if (depth < 1 || depth > 3)
        throw new ParleyError(ErrorCode.BAD_USER_INPUT, 'depth must be 1, 2 or 3.', { argument: 'depth' });
      if (limit < 1 || limit > MAX_NEIGHBORHOOD) {
        throw new ParleyError(ErrorCode.BAD_USER_INPUT, `limit must be between 1 and ${MAX_NEIGHBORHOOD}.`, {
          argument: 'limit',
        });
      }
      const window = checkWindow({ from: args.from, to: args.to });
      const roles = args.roles?.length ? [...args.roles] : null;
      const center = await mustExist(ctx, String(args.actorId), 'actorId');

      const kept = new Map<string, GraphNode>([
        [
          center.id,
          {
            id: center.id,
            type: 'ACTOR',
            label: center.name,
            depth: 0,
            weight: 0,
            actor: center,
            event: null,
          },
        ],
      ]);
      let frontier = [center.id];
      let truncated = false;
      for (let ring = 1; ring <= depth && frontier.length && kept.size < limit; ring++) {
        const budget = limit - kept.size;
        const rows = await neighborhoodLayer(
          ctx.db,
          frontier,
          [...kept.keys()],
          window,
          roles,
          EVENTS_PER_ACTOR,
          budget + 1,
        );
        if (rows.length > budget) truncated = true;
        const added = rows.slice(0, budget);
        for (const r of added) {
          kept.set(r.actor.id, {
            id: r.actor.id,
            type: 'ACTOR',
            label: r.actor.name,
            depth: ring,
            weight: r.weight,
            actor: r.actor,
            event: null,
          });
        }
        frontier = added.slice(0, FRONTIER).map((r) => r.actor.id);
      }
      if (kept.size >= limit && depth > 1) truncated = true;

      const actorIds = [...kept.keys()];
      const eventLimit = 2 * limit;
      const [tying, facts] = await Promise.all([
        eventsAmong(ctx.db, actorIds, window, roles, EVENTS_PER_ACTOR, eventLimit + 1),
        structureAmong(ctx.db, actorIds),
      ]);
      if (tying.length > eventLimit) truncated = true;
      const nodes = [...kept.values()];
      const edges: GraphEdge[] = [];
      for (const t of tying.slice(0, eventLimit)) {
        const ring = Math.min(...t.participations.map((p) => kept.get(p.actorId)?.depth ?? depth));
        nodes.push({
          id: t.event.id,
          type: 'EVENT',
          label: eventLabel(t.event),
          depth: ring,
          weight: t.kept,
          actor: null,
          event: t.event,
        });
        for (const p of t.participations) {
          edges.push({
            id: `${p.actorId}>${p.role}>${t.event.id}`,
            source: p.actorId,
            target: t.event.id,
            type: 'PARTICIPATED_IN',
            role: p.role,
          });
        }
      }
      for (const f of facts) {
        edges.push({ id: f.factId, source: f.source, target: f.target, type: f.type, role: null });
      }
      return { center: center.id, nodes, edges, truncated };
    },
  }),
  paths: t.field({
    type: [PathRef],
    description:
      'The k shortest connections between two actors, through shared events and structural facts (membership, part-of, positions), each step explained with its evidence. A structural step counts as one relationship and an event step as two, so "shortest" prefers structure. Events outside the window are not crossed.',
    args: {
      from: t.arg.id({ required: true, description: 'Actor the paths start from.' }),
      to: t.arg.id({ required: true, description: 'Actor the paths reach.' }),
      maxHops: t.arg.int({
        required: false,
        defaultValue: 3,
        description: 'Most steps between actors, 1 to 4.',
      }),
      k: t.arg.int({ required: false, defaultValue: 3, description: 'How many paths, 1 to 5.' }),
      windowFrom: t.arg({
        type: 'Date',
        required: false,
        description: 'Only cross events that may have happened on or after this day.',
      }),
      windowTo: t.arg({
        type: 'Date',
        required: false,
        description: 'Only cross events that may have happened on or before this day.',
      }),
    },
    resolve: async (_r, args, ctx) => {
      const k = args.k ?? 3;
      const maxHops = args.maxHops ?? 3;
      if (
        !(PATH_LIMITS.k as readonly number[]).includes(k) ||
        !(PATH_LIMITS.maxHops as readonly number[]).includes(maxHops)
      ) {
        throw new ParleyError(ErrorCode.BAD_USER_INPUT, 'k must be 1 to 5 and maxHops 1 to 4.', {
          argument: 'k',
        });
      }
      const window = checkWindow({ from: args.windowFrom, to: args.windowTo });
      const from = checkId(String(args.from), 'from');
      const to = checkId(String(args.to), 'to');
      if (from === to)
        throw new ParleyError(ErrorCode.BAD_USER_INPUT, 'from and to must be different actors.', {
          argument: 'to',
        });
      const raw = await shortestPaths(ctx.db, from, to, k, maxHops, window);
      // A path names both ends, so only an empty answer needs to ask whether they exist.
      if (!raw.length) await Promise.all([mustExist(ctx, from, 'from'), mustExist(ctx, to, 'to')]);
      return raw.map((p) => toHops(p.nodes, p.rels)).filter((p) => p.hops.length <= maxHops);
    },
  }),
  provenance: t.field({
    type: ProvenanceRef,
    nullable: true,
    description:
      'The evidence behind one event (eventId) or one structural fact (factId): quotes, articles, publishers, distinct sources.',
    args: {
      eventId: t.arg.id({ required: false, description: 'An event id.' }),
      factId: t.arg.id({ required: false, description: 'A structural fact id (StructuralFact.id).' }),
    },
    resolve: async (_r, args, ctx) => {
      if (Boolean(args.eventId) === Boolean(args.factId)) {
        throw new ParleyError(ErrorCode.BAD_USER_INPUT, 'Give exactly one of eventId and factId.');
      }
      if (args.eventId) {
        const event = await loadOrNull(EventRef.getDataloader(ctx), checkId(args.eventId, 'eventId'));
        return event ? { mentions: await mentionsLoader(ctx).load(event.id) } : null;
      }
      const mentions = await factMentionsLoader(ctx).load(checkFactId(args.factId, 'factId'));
      return { mentions };
    },
  }),
}));
