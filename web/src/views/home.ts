import { gql } from '../api.ts';
import { combobox } from '../combobox.ts';
import { actorLink, articleRoute, countsByTypeTable, kindBadge } from '../components.ts';
import { h, link } from '../dom.ts';
import { onGraphChange } from '../live.ts';
import { showPage } from '../page.ts';
import { HOME, type HomeData } from '../queries.ts';
import { loadInto } from '../status.ts';
import { timeline } from '../timeline.ts';

export async function homeView(main: HTMLElement, signal: AbortSignal): Promise<void> {
  const search = combobox({
    label: 'Find an actor',
    placeholder: 'A name in any language: Belarus, Biélorussie, Беларусь, OTAN…',
    onSelect: (actor) => {
      location.hash = `#/actor/${encodeURIComponent(actor.id)}`;
    },
  });
  const overview = h('div', { class: 'overview' });
  showPage(
    main,
    'Explorer',
    [
      h(
        'section',
        { class: 'hero' },
        h('h1', null, 'Who is connected to whom, through which events, and says who?'),
        h(
          'p',
          { class: 'muted' },
          'Search an actor by any of its names — accents, case and alphabet do not matter — then follow its events, its neighbourhood and the quotes behind them. Or ',
          link('/path', 'find the paths between two actors'),
          ', or ',
          link('/pair', 'compare a pair'),
          '.',
        ),
        h('div', { class: 'hero-search', role: 'search' }, search.element),
      ),
      overview,
    ],
    search.input,
  );

  const render = (d: HomeData) =>
    h(
      'div',
      { class: 'columns' },
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'top-h' },
        h('h2', { id: 'top-h' }, 'Most active actors'),
        d.topActors.length
          ? h(
              'ol',
              { class: 'ranking' },
              d.topActors.map((r) =>
                h(
                  'li',
                  null,
                  actorLink(r.actor),
                  ' ',
                  kindBadge(r.actor.kind),
                  h('span', { class: 'muted' }, ` ${r.events} events, ${r.partners} partners`),
                ),
              ),
            )
          : h('p', { class: 'empty' }, 'The graph is empty.'),
      ),
      h(
        'div',
        { class: 'column' },
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'all-h' },
          h('h2', { id: 'all-h' }, 'All events by month'),
          timeline(d.eventHistogram, 'Every event in the graph per month, coloured by mean Goldstein score.'),
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'types-h' },
          h('h2', { id: 'types-h' }, 'Events by type'),
          countsByTypeTable(d.eventCountsByType, 'No typed events.'),
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'articles-h' },
          h('h2', { id: 'articles-h' }, 'Latest articles'),
          h(
            'ul',
            { class: 'articles' },
            d.articles.nodes.map((a) =>
              h(
                'li',
                null,
                link(articleRoute(a.id), a.title),
                h('span', { class: 'muted' }, ` ${a.publisher}, ${a.publishedAt}`),
              ),
            ),
          ),
        ),
      ),
    );
  // Every write anywhere can move the ranking, the histogram or the latest articles.
  onGraphChange(
    signal,
    () => true,
    async () => {
      try {
        const d = await gql<HomeData>(HOME, {}, signal);
        if (signal.aborted) return;
        overview.replaceChildren(render(d));
        overview.dataset.refreshed = String(Number(overview.dataset.refreshed ?? 0) + 1);
      } catch {
        // A failed live refresh leaves the last overview in place; the next change tries again.
      }
    },
  );
  await loadInto(overview, 'the overview', () => gql<HomeData>(HOME, {}, signal), render, signal);
}
