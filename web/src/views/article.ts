import { gql } from '../api.ts';
import { articleRoute } from '../components.ts';
import { h, link } from '../dom.ts';
import { showPage } from '../page.ts';
import { ARTICLE, type ArticlePage } from '../queries.ts';
import { errorBox, loading, notFound } from '../status.ts';

/** `at=1268-1349`: the quote to highlight, as UTF-16 offsets into the text (what JS strings use). */
function parseAt(query: URLSearchParams, length: number): [number, number] | undefined {
  const m = /^(\d+)-(\d+)$/.exec(query.get('at') ?? '');
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start < end && end <= length ? [start, end] : undefined;
}

export async function articleView(
  main: HTMLElement,
  id: string,
  query: URLSearchParams,
  signal: AbortSignal,
): Promise<void> {
  main.replaceChildren(loading('the article'));
  let data: ArticlePage;
  try {
    data = await gql<ArticlePage>(ARTICLE, { id }, signal);
  } catch (err) {
    if (signal.aborted) return;
    showPage(main, 'Error', [
      h('h1', null, 'Article'),
      errorBox('this article', err, () => void articleView(main, id, query, signal)),
    ]);
    return;
  }
  if (signal.aborted) return;
  const a = data.article;
  if (!a) {
    showPage(main, 'Not found', [notFound('article', id)]);
    return;
  }
  const at = parseAt(query, a.text.length);
  const mark = at ? h('mark', { id: 'quote', tabindex: '-1' }, a.text.slice(at[0], at[1])) : null;
  const text = h(
    'div',
    { class: 'article-text', lang: a.language },
    at ? [a.text.slice(0, at[0]), mark, a.text.slice(at[1])] : a.text,
  );
  const highlighted = at ? a.mentions.filter((m) => m.start === at[0] && m.end === at[1]) : [];

  showPage(
    main,
    a.title,
    [
      h(
        'article',
        { class: 'article-page', 'data-article-id': a.id },
        h(
          'header',
          { class: 'page-head' },
          h('p', { class: 'eyebrow' }, 'Article'),
          h('h1', { lang: a.language }, a.title),
          h(
            'p',
            { class: 'facts-line' },
            `${a.publisher} · ${a.publishedAt} · language ${a.language}`,
            a.url ? [' · ', h('a', { href: a.url, rel: 'noopener noreferrer' }, 'original')] : null,
          ),
        ),
        at
          ? h(
              'p',
              { class: 'highlight-note' },
              highlighted.length
                ? [
                    'The highlighted quote supports: ',
                    highlighted.map((m, i) => [
                      i ? ' · ' : '',
                      m.event
                        ? link(`/event/${encodeURIComponent(m.event.id)}`, m.event.summary)
                        : 'a structural fact',
                    ]),
                  ]
                : `Highlighted: characters ${at[0]}–${at[1]} of the text (not one of its quotes).`,
            )
          : null,
        h(
          'div',
          { class: 'columns article-columns' },
          h('section', { class: 'card', 'aria-label': 'Text' }, text),
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'article-quotes-h' },
            h('h2', { id: 'article-quotes-h' }, `Quotes taken from it (${a.mentions.length})`),
            h(
              'ol',
              { class: 'mention-list' },
              a.mentions.map((m) =>
                h(
                  'li',
                  { class: at && m.start === at[0] && m.end === at[1] ? 'current' : null },
                  h('q', { lang: a.language }, m.quote),
                  h(
                    'div',
                    { class: 'muted' },
                    link(articleRoute(a.id, m), 'show in the text'),
                    m.event
                      ? [' · supports ', link(`/event/${encodeURIComponent(m.event.id)}`, m.event.summary)]
                      : ' · a structural fact',
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ],
    // Land on the highlighted quote when there is one.
    mark,
  );
  mark?.scrollIntoView({ block: 'center' });
}
