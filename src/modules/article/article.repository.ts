import { cypher } from '../../neo4j/cypher.ts';
import type { Db } from '../../neo4j/database.ts';
import type { MentionRow } from '../common/rows.ts';

const Q = {
  byIds: cypher('article/by-ids'),
  list: cypher('article/list'),
  mentions: cypher('article/mentions'),
  count: cypher('article/count'),
};

export interface ArticleRow {
  id: string;
  url: string | null;
  title: string;
  publisher: string;
  publishedAt: string;
  language: string;
  text: string;
}

export async function articlesByIds(db: Db, ids: readonly string[]): Promise<ArticleRow[]> {
  return (await db.read<{ article: ArticleRow }>(Q.byIds, { ids })).map((r) => r.article);
}

export async function listArticles(
  db: Db,
  filter: { publisher?: string | null; language?: string | null },
  after: { date: string; id: string } | null,
  limit: number,
): Promise<ArticleRow[]> {
  const rows = await db.read<{ article: ArticleRow }>(Q.list, {
    publisher: filter.publisher ?? null,
    language: filter.language ?? null,
    afterDate: after?.date ?? null,
    afterId: after?.id ?? null,
    limit,
  });
  return rows.map((r) => r.article);
}

export async function mentionsOfArticles(
  db: Db,
  articleIds: readonly string[],
): Promise<{ articleId: string; mention: MentionRow }[]> {
  return db.read(Q.mentions, { articleIds });
}

export async function countArticles(
  db: Db,
  filter: { publisher?: string | null; language?: string | null },
): Promise<number> {
  const [row] = await db.read<{ count: number }>(Q.count, {
    publisher: filter.publisher ?? null,
    language: filter.language ?? null,
  });
  return row?.count ?? 0;
}
