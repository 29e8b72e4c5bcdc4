import { ErrorCode, ParleyError } from '../../errors.ts';
import { builder } from '../../schema/builder.ts';
import { factMentionsLoader } from '../actor/actor.schema.ts';
import { checkFactId, checkId } from '../common/ids.ts';
import type { MentionRow } from '../common/rows.ts';
import { mentionsLoader } from '../event/event.loaders.ts';

import { ArticleRef, EventRef, loadOrNull, MentionRef } from '../refs.ts';

const articleIds = (mentions: MentionRow[]) => [...new Set(mentions.map((m) => m.articleId))];

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
      resolve: (p) => articleIds(p.mentions),
    }),
    sourceCount: t.int({
      description: 'How many distinct articles report it (derived, never stored).',
      resolve: (p) => articleIds(p.mentions).length,
    }),
    publishers: t.stringList({
      description: 'The distinct publishers of those articles.',
      resolve: async (p, _a, ctx) => {
        const articles = await ArticleRef.getDataloader(ctx).loadMany(articleIds(p.mentions));
        return [...new Set(articles.flatMap((a) => (a instanceof Error ? [] : [a.publisher])))].sort();
      },
    }),
  }),
});

// The quotes come through the request's loaders, so provenance batches with the rest of an
// operation; there is no query of its own.
builder.queryField('provenance', (t) =>
  t.field({
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
);
