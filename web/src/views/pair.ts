import { gql } from '../api.ts';
import { countsByTypeTable, eventItem } from '../components.ts';
import { h } from '../dom.ts';
import { monthLabel, signed, TONE_LABELS, tone } from '../format.ts';
import { showPage } from '../page.ts';
import {
  type PageInfo,
  RELATION,
  RELATION_EVENTS,
  type RelationData,
  type RelationEvents,
  type TimeBucket,
} from '../queries.ts';
import { loadInto, loading, RENDERED } from '../status.ts';
import { timeline } from '../timeline.ts';
import { actorPicker, resolveActorsForView, select } from './picker.ts';

const INTERVALS = ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
type Interval = (typeof INTERVALS)[number];

function bucketLabel(interval: Interval): (b: TimeBucket) => string {
  switch (interval) {
    case 'YEAR':
      return (b) => b.start.slice(0, 4);
    case 'MONTH':
      return (b) => monthLabel(b.start);
    default:
      return (b) => b.start;
  }
}

export async function pairView(
  main: HTMLElement,
  params: string[],
  query: URLSearchParams,
  signal: AbortSignal,
): Promise<void> {
  const asked = query.get('interval');
  const interval: Interval = INTERVALS.includes(asked as Interval) ? (asked as Interval) : 'MONTH';
  main.replaceChildren(loading('the pair view'));
  const resolved = await resolveActorsForView(
    main,
    'Pair',
    params,
    signal,
    () => void pairView(main, params, query, signal),
  );
  if (!resolved) return;
  const [a = null, b = null] = resolved.actors;

  const intervalSelect = select(
    'Timeline by',
    'interval',
    INTERVALS.map((i) => [i, i.toLowerCase()]),
    interval,
  );
  const form = actorPicker({
    labels: ['First actor', 'Second actor'],
    initial: [a, b],
    submit: 'Compare',
    extra: [intervalSelect],
    onSubmit: (x, y) => {
      const iv = (intervalSelect.querySelector('select') as HTMLSelectElement).value;
      location.hash = `#/pair/${encodeURIComponent(x.id)}/${encodeURIComponent(y.id)}?interval=${iv}`;
    },
  });
  const results = h('section', { class: 'results', 'aria-labelledby': 'pair-h', 'aria-live': 'polite' });
  const unknown = resolved.unknown.length
    ? h(
        'p',
        { class: 'error', role: 'alert', 'data-state': 'not-found' },
        `Not found: no actor has the id ${resolved.unknown.map((u) => `“${u}”`).join(', ')}.`,
      )
    : null;

  showPage(
    main,
    a && b ? `${a.name} and ${b.name}` : 'Pair',
    [
      h(
        'header',
        { class: 'page-head' },
        h('p', { class: 'eyebrow' }, 'Pair'),
        h('h1', null, a && b ? `${a.name} and ${b.name}` : 'How do two actors relate?'),
        h(
          'p',
          { class: 'muted' },
          'Their shared events over time, how cooperative they were (Goldstein), and of which types.',
        ),
      ),
      form,
      unknown,
      results,
    ],
    a && b ? null : form.querySelector<HTMLElement>('input'),
  );
  if (!a || !b) return;

  await loadInto(
    results,
    'the relation',
    () => gql<RelationData>(RELATION, { a: a.id, b: b.id, interval }, signal),
    (d) => {
      const r = d.relation;
      const t = tone(r.goldsteinAverage);
      const list = h(
        'ul',
        { class: 'event-list' },
        r.events.nodes.map((e) => eventItem(e)),
      );
      const more = h('div', { class: 'more' });
      const addMore = (info: PageInfo) => {
        more.replaceChildren();
        if (!info.hasNextPage) return;
        more.append(
          h(
            'button',
            {
              type: 'button',
              onclick: () =>
                void loadInto(
                  more,
                  'more events',
                  () =>
                    gql<RelationEvents>(RELATION_EVENTS, { a: a.id, b: b.id, after: info.endCursor }, signal),
                  (next) => {
                    list.append(...next.relation.events.nodes.map((e) => eventItem(e)));
                    addMore(next.relation.events.pageInfo);
                    return RENDERED;
                  },
                  signal,
                ),
            },
            'Show more shared events',
          ),
        );
      };
      addMore(r.events.pageInfo);
      return [
        h('h2', { id: 'pair-h' }, `${r.a.name} and ${r.b.name}`),
        h(
          'dl',
          { class: 'stats' },
          stat('Shared events', String(r.sharedEventCount), 'shared-count'),
          stat('First', r.first ?? '—', 'first'),
          stat('Last', r.last ?? '—', 'last'),
          stat(
            'Goldstein average',
            `${signed(r.goldsteinAverage)}${r.goldsteinAverage === null ? '' : ` (${TONE_LABELS[t]})`}`,
            'goldstein',
          ),
        ),
        h(
          'div',
          { class: 'columns' },
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'pair-timeline-h' },
            h('h3', { id: 'pair-timeline-h' }, 'Timeline'),
            timeline(
              r.timeline,
              `Shared events of ${r.a.name} and ${r.b.name} per ${interval.toLowerCase()}.`,
              bucketLabel(interval),
            ),
          ),
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'pair-types-h' },
            h('h3', { id: 'pair-types-h' }, 'By event type'),
            countsByTypeTable(r.countsByType, 'No shared events.'),
          ),
        ),
        h(
          'section',
          { class: 'card wide', 'aria-labelledby': 'pair-events-h' },
          h('h3', { id: 'pair-events-h' }, `Shared events (${r.events.totalCount}), newest first`),
          r.events.nodes.length ? [list, more] : h('p', { class: 'empty' }, 'None.'),
        ),
      ];
    },
    signal,
  );
}

function stat(label: string, value: string, key: string): HTMLElement {
  return h('div', { class: 'stat', 'data-stat': key }, h('dt', null, label), h('dd', null, value));
}
