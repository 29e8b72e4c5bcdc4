import { gql } from '../api.ts';
import { actorLink, eventItem, quoteBlock } from '../components.ts';
import { h } from '../dom.ts';
import { words } from '../format.ts';
import { type GEdge, type GNode, graphView } from '../graph.ts';
import { showPage } from '../page.ts';
import { PATHS, type PathHop, type PathsData } from '../queries.ts';
import { loadInto, loading, RENDERED } from '../status.ts';
import { actorPicker, resolveActorsForView, select } from './picker.ts';

type Path = PathsData['paths'][number];

function clampInt(v: string | null, min: number, max: number, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

export async function pathView(
  main: HTMLElement,
  params: string[],
  query: URLSearchParams,
  signal: AbortSignal,
): Promise<void> {
  const k = clampInt(query.get('k'), 1, 5, 3);
  const hops = clampInt(query.get('hops'), 1, 4, 3);
  main.replaceChildren(loading('the path finder'));
  const resolved = await resolveActorsForView(
    main,
    'Path finder',
    params,
    signal,
    () => void pathView(main, params, query, signal),
  );
  if (!resolved) return;
  const [from = null, to = null] = resolved.actors;

  const kSelect = select(
    'Paths',
    'k',
    [1, 2, 3, 4, 5].map((n) => [String(n), String(n)]),
    String(k),
  );
  const hopsSelect = select(
    'At most',
    'hops',
    [1, 2, 3, 4].map((n) => [String(n), `${n} step${n === 1 ? '' : 's'}`]),
    String(hops),
  );
  const form = actorPicker({
    labels: ['From', 'To'],
    initial: [from, to],
    submit: 'Find paths',
    extra: [kSelect, hopsSelect],
    onSubmit: (a, b) => {
      const kv = (kSelect.querySelector('select') as HTMLSelectElement).value;
      const hv = (hopsSelect.querySelector('select') as HTMLSelectElement).value;
      location.hash = `#/path/${encodeURIComponent(a.id)}/${encodeURIComponent(b.id)}?k=${kv}&hops=${hv}`;
    },
  });
  const results = h('section', { class: 'results', 'aria-labelledby': 'paths-h', 'aria-live': 'polite' });
  const unknown = resolved.unknown.length
    ? h(
        'p',
        { class: 'error', role: 'alert', 'data-state': 'not-found' },
        `Not found: no actor has the id ${resolved.unknown.map((u) => `“${u}”`).join(', ')}.`,
      )
    : null;

  showPage(
    main,
    from && to ? `Paths: ${from.name} → ${to.name}` : 'Path finder',
    [
      h(
        'header',
        { class: 'page-head' },
        h('p', { class: 'eyebrow' }, 'Path finder'),
        h(
          'h1',
          null,
          from && to ? `How is ${from.name} connected to ${to.name}?` : 'How are two actors connected?',
        ),
        h(
          'p',
          { class: 'muted' },
          'The shortest chains of shared events and structural facts (membership, part of, positions), each step with its evidence.',
        ),
      ),
      form,
      unknown,
      results,
    ],
    // Back from a result, or a fresh form: start in the first empty field.
    from && to ? null : form.querySelector<HTMLElement>('input'),
  );
  if (!from || !to) return;

  await loadInto(
    results,
    'the paths',
    () => gql<PathsData>(PATHS, { from: from.id, to: to.id, k, maxHops: hops }, signal),
    async (d) => {
      const heading = h(
        'h2',
        { id: 'paths-h' },
        d.paths.length
          ? `${d.paths.length} shortest connection${d.paths.length === 1 ? '' : 's'} from ${from.name} to ${to.name}`
          : `No connection from ${from.name} to ${to.name} within ${hops} step${hops === 1 ? '' : 's'}`,
      );
      if (!d.paths.length) return [heading];
      const graphHost = h('div', { class: 'graph-host' });
      results.replaceChildren(heading, graphHost, pathList(d.paths));
      await graphView(graphHost, pathGraph(d.paths), {
        title: `Paths from ${from.name} to ${to.name}`,
        center: from.id,
        positions: pathPositions(d.paths, from.id),
        signal,
      });
      return RENDERED;
    },
    signal,
  );
}

function hopEdgeId(hop: PathHop): string {
  return hop.kind === 'EVENT'
    ? `${hop.from.id}~${hop.event?.id}~${hop.to.id}`
    : (hop.fact?.id ?? `${hop.from.id}~${hop.kind}~${hop.to.id}`);
}

function pathGraph(paths: Path[]): { nodes: GNode[]; edges: GEdge[] } {
  const nodes = new Map<string, GNode>();
  const edges = new Map<string, GEdge>();
  for (const p of paths) {
    for (const a of p.actors) nodes.set(a.id, { id: a.id, label: a.name, kind: 'actor', actorKind: a.kind });
    for (const hop of p.hops) {
      const id = hopEdgeId(hop);
      edges.set(id, {
        id,
        source: hop.from.id,
        target: hop.to.id,
        label: hop.event ? `${hop.event.type.code} · ${hop.event.date.earliest}` : words(hop.kind),
        kind: hop.kind === 'EVENT' ? 'hop' : 'hop-fact',
      });
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Left to right by distance from the start, spread vertically within a column. */
function pathPositions(paths: Path[], start: string): Map<string, { x: number; y: number }> {
  const level = new Map<string, number>([[start, 0]]);
  for (const p of paths) {
    p.actors.forEach((a, i) => {
      level.set(a.id, Math.min(level.get(a.id) ?? i, i));
    });
  }
  const columns = new Map<number, string[]>();
  for (const [id, l] of level) columns.set(l, [...(columns.get(l) ?? []), id]);
  const positions = new Map<string, { x: number; y: number }>();
  for (const [l, ids] of columns) {
    for (const [i, id] of ids.entries())
      positions.set(id, { x: l * 260, y: (i - (ids.length - 1) / 2) * 130 });
  }
  return positions;
}

function factSentence(hop: PathHop): (Node | string)[] {
  const f = hop.fact;
  if (!f) return [words(hop.kind)];
  const verb =
    f.type === 'MEMBER_OF'
      ? ' is a member of '
      : f.type === 'PART_OF'
        ? ' is part of '
        : ` holds the position “${f.title ?? 'a position'}” at `;
  return [actorLink(f.subject), verb, actorLink(f.object)];
}

function pathList(paths: Path[]): HTMLElement {
  return h(
    'ol',
    { class: 'paths' },
    paths.map((p, i) =>
      h(
        'li',
        { class: 'path', 'data-path-length': p.length },
        h(
          'h3',
          null,
          `Path ${i + 1} · ${p.length} step${p.length === 1 ? '' : 's'}: `,
          p.actors.flatMap((a, j) => (j ? [' → ', actorLink(a)] : [actorLink(a)])),
        ),
        h(
          'ol',
          { class: 'hops' },
          p.hops.map((hop) =>
            h(
              'li',
              { class: 'hop', 'data-hop-kind': hop.kind },
              h(
                'p',
                { class: 'hop-line' },
                actorLink(hop.from),
                hop.fromRole ? h('span', { class: 'role' }, ` (${words(hop.fromRole)})`) : null,
                ' → ',
                actorLink(hop.to),
                hop.toRole ? h('span', { class: 'role' }, ` (${words(hop.toRole)})`) : null,
              ),
              hop.event
                ? h('ul', { class: 'event-list compact' }, eventItem(hop.event))
                : h(
                    'p',
                    { class: 'fact-line' },
                    ...factSentence(hop),
                    h(
                      'span',
                      { class: 'sources' },
                      ` · source: ${hop.fact?.sources.join(', ') ?? 'unknown'}`,
                      hop.evidence.length ? '' : ' (a register: no quote)',
                    ),
                  ),
              hop.evidence.length
                ? h(
                    'div',
                    { class: 'quotes' },
                    hop.evidence.map((m) => quoteBlock(m)),
                  )
                : null,
            ),
          ),
        ),
      ),
    ),
  );
}
