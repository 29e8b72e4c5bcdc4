import { ErrorCode, ParleyError } from '../../errors.ts';
import { builder } from '../../schema/builder.ts';
import { FactRef, factMentionsLoader } from '../actor/actor.schema.ts';
import { RoleEnum } from '../common/enums.ts';
import { checkId } from '../common/ids.ts';
import { mentionsLoader } from '../event/event.loaders.ts';
import { ActorRef, EventRef, MentionRef } from '../refs.ts';
import { checkWindow, mustExist } from './arguments.ts';
import { PATH_LIMITS } from './exploration.repository.ts';
import { findPaths, type Hop, type Path } from './paths.service.ts';

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
      resolve: (h) => h.kind,
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

const PathRef = builder.objectRef<Path>('Path').implement({
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

builder.queryField('paths', (t) =>
  t.field({
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
      const paths = await findPaths(ctx.db, from, to, k, maxHops, window);
      // A path names both ends, so only an empty answer needs to ask whether they exist.
      if (!paths.length) await Promise.all([mustExist(ctx, from, 'from'), mustExist(ctx, to, 'to')]);
      return paths;
    },
  }),
);
