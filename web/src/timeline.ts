// A month-by-month bar chart of events, each bar coloured by the mean Goldstein score of its
// events (cooperation above zero, conflict below), with the same figures as a table for
// screen readers and keyboard users.

import { h } from './dom.ts';
import { monthLabel, number, QUAD_CLASSES, signed, TONE_LABELS, tone } from './format.ts';
import type { TimeBucket } from './queries.ts';

const MAX_LABELS = 12;

function strength(avg: number | null): string {
  const a = Math.abs(avg ?? 0);
  return a >= 6 ? 's3' : a >= 3 ? 's2' : 's1';
}

export function timeline(
  buckets: TimeBucket[],
  caption: string,
  label: (b: TimeBucket) => string = (b) => monthLabel(b.start),
): HTMLElement {
  const total = buckets.reduce((s, b) => s + b.count, 0);
  if (buckets.length === 0 || total === 0) {
    return h('p', { class: 'empty' }, 'No dated events.');
  }
  const max = Math.max(...buckets.map((b) => b.count));
  const every = Math.max(1, Math.ceil(buckets.length / MAX_LABELS));
  const bars = h('div', { class: 'bars', 'aria-hidden': 'true' });
  buckets.forEach((b, i) => {
    const t = tone(b.count > 0 ? b.goldsteinAverage : null);
    const bar = h('div', {
      class: `bar ${t} ${strength(b.goldsteinAverage)}`,
      title: `${label(b)}: ${number(b.count)} event${b.count === 1 ? '' : 's'}, Goldstein ${signed(b.goldsteinAverage)} (${TONE_LABELS[t]})`,
      'data-count': b.count,
    });
    bar.style.height = b.count > 0 ? `max(3px, ${((b.count / max) * 100).toFixed(2)}%)` : '0';
    const col = h(
      'div',
      { class: 'bar-col' },
      h('div', { class: 'bar-slot' }, bar),
      h('span', { class: 'bar-label' }, i % every === 0 || i === buckets.length - 1 ? label(b) : ''),
    );
    bars.append(col);
  });

  const table = h(
    'table',
    { class: 'data-table' },
    h('caption', { class: 'sr-only' }, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Period'),
        h('th', { scope: 'col' }, 'Events'),
        h('th', { scope: 'col' }, 'Goldstein (mean)'),
      ),
    ),
    h(
      'tbody',
      null,
      buckets
        .filter((b) => b.count > 0)
        .map((b) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, `${label(b)} (${b.start} – ${b.end})`),
            h('td', null, number(b.count)),
            h('td', null, `${signed(b.goldsteinAverage)} (${TONE_LABELS[tone(b.goldsteinAverage)]})`),
          ),
        ),
    ),
  );

  return h(
    'figure',
    { class: 'timeline', 'data-buckets': buckets.length },
    h(
      'div',
      { class: 'chart' },
      h(
        'div',
        { class: 'y-axis', 'aria-hidden': 'true' },
        h('span', null, number(max)),
        h('span', null, '0'),
      ),
      h('div', { class: 'bars-scroll' }, bars),
    ),
    h(
      'figcaption',
      null,
      h('span', null, caption),
      h(
        'span',
        { class: 'legend', 'aria-hidden': 'true' },
        h('span', { class: 'key coop' }),
        ' cooperation ',
        h('span', { class: 'key neutral' }),
        ' neutral ',
        h('span', { class: 'key conflict' }),
        ' conflict (mean Goldstein of the month)',
      ),
    ),
    h('details', { class: 'table-details' }, h('summary', null, 'Show as a table'), table),
  );
}

/** One stacked bar of the four QuadClasses, with the counts spelled out beside it. */
export function quadBreakdown(counts: { quadClass: number; name: string; count: number }[]): HTMLElement {
  const total = counts.reduce((s, c) => s + c.count, 0);
  const stack = h('div', { class: 'quad-stack', 'aria-hidden': 'true' });
  for (const c of counts) {
    if (!c.count) continue;
    const seg = h('span', {
      class: `seg ${QUAD_CLASSES[c.quadClass]?.css ?? ''}`,
      title: `${QUAD_CLASSES[c.quadClass]?.label}: ${c.count}`,
    });
    seg.style.flexGrow = String(c.count);
    stack.append(seg);
  }
  return h(
    'div',
    { class: 'quad' },
    total ? stack : null,
    h(
      'ul',
      { class: 'quad-list' },
      counts.map((c) =>
        h(
          'li',
          { 'data-quad-class': c.quadClass },
          h('span', { class: `key ${QUAD_CLASSES[c.quadClass]?.css ?? ''}`, 'aria-hidden': 'true' }),
          ` ${QUAD_CLASSES[c.quadClass]?.label ?? c.name}: `,
          h('strong', null, String(c.count)),
        ),
      ),
    ),
  );
}
