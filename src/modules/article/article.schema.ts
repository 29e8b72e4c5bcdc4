import { builder } from '../../schema/builder.ts';
import type { Context } from '../../schema/context.ts';
import { pageArgs } from '../common/args.ts';
import { connectionType } from '../common/connection.schema.ts';
import { decodeDateCursor, encodeCursor, pageSize, toConnection } from '../common/connection.ts';
import { checkId } from '../common/ids.ts';
import { groupBy, keyedLoader } from '../common/loaders.ts';
import type { MentionRow } from '../common/rows.ts';
import { ArticleRef, loadOrNull, MentionRef } from '../refs.ts';
import { countArticles, listArticles, mentionsOfArticles } from './article.repository.ts';

const mentionsLoader = (ctx: Context) =>
  keyedLoader<MentionRow[]>(
    ctx,
    'article.mentions',
    null,
    async (ids) => {
      const grouped = groupBy(await mentionsOfArticles(ctx.db, ids), (r) => r.articleId);
      return new Map([...grouped].map(([k, v]) => [k, v.map((r) => r.mention)]));
    },
    () => [],
  );

ArticleRef.implement({
  description: 'A news article: the source of events and facts, kept with its full text.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable slug.' }),
    url: t.exposeString('url', { nullable: true, description: 'Where it was published, when known.' }),
    title: t.exposeString('title', { description: 'Its headline, in its language.' }),
    publisher: t.exposeString('publisher', { description: 'Who published it ("bbabo.net").' }),
    publishedAt: t.field({
      type: 'Date',
      description: 'Publication date; relative dates resolve against it.',
      resolve: (a) => a.publishedAt,
    }),
    language: t.exposeString('language', { description: 'ISO 639-1 language code ("fr").' }),
    text: t.exposeString('text', {
      description: 'The whole text as received; mention offsets point into it.',
    }),
    mentions: t.field({
      type: [MentionRef],
      description: 'Every quote taken from it, in text order.',
      resolve: (a, _args, ctx) => mentionsLoader(ctx).load(a.id),
    }),
  }),
});

const ArticleConnection = connectionType('Article', ArticleRef, 'article');

builder.queryFields((t) => ({
  article: t.field({
    type: ArticleRef,
    nullable: true,
    description: 'One article by id; null when there is none.',
    args: { id: t.arg.id({ required: true, description: 'The article id.' }) },
    resolve: (_r, { id }, ctx) => loadOrNull(ArticleRef.getDataloader(ctx), checkId(id, 'id')),
  }),
  articles: t.field({
    type: ArticleConnection,
    description: 'Articles, newest first, keyset-paginated.',
    args: {
      publisher: t.arg.string({ required: false, description: 'Only from this publisher.' }),
      language: t.arg.string({ required: false, description: 'Only in this language (ISO 639-1).' }),
      ...pageArgs,
    },
    resolve: async (_r, args, ctx) => {
      const limit = pageSize(args.first);
      const rows = await listArticles(ctx.db, args, decodeDateCursor(args.after), limit + 1);
      return {
        ...toConnection(rows, limit, args.after, (a) => encodeCursor([a.publishedAt, a.id])),
        totalCount: () => countArticles(ctx.db, args),
      };
    },
  }),
}));
