import { gql } from '../api.ts';
import { actorLink, eventItem, kindBadge, quoteBlock } from '../components.ts';
import { h, link } from '../dom.ts';
import { words } from '../format.ts';
import { type GEdge, type GNode, type GraphData, graphView } from '../graph.ts';
import { onGraphChange } from '../live.ts';
import { showPage } from '../page.ts';
import {
  ACTOR,
  ACTOR_ACTIVITY,
  ACTOR_EVENTS,
  type ActorActivity,
  type ActorEvents,
  type ActorPage,
  EVENT_PARTICIPANTS,
  type EventParticipants,
  type Fact,
  NEIGHBORHOOD,
  type Neighborhood,
} from '../queries.ts';
import { errorBox, loadInto, loading, notFound, RENDERED, type Rendered } from '../status.ts';
import { quadBreakdown, timeline } from '../timeline.ts';

type Actor = NonNullable<ActorPage['actor']>;

const FIRST_RING = 25;
const EXPANSION = 15;

export async function actorView(main: HTMLElement, id: string, signal: AbortSignal): Promise<void> {
  main.replaceChildren(loading('the actor'));
  let data: ActorPage;
  try {
    data = await gql<ActorPage>(ACTOR, { id }, signal);
  } catch (err) {
    if (signal.aborted) return;
    showPage(main, 'Error', [
      h('h1', null, 'Actor'),
      errorBox('this actor', err, () => void actorView(main, id, signal)),
    ]);
    return;
  }
  if (signal.aborted) return;
  const actor = data.actor;
  if (!actor) {
    showPage(main, 'Not found', [notFound('actor', id)]);
    return;
  }

  const activity = h('div', { class: 'activity' });
  const graph = h('div', { class: 'graph-host' });
  const events = h('div', { class: 'events' });

  showPage(main, actor.name, [
    h(
      'article',
      { class: 'actor-page', 'data-actor-id': actor.id },
      h(
        'header',
        { class: 'page-head' },
        h('p', { class: 'eyebrow' }, 'Actor'),
        h('h1', null, actor.name),
        h(
          'p',
          { class: 'facts-line' },
          kindBadge(actor.kind),
          h('span', null, ` id `, h('code', null, actor.id)),
          actor.countryCode ? h('span', null, ` · country code ${actor.countryCode}`) : null,
          actor.wikidataId
            ? h(
                'span',
                null,
                ' · Wikidata ',
                h(
                  'a',
                  { href: `https://www.wikidata.org/wiki/${actor.wikidataId}`, rel: 'noopener noreferrer' },
                  actor.wikidataId,
                ),
              )
            : null,
        ),
        h(
          'p',
          { class: 'actions' },
          h('a', { class: 'button', href: `#/path/${encodeURIComponent(actor.id)}` }, 'Find paths from here'),
          h(
            'a',
            { class: 'button', href: `#/pair/${encodeURIComponent(actor.id)}` },
            'Compare with another actor',
          ),
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
            { class: 'card', 'aria-labelledby': 'names-h' },
            h('h2', { id: 'names-h' }, `Names and aliases (${actor.aliases.length})`),
            h(
              'ul',
              { class: 'chips aliases' },
              actor.aliases.map((a) => h('li', { lang: guessLang(a) }, a)),
            ),
          ),
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'structure-h' },
            h('h2', { id: 'structure-h' }, 'Memberships and positions'),
            structure(actor),
          ),
        ),
        h(
          'div',
          { class: 'column' },
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'activity-h' },
            h('h2', { id: 'activity-h' }, 'Activity by month'),
            activity,
          ),
        ),
      ),
      h(
        'section',
        { class: 'card wide', 'aria-labelledby': 'graph-h' },
        h('h2', { id: 'graph-h' }, 'Neighbourhood'),
        graph,
      ),
      h(
        'section',
        { class: 'card wide', 'aria-labelledby': 'events-h' },
        h('h2', { id: 'events-h' }, 'Events'),
        events,
      ),
    ),
  ]);

  const loadActivity = () =>
    loadInto(
      activity,
      'the activity',
      () => gql<ActorActivity>(ACTOR_ACTIVITY, { id }, signal),
      (d) => [
        timeline(d.eventHistogram, `Events of ${actor.name} per month, coloured by mean Goldstein score.`),
        h('h3', null, 'By QuadClass'),
        quadBreakdown(d.eventCountsByQuadClass),
      ],
      signal,
    );
  // A write that touches this actor (an article naming it, ingested anywhere) refetches its
  // timeline and its events; a change too large to list its actors may touch it too.
  onGraphChange(
    signal,
    (c) => c.truncated || c.actorIds.includes(actor.id),
    async () => {
      await Promise.all([loadActivity(), eventsSection(events, actor, signal)]);
      events.dataset.refreshed = String(Number(events.dataset.refreshed ?? 0) + 1);
    },
  );

  await Promise.all([
    loadActivity(),
    loadInto(
      graph,
      'the neighbourhood',
      () => gql<Neighborhood>(NEIGHBORHOOD, { id, limit: FIRST_RING }, signal),
      async (d): Promise<Rendered> => {
        const view = await graphView(graph, neighborhoodData(d), {
          title: `Neighbourhood of ${actor.name}`,
          center: actor.id,
          expand: (node) => expandNode(node, signal),
          signal,
        });
        const note = d.neighborhood.truncated
          ? h(
              'p',
              { class: 'hint' },
              `The ${FIRST_RING} most connected neighbours are drawn; there are more.`,
            )
          : null;
        if (note) view.element.prepend(note);
        return RENDERED;
      },
      signal,
    ),
    eventsSection(events, actor, signal),
  ]);
}

/** Rough language of an alias, for screen readers: Cyrillic, else left to the page's. */
function guessLang(alias: string): string | null {
  return /[\u0400-\u04FF]/.test(alias) ? 'ru' : null;
}

const STRUCTURE: {
  key: keyof Pick<Actor, 'memberships' | 'members' | 'partOf' | 'parts' | 'positions' | 'positionHolders'>;
  title: string;
  line: (f: Fact) => (Node | string)[];
}[] = [
  { key: 'memberships', title: 'Member of', line: (f) => [actorLink(f.object)] },
  { key: 'members', title: 'Members', line: (f) => [actorLink(f.subject)] },
  { key: 'partOf', title: 'Part of', line: (f) => [actorLink(f.object)] },
  { key: 'parts', title: 'Parts', line: (f) => [actorLink(f.subject)] },
  {
    key: 'positions',
    title: 'Positions held',
    line: (f) => [f.title ?? 'A position', ' at ', actorLink(f.object)],
  },
  {
    key: 'positionHolders',
    title: 'People holding positions here',
    line: (f) => [actorLink(f.subject), `, ${f.title ?? 'a position'}`],
  },
];

function structure(actor: Actor): HTMLElement {
  const groups = STRUCTURE.filter((g) => actor[g.key].length > 0);
  if (!groups.length) return h('p', { class: 'empty' }, 'No memberships, parts or positions recorded.');
  return h(
    'dl',
    { class: 'structure' },
    groups.map((g) => [
      h('dt', null, g.title),
      h(
        'dd',
        null,
        h(
          'ul',
          { class: 'facts' },
          actor[g.key].map((f) =>
            h(
              'li',
              { 'data-fact-id': f.id },
              h('span', { class: 'fact-line' }, ...g.line(f)),
              f.since || f.until
                ? h('span', { class: 'muted' }, ` (${f.since ?? '…'} – ${f.until ?? 'today'})`)
                : null,
              h('span', { class: 'sources' }, ' · source: ', sources(f)),
              f.mentions.length
                ? h(
                    'div',
                    { class: 'quotes' },
                    f.mentions.map((m) => quoteBlock(m)),
                  )
                : null,
            ),
          ),
        ),
      ),
    ]),
  );
}

/** Article sources link to the article; registers (wikidata) are named. */
function sources(f: Fact): (Node | string)[] {
  const out: (Node | string)[] = [];
  f.sources.forEach((s, i) => {
    if (i) out.push(', ');
    const article = f.mentions.find((m) => m.article.id === s)?.article;
    out.push(
      article ? link(`/article/${encodeURIComponent(s)}`, `${article.publisher} article`) : `register: ${s}`,
    );
  });
  return out;
}

function neighborhoodData(d: Neighborhood): GraphData {
  const nodes: GNode[] = d.neighborhood.nodes.map((n) =>
    n.type === 'ACTOR'
      ? { id: n.id, label: n.label, kind: 'actor', actorKind: n.actor?.kind, depth: n.depth }
      : {
          id: n.id,
          label: n.label,
          kind: 'event',
          quadClass: n.event?.type.quadClass,
          summary: n.event?.summary,
          depth: n.depth,
        },
  );
  const edges: GEdge[] = d.neighborhood.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    label: words(e.role ?? e.type),
    kind: e.type === 'PARTICIPATED_IN' ? 'role' : 'fact',
  }));
  return { nodes, edges };
}

/** An actor's neighbourhood is its ring of actors and their events; an event's, its participants. */
async function expandNode(node: GNode, signal: AbortSignal): Promise<GraphData> {
  if (node.kind === 'actor') {
    return neighborhoodData(await gql<Neighborhood>(NEIGHBORHOOD, { id: node.id, limit: EXPANSION }, signal));
  }
  const d = await gql<EventParticipants>(EVENT_PARTICIPANTS, { id: node.id }, signal);
  const participants = d.event?.participants ?? [];
  return {
    nodes: participants.map((p) => ({
      id: p.actor.id,
      label: p.actor.name,
      kind: 'actor' as const,
      actorKind: p.actor.kind,
      depth: (node.depth ?? 0) + 1,
    })),
    edges: participants.map((p) => ({
      id: `${p.actor.id}>${p.role}>${node.id}`,
      source: p.actor.id,
      target: node.id,
      label: words(p.role),
      kind: 'role' as const,
    })),
  };
}

async function eventsSection(target: HTMLElement, actor: Actor, signal: AbortSignal): Promise<void> {
  const list = h('ul', { class: 'event-list' });
  const more = h('div', { class: 'more' });
  const summary = h('p', { class: 'muted' });
  /** Appends a page of events and resolves with the button for the next one, if any. */
  const page = async (after: string | null): Promise<HTMLElement | null> => {
    const d = await gql<ActorEvents>(ACTOR_EVENTS, { id: actor.id, after }, signal);
    const events = d.actor?.events;
    if (!events) return null;
    for (const e of events.nodes) {
      const roles = e.participants.filter((p) => p.actor.id === actor.id).map((p) => words(p.role));
      list.append(
        eventItem(e, roles.length ? h('span', { class: 'role' }, ` · as ${roles.join(', ')}`) : null),
      );
    }
    summary.textContent = `${list.children.length} of ${events.totalCount} events, newest first.`;
    if (!events.pageInfo.hasNextPage) return null;
    const cursor = events.pageInfo.endCursor;
    return h(
      'button',
      {
        type: 'button',
        onclick: () =>
          void loadInto(
            more,
            'more events',
            () => page(cursor),
            (next) => next,
            signal,
          ),
      },
      'Show more events',
    );
  };
  await loadInto(
    target,
    'the events',
    () => page(null),
    (next) => {
      if (!list.children.length) return h('p', { class: 'empty' }, 'No events.');
      more.replaceChildren(...(next ? [next] : []));
      return [summary, list, more];
    },
    signal,
  );
}
