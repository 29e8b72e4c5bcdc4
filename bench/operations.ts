/**
 * The fixed set of dashboard and exploration operations, asked of every system: the same
 * question, with the closest equivalent each system can express. Concrete ids come from the
 * loaded graph, chosen deterministically (ranks by event count, ties by id).
 */

import neo4j from 'neo4j-driver';
import { encodeCursor } from '../src/modules/common/connection.ts';
import { toLuceneQuery } from '../src/modules/search/search.repository.ts';
import type { Database } from '../src/neo4j/database.ts';
import { HOME } from '../web/src/queries.ts';
import type { Step } from './client.ts';

const neo4jInt = (n: number) => neo4j.int(n);

export interface Targets {
  /** The actor with the most events. */
  hub: { id: string; name: string; events: number };
  /** The median actor among those with events (by event count, ties by id). */
  mid: { id: string; name: string; events: number };
  /** The actor at the 75th percentile of that ranking: the other end of the paths. */
  other: { id: string; name: string; events: number };
  /** A name prefix present in the data: the first five letters of the hub's name. */
  searchText: string;
  /** The last full calendar year with events (topActors window). */
  year: { from: string; to: string };
  /** Every month from the first to the last with an event (the native histogram). */
  months: { start: string; end: string }[];
  /**
   * 50 consecutive actors in id order around the middle of the ranking by id: the generator's
   * popularity falls with the index, so these are mid-degree (the list of the first 50 holds
   * the hubs). `after` is the id before the first of them.
   */
  midList: { after: string; ids: string[]; minEvents: number; medianEvents: number; maxEvents: number };
  /** The hub's event at position DEEP_PAGE × PAGE_SIZE − 1 (newest first): the cursor of page DEEP_PAGE + 1. */
  deep: { page: number; earliest: string; id: string; offset: number } | null;
}

/** Page 100 of the hub's events, 20 a page: the 1 980th to 1 999th most recent. */
export const DEEP_PAGE = 100;

export async function pickTargets(db: Database): Promise<Targets> {
  const q = async (text: string) =>
    (await db.driver.executeQuery(text, {}, { database: db.name })).records.map((r) => r.toObject());
  const ranked = await q(`MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event)
    WITH a, count(DISTINCT e) AS events
    RETURN a.id AS id, a.name AS name, events ORDER BY events DESC, id`);
  const row = (i: number) => {
    const r = ranked[Math.min(ranked.length - 1, Math.max(0, i))]!;
    return { id: String(r.id), name: String(r.name), events: Number(r.events) };
  };
  const hub = row(0);
  const mid = row(Math.floor(ranked.length / 2));
  const other = row(Math.floor(ranked.length * 0.75));
  const [range] = await q(
    `MATCH (e:Event) RETURN toString(min(e.earliest)) AS first, toString(max(e.latest)) AS last`,
  );
  const first = String(range!.first);
  const last = String(range!.last);
  const lastYear = Number(last.slice(0, 4)) - (last.slice(5) === '12-31' ? 0 : 1);
  const months: Targets['months'] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7)) - 1;
  for (;;) {
    const start = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    if (start > last) break;
    months.push({ start, end: new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10) });
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  const word = hub.name.split(/\s+/)[0] ?? hub.name;

  const degrees = new Map(ranked.map((r) => [String(r.id), Number(r.events)]));
  const byId = [...degrees.keys()].sort();
  const start = Math.max(1, Math.floor(byId.length / 2) - 25);
  const ids = byId.slice(start, start + 50);
  const window = ids.map((id) => degrees.get(id)!).sort((a, b) => a - b);
  const offset = (DEEP_PAGE - 1) * PAGE_SIZE;
  const [deepRow] = (
    await db.driver.executeQuery(
      `MATCH (:Actor {id: $id})-[:PARTICIPATED_IN]->(e:Event) WITH DISTINCT e
       ORDER BY e.earliest DESC, e.id DESC SKIP $skip LIMIT 1
       RETURN toString(e.earliest) AS earliest, e.id AS id`,
      { id: hub.id, skip: neo4jInt(offset - 1) },
      { database: db.name },
    )
  ).records.map((r) => r.toObject());
  return {
    hub,
    mid,
    other,
    searchText: word.slice(0, 5),
    year: { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` },
    months,
    midList: {
      after: byId[start - 1]!,
      ids,
      minEvents: window[0] ?? 0,
      medianEvents: window[Math.floor(window.length / 2)] ?? 0,
      maxEvents: window.at(-1) ?? 0,
    },
    deep: deepRow
      ? { page: DEEP_PAGE, earliest: String(deepRow.earliest), id: String(deepRow.id), offset }
      : null,
  };
}

export type SystemName = 'parley' | 'neo4j-graphql' | 'raw' | 'floor';

export interface SystemVariant {
  /** Which form of the peer's answer this is ('connection', 'limit/offset', '@cypher' …). */
  label?: string;
  steps: Step[];
  /** How the operation is expressed: natively, natively but approximately, or not at all. */
  expressible: 'native' | 'native-approx' | 'cypher-escape-hatch' | 'no';
  note?: string;
  /** Work the client must do after the response (e.g. a client-side sort); timed separately. */
  postprocess?: string;
}

export interface Operation {
  key: string;
  title: string;
  /** Operations of a group (the dashboard set) are reported together. */
  group?: 'dashboard';
  parley: SystemVariant;
  /** Every form the peer can ask it in; the report compares Parley with the fastest that answers alike. */
  ngql: SystemVariant[];
  /**
   * A comparable summary of an answer, to check that systems answered the same question; the
   * variant says which of the peer's forms answered.
   */
  fingerprint(system: 'parley' | 'neo4j-graphql', data: unknown[], variant?: SystemVariant): string;
}

const PAGES = 5;
const PAGE_SIZE = 20;

// biome-ignore lint/suspicious/noExplicitAny: responses are walked structurally
type Any = any;

/** The explorer's home page (web/src/queries.ts HOME) and the counts by type beside it. */
export const DASHBOARD_COUNTS = `query DashboardCounts { eventCountsByType(level: 1) { count goldsteinSum type { code name } } }`;

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** A path as a comparable string: its length, its actors in order, and every hop's kind, event or fact, and roles. */
export function pathKey(p: Any, system: 'parley' | 'neo4j-graphql'): string {
  const hops = p.hops.map((h: Any) =>
    system === 'parley'
      ? `${h.kind}/${h.event?.id ?? h.fact?.id ?? ''}/${h.fromRole ?? ''}/${h.toRole ?? ''}`
      : `${h.kind}/${h.eventId ?? h.factId ?? ''}/${h.fromRole ?? ''}/${h.toRole ?? ''}`,
  );
  return `${p.length}:${p.actors.map((a: Any) => a.id).join('>')}:${hops.join(',')}`;
}

/** Paths compared whole, as a set (SHORTEST k orders ties as it finds them). */
export function pathsFingerprint(paths: Any[], system: 'parley' | 'neo4j-graphql'): string {
  return paths
    .map((p) => pathKey(p, system))
    .sort()
    .join(' | ');
}

/** Every node with its depth, weight and label, every edge: the whole graph, in a set order. */
export function neighborhoodFingerprint(g: Any): string {
  const nodes = g.nodes.map((n: Any) => `${n.id}/${n.type}/${n.depth}/${n.weight}/${n.label}`).sort();
  const edges = g.edges.map((e: Any) => `${e.source}>${e.target}/${e.type}/${e.role ?? ''}`).sort();
  return `${g.truncated}|${nodes.join(',')}|${edges.join(',')}`;
}

/** Non-empty month buckets: start, count (2 decimals), exact count, Goldstein sum (1 decimal). */
export function histogramFingerprint(buckets: Any[]): string {
  return buckets
    .filter((b) => b.count > 0)
    .map((b) => `${b.start}=${round(b.count, 2)}/${b.exactCount}/${round(b.goldsteinSum, 1)}`)
    .join(',');
}

export function operations(t: Targets): Operation[] {
  const page = (query: string, variables: Record<string, unknown>, from: (string | number)[]): Step[] =>
    Array.from({ length: PAGES }, (_, i) =>
      i === 0 ? { query, variables } : { query, variables, cursor: { variable: 'after', from } },
    );
  /** The peer's limit/offset form: page i is offset i × size, no cursor to carry. */
  const offsets = (query: string, variables: Record<string, unknown>): Step[] =>
    Array.from({ length: PAGES }, (_, i) => ({ query, variables: { ...variables, offset: i * PAGE_SIZE } }));
  const histogramQuery = [
    'query NativeHistogram {',
    ...t.months.map(
      (m) =>
        `  m${m.start.slice(0, 7).replace('-', '_')}: eventsConnection(where: { earliest: { lte: "${m.end}" }, latest: { gte: "${m.start}" } }) { aggregate { count { nodes } } }`,
    ),
    '}',
  ].join('\n');
  const listFingerprint = (system: 'parley' | 'neo4j-graphql', [d]: Any[]) =>
    system === 'parley'
      ? d.actors.nodes
          .map(
            (a: Any) =>
              `${a.id}:${a.events.nodes.map((e: Any) => `${e.id}/${e.participants.length}`).join(',')}`,
          )
          .join(';')
      : d.actors
          .map(
            (a: Any) =>
              `${a.id}:${a.eventsConnection.edges.map((e: Any) => `${e.node.id}/${e.node.participantsConnection.edges.length}`).join(',')}`,
          )
          .join(';');
  const LIST_PARLEY = (args: string) =>
    `query List { actors(first: 50${args}) { nodes { id name events(first: 5) { nodes { id summary date { earliest } participants { role actor { id name } } } } } } }`;
  const LIST_NGQL = (where: string) =>
    `query List { actors(${where}limit: 50, sort: [{ id: ASC }]) { id name eventsConnection(first: 5, sort: [{ node: { earliest: ASC } }, { node: { id: ASC } }]) { edges { node { id summary earliest participantsConnection { edges { properties { role } node { id name } } } } } } } }`;
  const topActorsRows = (system: 'parley' | 'neo4j-graphql', rows: Any[], variant?: SystemVariant) =>
    system === 'parley' || variant?.label === '@cypher'
      ? rows.map((r: Any) => `${r.actor.id}=${r.events}`).join(',')
      : rows
          .map((a: Any) => ({ id: a.id, n: a.eventsConnection.aggregate.count.nodes }))
          .sort((x: Any, y: Any) => y.n - x.n || (x.id < y.id ? -1 : 1))
          .slice(0, 10)
          .map((r: Any) => `${r.id}=${r.n}`)
          .join(',');

  const ops: Operation[] = [
    {
      key: 'list',
      title: 'first 50 actors (the hubs) → 5 events each → participants → names',
      parley: { expressible: 'native', steps: [{ query: LIST_PARLEY(''), variables: {} }] },
      ngql: [
        {
          expressible: 'native',
          note: 'nested selection with sort/limit; roles through participantsConnection edge properties',
          steps: [{ query: LIST_NGQL(''), variables: {} }],
        },
      ],
      fingerprint: listFingerprint,
    },
    {
      key: 'listMid',
      title: `50 mid-degree actors (${t.midList.minEvents}–${t.midList.maxEvents} events, median ${t.midList.medianEvents}) → 5 events each → participants → names`,
      parley: {
        expressible: 'native',
        steps: [{ query: LIST_PARLEY(`, after: "${encodeCursor([t.midList.after])}"`), variables: {} }],
      },
      ngql: [
        {
          expressible: 'native',
          note: 'the same nested selection over the same 50 ids (ID filters have no gt: the ids are listed)',
          steps: [
            {
              query: LIST_NGQL(`where: { id: { in: ${JSON.stringify(t.midList.ids)} } }, `),
              variables: {},
            },
          ],
        },
      ],
      fingerprint: listFingerprint,
    },
    {
      key: 'pages',
      title: `hub's most recent events, ${PAGES} pages of ${PAGE_SIZE}`,
      parley: {
        expressible: 'native',
        steps: page(
          `query Page($id: ID!, $after: String) { actor(id: $id) { events(first: ${PAGE_SIZE}, order: DESC, after: $after) { pageInfo { hasNextPage endCursor } nodes { id summary date { earliest latest precision } } } } }`,
          { id: t.hub.id },
          ['actor', 'events', 'pageInfo', 'endCursor'],
        ),
      },
      ngql: [
        {
          label: 'connection',
          expressible: 'native',
          note: 'eventsConnection with first/after; its cursors are offsets, and it collects every edge before cutting the page',
          steps: page(
            `query Page($id: ID!, $after: String) { actors(where: { id: { eq: $id } }) { eventsConnection(first: ${PAGE_SIZE}, after: $after, sort: [{ node: { earliest: DESC } }, { node: { id: DESC } }]) { pageInfo { hasNextPage endCursor } edges { node { id summary earliest latest precision } } } } }`,
            { id: t.hub.id },
            ['actors', 0, 'eventsConnection', 'pageInfo', 'endCursor'],
          ),
        },
        {
          label: 'limit/offset',
          expressible: 'native',
          note: 'events(limit, offset, sort): no page info; the client computes the offsets',
          steps: offsets(
            `query Page($id: ID!, $offset: Int!) { actors(where: { id: { eq: $id } }) { events(limit: ${PAGE_SIZE}, offset: $offset, sort: [{ earliest: DESC }, { id: DESC }]) { id summary earliest latest precision } } }`,
            { id: t.hub.id },
          ),
        },
      ],
      fingerprint: (system, pages: Any[], variant) =>
        pages
          .map((d: Any) =>
            system === 'parley'
              ? d.actor.events.nodes.map((e: Any) => e.id).join(',')
              : variant?.label === 'limit/offset'
                ? d.actors[0].events.map((e: Any) => e.id).join(',')
                : d.actors[0].eventsConnection.edges.map((e: Any) => e.node.id).join(','),
          )
          .join('|'),
    },
  ];
  if (t.deep) {
    const deep = t.deep;
    ops.push({
      key: 'deepPage',
      title: `page ${deep.page} of the hub's events (${PAGE_SIZE} a page, from the ${deep.offset + 1}th newest)`,
      parley: {
        expressible: 'native',
        note: 'the keyset cursor of the page before (a client holding it resumes there)',
        steps: [
          {
            query: `query Deep($id: ID!, $after: String) { actor(id: $id) { events(first: ${PAGE_SIZE}, order: DESC, after: $after) { nodes { id summary date { earliest latest precision } } } } }`,
            variables: { id: t.hub.id, after: encodeCursor([deep.earliest, deep.id]) },
          },
        ],
      },
      ngql: [
        {
          label: 'connection',
          expressible: 'native',
          note: 'eventsConnection after the offset cursor of the page before',
          steps: [
            {
              query: `query Deep($id: ID!, $after: String) { actors(where: { id: { eq: $id } }) { eventsConnection(first: ${PAGE_SIZE}, after: $after, sort: [{ node: { earliest: DESC } }, { node: { id: DESC } }]) { edges { node { id summary earliest latest precision } } } } }`,
              variables: {
                id: t.hub.id,
                after: Buffer.from(`arrayconnection:${deep.offset - 1}`).toString('base64'),
              },
            },
          ],
        },
        {
          label: 'limit/offset',
          expressible: 'native',
          note: `events(limit: ${PAGE_SIZE}, offset: ${deep.offset}, sort)`,
          steps: [
            {
              query: `query Deep($id: ID!) { actors(where: { id: { eq: $id } }) { events(limit: ${PAGE_SIZE}, offset: ${deep.offset}, sort: [{ earliest: DESC }, { id: DESC }]) { id summary earliest latest precision } } }`,
              variables: { id: t.hub.id },
            },
          ],
        },
      ],
      fingerprint: (system, [d]: Any[], variant) =>
        (system === 'parley'
          ? d.actor.events.nodes.map((e: Any) => e.id)
          : variant?.label === 'limit/offset'
            ? d.actors[0].events.map((e: Any) => e.id)
            : d.actors[0].eventsConnection.edges.map((e: Any) => e.node.id)
        ).join(','),
    });
  }
  ops.push(
    {
      key: 'search',
      title: `search "${t.searchText}" (name prefix), 10 hits`,
      parley: {
        expressible: 'native',
        steps: [
          {
            query: `query Search($text: String!) { search(text: $text, first: 10) { score node { id name kind } } }`,
            variables: { text: t.searchText },
          },
        ],
      },
      ngql: [
        {
          expressible: 'native',
          note: '@fulltext on the same index; the client must build the Lucene query (Parley escapes and adds the prefix term)',
          steps: [
            {
              query: `query Search($phrase: String!) { searchActors(phrase: $phrase, first: 10) { edges { score node { id name kind } } } }`,
              variables: { phrase: toLuceneQuery(t.searchText) },
            },
          ],
        },
      ],
      fingerprint: (system, [d]: Any[]) =>
        (system === 'parley'
          ? d.search.map((h: Any) => h.node.id)
          : d.searchActors.edges.map((h: Any) => h.node.id)
        )
          .sort()
          .join(','),
    },
    {
      key: 'neighborhood',
      title: 'neighborhood of a mid actor, depth 2, limit 50',
      parley: {
        expressible: 'native',
        steps: [
          {
            query: `query Nb($id: ID!) { neighborhood(actorId: $id, depth: 2, limit: 50) { truncated nodes { id type label depth weight } edges { source target type role } } }`,
            variables: { id: t.mid.id },
          },
        ],
      },
      ngql: [
        {
          expressible: 'cypher-escape-hatch',
          note: "no native way to rank co-participants by shared-event count; a @cypher Query field generated from Parley's own statements (bench/systems/peer-cypher.ts)",
          steps: [
            {
              query: `query Nb($id: ID!) { neighborhood(actorId: $id, limit: 50) { truncated nodes { id type label depth weight } edges { source target type role } } }`,
              variables: { id: t.mid.id },
            },
          ],
        },
      ],
      fingerprint: (_system, [d]: Any[]) => neighborhoodFingerprint(d.neighborhood),
    },
    {
      key: 'paths',
      title: '3 shortest paths between two actors, maxHops 3',
      parley: {
        expressible: 'native',
        steps: [
          {
            query: `query Paths($a: ID!, $b: ID!) { paths(from: $a, to: $b, k: 3, maxHops: 3) { length actors { id name } hops { kind fromRole toRole event { id summary } fact { id type } } } }`,
            variables: { a: t.mid.id, b: t.other.id },
          },
        ],
      },
      ngql: [
        {
          expressible: 'cypher-escape-hatch',
          note: "no shortest-path support; a @cypher Query field with Parley's SHORTEST 3 pattern",
          steps: [
            {
              query: `query Paths($a: ID!, $b: ID!) { paths(from: $a, to: $b, windowFrom: null, windowTo: null) { length actors { id name } hops { kind fromRole toRole eventId eventSummary factId factType } } }`,
              variables: { a: t.mid.id, b: t.other.id },
            },
          ],
        },
      ],
      fingerprint: (system, [d]: Any[]) => pathsFingerprint(d.paths, system),
    },
    {
      key: 'histogram',
      title: 'eventHistogram by MONTH over the whole range',
      parley: {
        expressible: 'native',
        steps: [
          {
            query: `query Histogram { eventHistogram(interval: MONTH) { start end count exactCount goldsteinSum } }`,
            variables: {},
          },
        ],
      },
      ngql: [
        {
          label: 'aggregates',
          expressible: 'native-approx',
          note: `no group-by: one aliased aggregate count per month (${t.months.length} root fields); counts each event in every month its interval overlaps (no fractional spreading) and has no Goldstein sums`,
          steps: [{ query: histogramQuery, variables: {} }],
        },
        {
          label: '@cypher',
          expressible: 'cypher-escape-hatch',
          note: "Parley's interval rows spread over months in Cypher, as Parley's buckets.ts spreads them (bench/systems/peer-cypher.ts)",
          steps: [
            {
              query: `query Histogram { monthlyHistogram { start end count exactCount goldsteinSum } }`,
              variables: {},
            },
          ],
        },
      ],
      fingerprint: (system, [d]: Any[], variant) =>
        system === 'parley'
          ? histogramFingerprint(d.eventHistogram)
          : variant?.label === '@cypher'
            ? histogramFingerprint(d.monthlyHistogram)
            : `${Object.keys(d).length} buckets, ${Object.values(d).reduce((n: number, b: Any) => n + b.aggregate.count.nodes, 0)} overlaps`,
    },
    {
      key: 'topActors',
      title: `topActors by EVENTS over ${t.year.from.slice(0, 4)}, first 10`,
      parley: {
        expressible: 'native',
        steps: [
          {
            query: `query Top($from: Date!, $to: Date!) { topActors(by: EVENTS, from: $from, to: $to, first: 10) { rank actor { id name } events } }`,
            variables: t.year,
          },
        ],
      },
      ngql: [
        {
          label: 'ranked on the client',
          expressible: 'native-approx',
          note: 'cannot sort by an aggregate: every actor with its filtered event count, ranked on the client (all actors travel); the same ten actors and counts',
          postprocess: 'sort all actors by count desc, id; keep 10',
          steps: [
            {
              query: `query Top($from: Date!, $to: Date!) { actors { id name eventsConnection(where: { node: { latest: { gte: $from }, earliest: { lte: $to } } }) { aggregate { count { nodes } } } } }`,
              variables: t.year,
            },
          ],
        },
        {
          label: '@cypher',
          expressible: 'cypher-escape-hatch',
          note: "Parley's top-actors statement (by EVENTS) as a @cypher field",
          steps: [
            {
              query: `query Top($from: String!, $to: String!) { topActorsByEvents(from: $from, to: $to, first: 10) { actor { id name } events } }`,
              variables: t.year,
            },
          ],
        },
      ],
      fingerprint: (system, [d]: Any[], variant) =>
        system === 'parley'
          ? topActorsRows(system, d.topActors)
          : variant?.label === '@cypher'
            ? topActorsRows(system, d.topActorsByEvents, variant)
            : topActorsRows(system, d.actors, variant),
    },
    {
      key: 'dashboard',
      group: 'dashboard',
      title:
        "the explorer's home page (web/src/queries.ts HOME: topActors, 5 articles, monthly histogram) and the counts by type",
      parley: {
        expressible: 'native',
        steps: [
          { query: HOME, variables: {} },
          ...(HOME.includes('eventCountsByType') ? [] : [{ query: DASHBOARD_COUNTS, variables: {} }]),
        ],
      },
      ngql: [
        {
          label: '@cypher',
          expressible: 'cypher-escape-hatch',
          note: "the @cypher variants of topActors, the histogram and the counts (Parley's event-scanning statements), the articles natively",
          steps: [
            {
              query: `query Home { topActorsByEvents(from: null, to: null, first: 10) { actor { id name } events partners } articles(limit: 5, sort: [{ publishedAt: DESC }, { id: ASC }]) { id title publisher publishedAt url } monthlyHistogram { start end count exactCount goldsteinSum } }`,
              variables: {},
            },
            {
              query: `query DashboardCounts { countsByType(level: 1) { code count goldsteinSum } }`,
              variables: {},
            },
          ],
        },
      ],
      fingerprint: (system, [home, counts]: Any[]) => {
        const top =
          system === 'parley'
            ? home.topActors.map((r: Any) => `${r.actor.id}=${r.events}/${r.partners}`)
            : home.topActorsByEvents.map((r: Any) => `${r.actor.id}=${r.events}/${r.partners}`);
        const articles = home.articles.nodes ?? home.articles;
        const hist = histogramFingerprint(system === 'parley' ? home.eventHistogram : home.monthlyHistogram);
        const c = (
          system === 'parley' ? (home.eventCountsByType ?? counts.eventCountsByType) : counts.countsByType
        )
          .map((r: Any) => `${r.type?.code ?? r.code}=${r.count}/${round(r.goldsteinSum, 1)}`)
          .join(',');
        return `${top.join(',')}|${articles.map((a: Any) => a.id).join(',')}|${hist}|${c}`;
      },
    },
  );
  return ops;
}
