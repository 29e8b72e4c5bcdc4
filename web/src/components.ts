// Pieces several pages share: links to actors and events, event rows, quotes with their article.

import { h, link } from './dom.ts';
import { dateRange, kindLabel, precisionLabel, QUAD_CLASSES, signed, words } from './format.ts';
import type { ActorRef, ArticleRef, EventRow, EventType, Mention } from './queries.ts';

export function actorLink(actor: Pick<ActorRef, 'id' | 'name'>): HTMLAnchorElement {
  return link(`/actor/${encodeURIComponent(actor.id)}`, actor.name);
}

export function kindBadge(kind: string): HTMLElement {
  return h('span', { class: 'badge kind' }, kindLabel(kind));
}

/** Events per CAMEO type, most frequent first (the pair page's shared events, the home page's all). */
export function countsByTypeTable(rows: { count: number; type: EventType }[], empty: string): HTMLElement {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h(
    'table',
    { class: 'data-table counts-by-type' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Type'),
        h('th', { scope: 'col' }, 'Goldstein'),
        h('th', { scope: 'col' }, 'Events'),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((c) =>
        h(
          'tr',
          { 'data-code': c.type.code },
          h('th', { scope: 'row' }, typeBadge(c.type), ` ${c.type.name}`),
          h('td', null, signed(c.type.goldstein, 1)),
          h('td', null, String(c.count)),
        ),
      ),
    ),
  );
}

export function typeBadge(type: EventRow['type']): HTMLElement {
  const quad = QUAD_CLASSES[type.quadClass];
  return h(
    'span',
    {
      class: `badge type ${quad?.css ?? ''}`,
      title: `CAMEO ${type.code} ${type.name} · Goldstein ${signed(type.goldstein, 1)} · ${quad?.label ?? ''}`,
    },
    type.code,
  );
}

/** One event in a list: when, what type, what happened (a link to its page). */
export function eventItem(e: EventRow, extra?: Node | null): HTMLLIElement {
  return h(
    'li',
    { class: 'event-row', 'data-event-id': e.id },
    h('span', { class: 'when', title: precisionLabel(e.date) }, dateRange(e.date)),
    typeBadge(e.type),
    h(
      'span',
      { class: 'what' },
      link(`/event/${encodeURIComponent(e.id)}`, e.summary),
      e.status !== 'ASSERTED' ? h('span', { class: 'badge status' }, words(e.status)) : null,
      h('span', { class: 'type-name' }, ` ${e.type.name}`),
      extra ?? null,
    ),
  );
}

export function articleRoute(articleId: string, m?: Pick<Mention, 'start' | 'end'>): string {
  return `/article/${encodeURIComponent(articleId)}${m ? `?at=${m.start}-${m.end}` : ''}`;
}

/** A quote, exactly as the article has it, with where it comes from and a link into the article. */
export function quoteBlock(m: Mention & { article: ArticleRef & { language?: string } }): HTMLElement {
  return h(
    'figure',
    { class: 'quote', 'data-mention-id': m.id },
    h('blockquote', { lang: m.article.language ?? null }, m.quote),
    h(
      'figcaption',
      null,
      `${m.article.publisher}, ${m.article.publishedAt} — `,
      link(articleRoute(m.article.id, m), 'read it in the article'),
    ),
  );
}
