import { gql } from '../api.ts';
import { actorLink, kindBadge, quoteBlock, typeBadge } from '../components.ts';
import { h, link } from '../dom.ts';
import { dateRange, precisionLabel, QUAD_CLASSES, signed, words } from '../format.ts';
import { showPage } from '../page.ts';
import { EVENT, type EventLink, type EventPageData } from '../queries.ts';
import { errorBox, loading, notFound } from '../status.ts';

export async function eventView(main: HTMLElement, id: string, signal: AbortSignal): Promise<void> {
  main.replaceChildren(loading('the event'));
  let data: EventPageData;
  try {
    data = await gql<EventPageData>(EVENT, { id }, signal);
  } catch (err) {
    if (signal.aborted) return;
    showPage(main, 'Error', [
      h('h1', null, 'Event'),
      errorBox('this event', err, () => void eventView(main, id, signal)),
    ]);
    return;
  }
  if (signal.aborted) return;
  const e = data.event;
  if (!e) {
    showPage(main, 'Not found', [notFound('event', id)]);
    return;
  }
  const quad = QUAD_CLASSES[e.type.quadClass];

  const related: [string, EventLink[]][] = [
    ['Responds to', e.respondsTo],
    ['Answered by', e.responses],
    ['Part of', e.partOf],
    ['Made of', e.parts],
    ['Follows up on', e.followsUp],
    ['Followed up by', e.followedBy],
  ];

  showPage(main, e.summary.length > 60 ? `${e.summary.slice(0, 57)}…` : e.summary, [
    h(
      'article',
      { class: 'event-page', 'data-event-id': e.id },
      h(
        'header',
        { class: 'page-head' },
        h('p', { class: 'eyebrow' }, 'Event'),
        h('h1', null, e.summary),
        h(
          'p',
          { class: 'facts-line' },
          typeBadge(e.type),
          ` ${e.type.name}`,
          e.type.parent
            ? h('span', { class: 'muted' }, ` (under ${e.type.parent.code} ${e.type.parent.name})`)
            : null,
          ` · Goldstein ${signed(e.type.goldstein, 1)} · ${quad?.label ?? e.type.quadClassName}`,
          e.status !== 'ASSERTED' ? h('span', { class: 'badge status' }, words(e.status)) : null,
        ),
      ),
      h(
        'div',
        { class: 'columns' },
        h(
          'div',
          { class: 'column' },
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'when-h' },
            h('h2', { id: 'when-h' }, 'When'),
            h(
              'dl',
              { class: 'when-list' },
              h('dt', null, 'Date'),
              h('dd', { class: 'date-range' }, dateRange(e.date)),
              h('dt', null, 'Precision'),
              h('dd', { class: 'date-precision' }, precisionLabel(e.date)),
              h('dt', null, 'The article’s words'),
              h(
                'dd',
                { class: 'date-text' },
                e.date.text ? `«${e.date.text}»` : h('span', { class: 'muted' }, 'none given'),
              ),
            ),
          ),
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'who-h' },
            h('h2', { id: 'who-h' }, `Participants (${e.participants.length})`),
            h(
              'ul',
              { class: 'participants' },
              e.participants.map((p) =>
                h(
                  'li',
                  { 'data-actor-id': p.actor.id, 'data-role': p.role },
                  actorLink(p.actor),
                  ' ',
                  kindBadge(p.actor.kind),
                  h('span', { class: 'role' }, ` ${words(p.role)}`),
                ),
              ),
            ),
          ),
          e.documents.length
            ? h(
                'section',
                { class: 'card', 'aria-labelledby': 'docs-h' },
                h('h2', { id: 'docs-h' }, `Documents (${e.documents.length})`),
                h(
                  'ul',
                  { class: 'documents' },
                  e.documents.map((d) =>
                    h(
                      'li',
                      { 'data-document-id': d.id },
                      h('strong', null, d.title),
                      h('span', { class: 'badge' }, words(d.kind)),
                      d.authoredBy.length ? h('div', null, 'By ', join(d.authoredBy.map(actorLink))) : null,
                      d.addressedTo.length ? h('div', null, 'To ', join(d.addressedTo.map(actorLink))) : null,
                    ),
                  ),
                ),
              )
            : null,
          related.some(([, l]) => l.length)
            ? h(
                'section',
                { class: 'card', 'aria-labelledby': 'rel-h' },
                h('h2', { id: 'rel-h' }, 'Related events'),
                h(
                  'dl',
                  { class: 'related' },
                  related
                    .filter(([, l]) => l.length)
                    .map(([title, l]) => [
                      h('dt', null, title),
                      h(
                        'dd',
                        null,
                        h(
                          'ul',
                          null,
                          l.map((r) =>
                            h(
                              'li',
                              null,
                              h('span', { class: 'when' }, r.date.earliest),
                              ' ',
                              link(`/event/${encodeURIComponent(r.id)}`, r.summary),
                            ),
                          ),
                        ),
                      ),
                    ]),
                ),
              )
            : null,
        ),
        h(
          'div',
          { class: 'column' },
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'quotes-h' },
            h(
              'h2',
              { id: 'quotes-h' },
              `On whose word: ${e.mentionCount} quote${e.mentionCount === 1 ? '' : 's'}`,
            ),
            h(
              'p',
              { class: 'muted' },
              `${e.sourceCount} source${e.sourceCount === 1 ? '' : 's'}: `,
              [...new Set(e.mentions.map((m) => m.article.publisher))].join(', '),
            ),
            h(
              'div',
              { class: 'quotes' },
              e.mentions.map((m) => quoteBlock(m)),
            ),
          ),
        ),
      ),
    ),
  ]);
}

function join(nodes: Node[]): (Node | string)[] {
  return nodes.flatMap((n, i) => (i ? [', ', n] : [n]));
}
