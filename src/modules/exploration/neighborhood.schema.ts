import { ErrorCode, ParleyError } from '../../errors.ts';
import { builder } from '../../schema/builder.ts';
import { windowArgs } from '../common/args.ts';
import { RoleEnum } from '../common/enums.ts';
import { ActorRef, EventRef } from '../refs.ts';
import { checkWindow, mustExist } from './arguments.ts';
import {
  EVENTS_PER_ACTOR,
  FRONTIER,
  type Graph,
  type GraphEdge,
  type GraphNode,
  MAX_NEIGHBORHOOD,
  neighborhood,
} from './neighborhood.service.ts';

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

const GraphRef = builder.objectRef<Graph>('Graph').implement({
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
      description: 'Whether the limit left out actors or events that are there; the most relevant were kept.',
    }),
  }),
});

builder.queryField('neighborhood', (t) =>
  t.field({
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
      return neighborhood(ctx.db, center, { depth, limit, window, roles });
    },
  }),
);
