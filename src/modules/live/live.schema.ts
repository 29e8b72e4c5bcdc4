import { GraphQLError } from 'graphql';
import { builder } from '../../schema/builder.ts';
import type { Context } from '../../schema/context.ts';
import { IngestOutcomeEnum } from '../curation/curation.schema.ts';
import type { EventFilter } from '../event/event.repository.ts';
import { checkEventFilter, EventFilterInput } from '../event/event.schema.ts';
import { ActorRef, ArticleRef, DocumentRef, EventRef, EventTypeRef, loadOrNull } from '../refs.ts';
import {
  type CHANGE_KINDS,
  type GraphChange,
  type LiveEvent,
  MAX_EVENTS_PER_CHANGE,
  matchesFilter,
} from './changes.ts';
import type { Delivery } from './hub.ts';

const GraphChangeKindEnum = builder.enumType('GraphChangeKind', {
  description: 'What kind of write changed the graph.',
  values: {
    ARTICLE_INGESTED: { description: 'An article bundle was ingested (created or updated).' },
    ACTORS_MERGED: { description: 'Two actors were merged.' },
    EVENT_CORRECTED: { description: "An event's date or type was corrected." },
    ALIAS_ADDED: { description: 'An alias was added to an actor.' },
  } satisfies Record<(typeof CHANGE_KINDS)[number], unknown>,
});

type Message<T> = T & { version: number; change: GraphChange };

/** A subscription's message, or the error that ends it (thrown here, so it reaches the client). */
function unwrap<T>(value: T | GraphQLError): T {
  if (value instanceof GraphQLError) throw value;
  return value;
}

/**
 * A subscription's context lives as long as it does: without this, its loaders would keep every
 * row of every message (and serve stale ones), and its stats would grow without end.
 */
function freshPerMessage(ctx: Context): void {
  ctx.loaders.clear();
  for (const ref of [ActorRef, EventRef, EventTypeRef, DocumentRef, ArticleRef])
    ref.getDataloader(ctx).clearAll();
  ctx.stats.queries = 0;
  ctx.stats.cypherMs = 0;
  ctx.stats.serverMs = 0;
  ctx.stats.statements.length = 0;
}

const commonFields = {
  version:
    'The graph version this server reached with the change (it increases with every change it applies; compare only within one connection).',
  at: 'When the write committed (ISO 8601).',
  truncated: `Whether the change touched more than it carries (over ${MAX_EVENTS_PER_CHANGE} events): refetch rather than patch.`,
};

const GraphChangeRef = builder.objectRef<Message<object>>('GraphChange').implement({
  description:
    'A write committed somewhere (on any API process): dashboards refetch what it touches. It carries ids, not data.',
  fields: (t) => ({
    version: t.int({ description: commonFields.version, resolve: (m) => m.version }),
    at: t.string({ description: commonFields.at, resolve: (m) => m.change.at }),
    kind: t.field({
      type: GraphChangeKindEnum,
      description: 'What kind of write.',
      resolve: (m) => m.change.kind,
    }),
    articleId: t.id({
      nullable: true,
      description: 'The article ingested, for ARTICLE_INGESTED.',
      resolve: (m) => m.change.articleId,
    }),
    actorIds: t.idList({ description: 'The actors the write touched.', resolve: (m) => m.change.actorIds }),
    eventIds: t.idList({
      description: `The events the write touched (the first ${MAX_EVENTS_PER_CHANGE}).`,
      resolve: (m) => m.change.events.map((e) => e.id),
    }),
    eventCount: t.int({
      description: 'How many events the write touched.',
      resolve: (m) => m.change.eventCount,
    }),
    truncated: t.boolean({ description: commonFields.truncated, resolve: (m) => m.change.truncated }),
  }),
});

const ArticleIngestedRef = builder.objectRef<Message<object>>('ArticleIngested').implement({
  description: 'An article was ingested (through any API process).',
  fields: (t) => ({
    version: t.int({ description: commonFields.version, resolve: (m) => m.version }),
    at: t.string({ description: commonFields.at, resolve: (m) => m.change.at }),
    articleId: t.id({ description: 'The article.', resolve: (m) => m.change.articleId ?? '' }),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      description: 'The article as the graph holds it now.',
      resolve: (m, _a, ctx) => loadOrNull(ArticleRef.getDataloader(ctx), m.change.articleId ?? ''),
    }),
    outcome: t.field({
      type: IngestOutcomeEnum,
      description: 'CREATED or UPDATED (an unchanged bundle writes nothing and sends nothing).',
      resolve: (m) => (m.change.outcome ?? 'UPDATED') as never,
    }),
    actorIds: t.idList({ description: 'The actors of the article.', resolve: (m) => m.change.actorIds }),
    eventCount: t.int({
      description: 'How many events the article has.',
      resolve: (m) => m.change.eventCount,
    }),
    truncated: t.boolean({ description: commonFields.truncated, resolve: (m) => m.change.truncated }),
  }),
});

const EventsAddedRef = builder.objectRef<Message<{ events: LiveEvent[] }>>('EventsAdded').implement({
  description: "An ingested article's events that pass the subscription's filter.",
  fields: (t) => ({
    version: t.int({ description: commonFields.version, resolve: (m) => m.version }),
    at: t.string({ description: commonFields.at, resolve: (m) => m.change.at }),
    articleId: t.id({ description: 'The article they come from.', resolve: (m) => m.change.articleId ?? '' }),
    events: t.field({
      type: [EventRef],
      description: `The matching events, at most ${MAX_EVENTS_PER_CHANGE} a message.`,
      resolve: (m) => m.events,
    }),
    truncated: t.boolean({
      description: `Whether the article had more than ${MAX_EVENTS_PER_CHANGE} events, some of them not looked at: query events(filter) for the rest.`,
      resolve: (m) => m.change.truncated,
    }),
  }),
});

builder.subscriptionFields((t) => ({
  graphChanged: t.field({
    type: GraphChangeRef,
    description:
      'Every committed write, on any API process: the signal for a dashboard to refetch (over SSE: POST or GET /graphql with Accept: text/event-stream).',
    subscribe: (_root, _args, ctx) => ctx.live.subscribe((d: Delivery) => ({ ...d })),
    resolve: (m: Message<object> | GraphQLError, _a, ctx) => {
      freshPerMessage(ctx);
      return unwrap(m);
    },
  }),
  articleIngested: t.field({
    type: ArticleIngestedRef,
    description: 'Every article ingested (created or updated), on any API process.',
    subscribe: (_root, _args, ctx) =>
      ctx.live.subscribe((d: Delivery) => (d.change.kind === 'ARTICLE_INGESTED' ? { ...d } : null)),
    resolve: (m: Message<object> | GraphQLError, _a, ctx) => {
      freshPerMessage(ctx);
      return unwrap(m);
    },
  }),
  eventsAdded: t.field({
    type: EventsAddedRef,
    description: `The events of each ingested article that pass \`filter\` (the filter of \`events\`), at most ${MAX_EVENTS_PER_CHANGE} a message; an article without a matching event sends nothing.`,
    args: { filter: t.arg({ type: EventFilterInput, required: false, description: 'Which events.' }) },
    subscribe: (_root, args, ctx) => {
      const filter: EventFilter = checkEventFilter(args.filter, null);
      return ctx.live.subscribe((d: Delivery) => {
        if (d.change.kind !== 'ARTICLE_INGESTED') return null;
        const events = d.change.events.filter((e) => matchesFilter(e, filter));
        return events.length ? { ...d, events } : null;
      });
    },
    resolve: (m: Message<{ events: LiveEvent[] }> | GraphQLError, _a, ctx) => {
      freshPerMessage(ctx);
      return unwrap(m);
    },
  }),
}));
