// A drawn graph (cytoscape, canvas) with a keyboard-accessible list of the same nodes beside
// it. Activating a node — a click or tap on the drawing, or its "Expand" button in the list —
// adds its neighbourhood to the drawing.

import type { Core, ElementDefinition, NodeSingular, StylesheetJson } from 'cytoscape';
import { fill, h, link } from './dom.ts';
import { kindLabel } from './format.ts';

export interface GNode {
  id: string;
  label: string;
  kind: 'actor' | 'event';
  actorKind?: string | undefined;
  quadClass?: number | undefined;
  summary?: string | undefined;
  depth?: number | undefined;
}

export interface GEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  /** A participation (its role), a structural fact, or a step of a path (through an event or a fact). */
  kind: 'role' | 'fact' | 'hop' | 'hop-fact';
}

const EDGE_CLASSES: Record<GEdge['kind'], string> = {
  role: 'role',
  fact: 'fact',
  hop: 'hop',
  'hop-fact': 'hop fact',
};

export interface GraphData {
  nodes: GNode[];
  edges: GEdge[];
}

export interface GraphOptions {
  /** Accessible name of the drawing and the list. */
  title: string;
  center?: string;
  /** Given: nodes can be expanded; resolves with the neighbourhood to add. */
  expand?: (node: GNode) => Promise<GraphData>;
  /** Fixed positions (the path view); otherwise a force-directed layout. */
  positions?: Map<string, { x: number; y: number }>;
  signal: AbortSignal;
}

const KIND_COLOURS: Record<string, string> = {
  COUNTRY: '#2563eb',
  ALLIANCE: '#7c3aed',
  IGO: '#7c3aed',
  GOVERNMENT_BODY: '#0e7490',
  PERSON: '#be185d',
  THINK_TANK: '#a16207',
  GROUP: '#475569',
};
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const QUAD_COLOURS: Record<number, string> = { 1: '#22c55e', 2: '#15803d', 3: '#f97316', 4: '#dc2626' };

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-family': 'system-ui, sans-serif',
      'font-size': 14,
      color: '#1f2937',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '120px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'background-color': 'data(colour)',
      'border-color': '#ffffff',
      'border-width': 2,
    },
  },
  { selector: 'node.actor', style: { shape: 'ellipse', width: 30, height: 30 } },
  {
    selector: 'node.event',
    style: { shape: 'round-rectangle', width: 16, height: 16, 'font-size': 10, color: '#4b5563' },
  },
  {
    selector: 'node.center',
    style: { width: 44, height: 44, 'border-width': 4, 'border-color': '#111827', 'font-weight': 'bold' },
  },
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#f59e0b' } },
  {
    selector: 'node:selected, node.highlight',
    style: { 'border-width': 5, 'border-color': '#1d4ed8', 'z-index': 10 },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#a3a3a3',
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-family': 'system-ui, sans-serif',
      'font-size': 9,
      // Role labels appear once they can be read (zoom in on a crowded drawing).
      'min-zoomed-font-size': 6,
      color: '#525252',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
  {
    selector: 'edge.fact',
    style: {
      'line-style': 'dashed',
      'line-color': '#7c3aed',
      'target-arrow-shape': 'triangle',
      'target-arrow-color': '#7c3aed',
    },
  },
  { selector: 'edge.hop', style: { width: 3, 'line-color': '#2563eb', 'font-size': 10, color: '#1e3a8a' } },
  { selector: 'edge.hop.fact', style: { 'line-color': '#7c3aed' } },
];

export interface GraphView {
  element: HTMLElement;
  /** How many nodes the graph library holds right now. */
  nodeCount(): number;
}

function colour(n: GNode): string {
  if (n.kind === 'event') return QUAD_COLOURS[n.quadClass ?? 0] ?? '#9ca3af';
  return KIND_COLOURS[n.actorKind ?? ''] ?? '#475569';
}

function nodeRoute(n: GNode): string {
  return n.kind === 'actor' ? `/actor/${n.id}` : `/event/${n.id}`;
}

/** Draws `data` into `host` (which must be in the document, so that the drawing has a size). */
export async function graphView(
  host: HTMLElement,
  data: GraphData,
  options: GraphOptions,
): Promise<GraphView> {
  const { default: cytoscape } = await import('cytoscape');
  if (options.signal.aborted) throw new DOMException('The page changed.', 'AbortError');
  const canvas = h('div', { class: 'graph-canvas', role: 'img', 'aria-label': options.title });
  const status = h('p', { class: 'graph-status', 'aria-live': 'polite' });
  const selection = h('div', { class: 'graph-selection' });
  const list = h('ul', { class: 'graph-nodes', 'aria-label': `${options.title}: nodes` });
  const legend = h(
    'p',
    { class: 'graph-legend', 'aria-hidden': 'true' },
    h('span', { class: 'dot country' }),
    ' country ',
    h('span', { class: 'dot org' }),
    ' alliance / IGO ',
    h('span', { class: 'dot body' }),
    ' government body ',
    h('span', { class: 'dot person' }),
    ' person ',
    h('span', { class: 'sq q1' }),
    ' cooperative event ',
    h('span', { class: 'sq q3' }),
    ' conflictual event ',
    h('span', { class: 'dash' }),
    ' structural fact',
  );
  const element = h(
    'div',
    { class: 'graph' },
    h('div', { class: 'graph-main' }, canvas, legend),
    h(
      'div',
      { class: 'graph-side' },
      status,
      selection,
      h('h3', { class: 'graph-list-title' }, 'Nodes'),
      options.expand
        ? h(
            'p',
            { class: 'hint' },
            'Click a node in the drawing, or use Expand here, to add its neighbourhood.',
          )
        : null,
      list,
    ),
  );

  host.replaceChildren(element);
  const nodes = new Map<string, GNode>();
  const expanded = new Set<string>();
  const cy: Core = cytoscape({
    container: canvas,
    style: STYLE,
    minZoom: 0.2,
    maxZoom: 3,
    boxSelectionEnabled: false,
  });
  // For the browser tests: the graph library's own count, not the DOM's.
  Object.assign(canvas, { cy });

  const describe = () => {
    const actors = [...nodes.values()].filter((n) => n.kind === 'actor').length;
    element.dataset.nodeCount = String(cy.nodes().length);
    element.dataset.edgeCount = String(cy.edges().length);
    canvas.setAttribute(
      'aria-label',
      `${options.title}: ${actors} actors and ${nodes.size - actors} events, ${cy.edges().length} links. The list beside it has the same nodes.`,
    );
  };

  const renderList = () => {
    // A keyboard user who pressed Expand stays on that node when the list is redrawn.
    const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(
      '.graph-nodes [data-node-id]',
    );
    const focusedId = focused && list.contains(focused) ? focused.dataset.nodeId : undefined;
    const sorted = [...nodes.values()].sort(
      (a, b) =>
        (a.kind === b.kind ? 0 : a.kind === 'actor' ? -1 : 1) ||
        (a.depth ?? 9) - (b.depth ?? 9) ||
        a.label.localeCompare(b.label),
    );
    list.replaceChildren(
      ...sorted.map((n) => {
        const degree = cy.getElementById(n.id).degree(false);
        const meta =
          n.kind === 'actor'
            ? `${kindLabel(n.actorKind ?? '')} · ${degree} link${degree === 1 ? '' : 's'}`
            : `event · ${degree} participant${degree === 1 ? '' : 's'}`;
        const done = expanded.has(n.id);
        const li = h(
          'li',
          { 'data-node-id': n.id, class: `node-item ${n.kind}` },
          h('span', { class: `swatch ${n.kind}`, 'aria-hidden': 'true' }),
          h(
            'span',
            { class: 'node-text' },
            link(nodeRoute(n), n.label),
            h('span', { class: 'meta' }, ` ${meta}`),
            n.summary ? h('span', { class: 'summary' }, n.summary) : null,
          ),
          options.expand
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'small',
                  'aria-label': done ? `${n.label}: expanded` : `Expand ${n.label}: add its neighbourhood`,
                  disabled: done,
                  onclick: () => void activate(n.id),
                },
                done ? 'Expanded' : 'Expand',
              )
            : null,
        );
        (li.querySelector('.swatch') as HTMLElement).style.backgroundColor = colour(n);
        li.addEventListener('focusin', () => cy.getElementById(n.id).addClass('highlight'));
        li.addEventListener('focusout', () => cy.getElementById(n.id).removeClass('highlight'));
        li.addEventListener('mouseenter', () => cy.getElementById(n.id).addClass('highlight'));
        li.addEventListener('mouseleave', () => cy.getElementById(n.id).removeClass('highlight'));
        return li;
      }),
    );
    if (focusedId) {
      const li = list.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(focusedId)}"]`);
      const target =
        li?.querySelector<HTMLElement>('button:not(:disabled)') ?? li?.querySelector<HTMLElement>('a');
      target?.focus();
    }
  };

  const toElements = (d: GraphData, around?: { x: number; y: number }): ElementDefinition[] => {
    const out: ElementDefinition[] = [];
    let i = 0;
    const fresh = d.nodes.filter((n) => !nodes.has(n.id));
    // The first drawing starts from a sunflower spiral, the centre in the middle and the others
    // in id order, not from random places: the same data is always drawn the same way.
    const others = fresh.map((n) => n.id).filter((id) => id !== options.center);
    const spiral = new Map(others.sort().map((id, k) => [id, k + 1]));
    for (const n of fresh) {
      nodes.set(n.id, n);
      const classes = [n.kind, n.id === options.center ? 'center' : ''].filter(Boolean).join(' ');
      const angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
      i += 1;
      const k = spiral.get(n.id) ?? 0;
      const r = 40 * Math.sqrt(k);
      const fixed = options.positions?.get(n.id);
      out.push({
        group: 'nodes',
        data: { id: n.id, label: n.label, colour: colour(n) },
        classes,
        position: fixed
          ? fixed
          : around
            ? { x: around.x + 90 * Math.cos(angle), y: around.y + 90 * Math.sin(angle) }
            : { x: r * Math.cos(k * GOLDEN_ANGLE), y: r * Math.sin(k * GOLDEN_ANGLE) },
      });
    }
    for (const e of d.edges) {
      if (cy.getElementById(e.id).nonempty() || out.some((o) => o.data.id === e.id)) continue;
      if (!nodes.has(e.source) || !nodes.has(e.target)) continue;
      out.push({
        group: 'edges',
        data: { id: e.id, source: e.source, target: e.target, label: e.label },
        classes: EDGE_CLASSES[e.kind],
      });
    }
    return out;
  };

  const layout = () => {
    if (options.positions) {
      cy.layout({ name: 'preset', fit: true, padding: 40 }).run();
      return;
    }
    cy.layout({
      name: 'cose',
      animate: false,
      // Deterministic: cose starts from the positions given (see toElements), never random ones.
      randomize: false,
      fit: true,
      padding: 20,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 55,
      nodeRepulsion: () => 6000,
      gravity: 1,
      componentSpacing: 40,
      numIter: 1500,
    }).run();
    fitToCanvas();
  };

  /**
   * A force layout comes out roughly round, or long in any direction; the canvas is wide (or,
   * on a phone, tall). Turning the drawing a quarter and stretching it a little uses the space,
   * so that the labels are drawn larger.
   */
  const fitToCanvas = () => {
    const nodesOnly = cy.nodes();
    if (nodesOnly.length < 3) return;
    const bb = nodesOnly.boundingBox({ includeLabels: false });
    const wide = cy.width() >= cy.height();
    if (bb.w > 0 && bb.h > 0 && wide !== bb.w >= bb.h) {
      nodesOnly.positions((n) => ({ x: n.position('y'), y: -n.position('x') }));
    }
    const turned = nodesOnly.boundingBox({ includeLabels: false });
    const want = cy.width() / Math.max(1, cy.height());
    const have = turned.w / Math.max(1, turned.h);
    if (wide && have > 0 && have < want) {
      const k = Math.min(1.6, want / have);
      nodesOnly.positions((n) => ({ x: n.position('x') * k, y: n.position('y') }));
    } else if (!wide && have > 0 && have > want) {
      const k = Math.min(1.6, have / want);
      nodesOnly.positions((n) => ({ x: n.position('x'), y: n.position('y') * k }));
    }
    cy.fit(undefined, 24);
  };

  const add = (d: GraphData, aroundId?: string): number => {
    const before = cy.nodes().length;
    const around = aroundId ? cy.getElementById(aroundId).position() : undefined;
    cy.add(toElements(d, around ? { ...around } : undefined));
    return cy.nodes().length - before;
  };

  const select = (id: string) => {
    const n = nodes.get(id);
    if (!n) return;
    cy.$(':selected').unselect();
    cy.getElementById(id).select();
    fill(
      selection,
      h(
        'p',
        { class: 'sel-title' },
        h('strong', null, n.label),
        ` · ${n.kind === 'actor' ? kindLabel(n.actorKind ?? '') : 'event'}`,
      ),
      n.summary ? h('p', { class: 'summary' }, n.summary) : null,
      h('p', null, link(nodeRoute(n), n.kind === 'actor' ? 'Open the actor’s page' : 'Open the event')),
    );
  };

  const activate = async (id: string) => {
    select(id);
    const n = nodes.get(id);
    if (!n || !options.expand || expanded.has(id)) return;
    expanded.add(id);
    cy.getElementById(id).addClass('expanded');
    status.textContent = `Expanding ${n.label}…`;
    element.classList.add('busy');
    try {
      const more = await options.expand(n);
      if (options.signal.aborted) return;
      const added = add(more, id);
      layout();
      renderList();
      describe();
      status.textContent = `Added ${added} node${added === 1 ? '' : 's'} around ${n.label}. ${cy.nodes().length} nodes, ${cy.edges().length} links.`;
    } catch (err) {
      if (options.signal.aborted) return;
      expanded.delete(id);
      cy.getElementById(id).removeClass('expanded');
      const code = (err as { code?: string }).code ?? 'CLIENT_ERROR';
      status.textContent = `Could not expand ${n.label}: ${(err as Error).message} (error code ${code})`;
      status.dataset.errorCode = code;
      renderList();
    } finally {
      element.classList.remove('busy');
    }
  };

  cy.on('tap', 'node', (e) => void activate((e.target as NodeSingular).id()));
  cy.on('dbltap', 'node', (e) => {
    const n = nodes.get((e.target as NodeSingular).id());
    if (n) location.hash = `#${nodeRoute(n)}`;
  });

  add(data);
  layout();
  renderList();
  describe();
  status.textContent = `${cy.nodes().length} nodes, ${cy.edges().length} links.`;
  element.dataset.ready = 'true';
  options.signal.addEventListener('abort', () => cy.destroy(), { once: true });

  return { element, nodeCount: () => cy.nodes().length };
}
