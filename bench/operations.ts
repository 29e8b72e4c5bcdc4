/**
 * The fixed set of dashboard and exploration operations, asked of every system: the same
 * question, with the closest equivalent each system can express. Concrete ids come from the
 * loaded graph, chosen deterministically (ranks by event count, ties by id).
 */

import { toLuceneQuery } from '../src/modules/search/search.repository.ts';
import type { Database } from '../src/neo4j/database.ts';
import type { Step } from './client.ts';

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
}

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
  return {
    hub,
    mid,
    other,
    searchText: word.slice(0, 5),
    year: { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` },
    months,
  };
}

export type SystemName = 'parley' | 'neo4j-graphql' | 'raw';

export interface SystemVariant {
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
  parley: SystemVariant;
  ngql: SystemVariant;
  /** A comparable summary of an answer, to check that systems answered the same question. */
  fingerprint(system: 'parley' | 'neo4j-graphql', data: unknown[]): string;
}

const PAGES = 5;
const PAGE_SIZE = 20;

// biome-ignore lint/suspicious/noExplicitAny: responses are walked structurally
type Any = any;

export function operations(t: Targets): Operation[] {
  const page = (query: string, variables: Record<string, unknown>, from: (string | number)[]): Step[] =>
    Array.from({ length: PAGES }, (_, i) =>
      i === 0 ? { query, variables } : { query, variables, cursor: { variable: 'after', from } },
    );
  const histogramQuery = [
    'query NativeHistogram {',
    ...t.months.map(
      (m) =>
        `  m${m.start.slice(0, 7).replace('-', '_')}: eventsConnection(where: { earliest: { lte: "${m.end}" }, latest: { gte: "${m.start}" } }) { aggregate { count { nodes } } }`,
    ),
    '}',
  ].join('\n');

  return [
    {
      key: 'list',
      title: '50 actors → 5 events each → participants → names',
      parley: {
        expressible: 'native',
        steps: [
          {
            query: `query List { actors(first: 50) { nodes { id name events(first: 5) { nodes { id summary date { earliest } participants { role actor { id name } } } } } } }`,
            variables: {},
          },
        ],
      },
      ngql: {
        expressible: 'native',
        note: 'nested selection with sort/limit; roles through participantsConnection edge properties',
        steps: [
          {
            query: `query List { actors(limit: 50, sort: [{ id: ASC }]) { id name eventsConnection(first: 5, sort: [{ node: { earliest: ASC } }, { node: { id: ASC } }]) { edges { node { id summary earliest participantsConnection { edges { properties { role } node { id name } } } } } } } }`,
            variables: {},
          },
        ],
      },
      fingerprint: (system, [d]: Any[]) =>
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
              .join(';'),
    },
    {
      key: 'pages',
      title: `hub's most recent events, ${PAGES} pages of ${PAGE_SIZE} by cursor`,
      parley: {
        expressible: 'native',
        steps: page(
          `query Page($id: ID!, $after: String) { actor(id: $id) { events(first: ${PAGE_SIZE}, order: DESC, after: $after) { pageInfo { hasNextPage endCursor } nodes { id summary date { earliest latest precision } } } } }`,
          { id: t.hub.id },
          ['actor', 'events', 'pageInfo', 'endCursor'],
        ),
      },
      ngql: {
        expressible: 'native',
        note: 'eventsConnection with first/after; its cursors are offsets (SKIP), not keyset positions',
        steps: page(
          `query Page($id: ID!, $after: String) { actors(where: { id: { eq: $id } }) { eventsConnection(first: ${PAGE_SIZE}, after: $after, sort: [{ node: { earliest: DESC } }, { node: { id: DESC } }]) { pageInfo { hasNextPage endCursor } edges { node { id summary earliest latest precision } } } } }`,
          { id: t.hub.id },
          ['actors', 0, 'eventsConnection', 'pageInfo', 'endCursor'],
        ),
      },
      fingerprint: (system, pages: Any[]) =>
        pages
          .map((d: Any) =>
            system === 'parley'
              ? d.actor.events.nodes.map((e: Any) => e.id).join(',')
              : d.actors[0].eventsConnection.edges.map((e: Any) => e.node.id).join(','),
          )
          .join('|'),
    },
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
      ngql: {
        expressible: 'native',
        note: '@fulltext on the same index; the client must build the Lucene query (Parley escapes and adds the prefix term)',
        steps: [
          {
            query: `query Search($phrase: String!) { searchActors(phrase: $phrase, first: 10) { edges { score node { id name kind } } } }`,
            variables: { phrase: toLuceneQuery(t.searchText) },
          },
        ],
      },
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
      ngql: {
        expressible: 'cypher-escape-hatch',
        note: 'no native way to rank co-participants by shared-event count (aggregate + order by aggregate); a hand-written @cypher Query field',
        steps: [
          {
            query: `query Nb($id: ID!) { neighborhood(actorId: $id, limit: 50) { truncated nodes { id type label depth weight } edges { source target type role } } }`,
            variables: { id: t.mid.id },
          },
        ],
      },
      fingerprint: (system, [d]: Any[]) => {
        const g = system === 'parley' ? d.neighborhood : d.neighborhood;
        return `${g.truncated}:${g.nodes
          .map((n: Any) => n.id)
          .sort()
          .join(',')}:${g.edges.length}`;
      },
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
      ngql: {
        expressible: 'cypher-escape-hatch',
        note: "no shortest-path support; a hand-written @cypher Query field with Parley's SHORTEST 3 pattern",
        steps: [
          {
            query: `query Paths($a: ID!, $b: ID!) { paths(from: $a, to: $b, windowFrom: null, windowTo: null) { length actors { id name } hops { kind fromRole toRole eventId eventSummary factId factType } } }`,
            variables: { a: t.mid.id, b: t.other.id },
          },
        ],
      },
      fingerprint: (_system, [d]: Any[]) =>
        d.paths
          .map((p: Any) => p.length)
          .sort()
          .join(','),
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
      ngql: {
        expressible: 'native-approx',
        note: `no group-by: one aliased aggregate count per month (${t.months.length} root fields); counts each event in every month its interval overlaps (no fractional spreading of month/year-precise dates) and has no Goldstein sums`,
        steps: [{ query: histogramQuery, variables: {} }],
      },
      fingerprint: (system, [d]: Any[]) =>
        system === 'parley'
          ? `${d.eventHistogram.length} buckets, ${Math.round(d.eventHistogram.reduce((n: number, b: Any) => n + b.count, 0))} events`
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
      ngql: {
        expressible: 'native-approx',
        note: 'cannot sort by an aggregate: every actor with its filtered event count, ranked on the client (all actors travel)',
        postprocess: 'sort all actors by count desc, id; keep 10',
        steps: [
          {
            query: `query Top($from: Date!, $to: Date!) { actors { id name eventsConnection(where: { node: { latest: { gte: $from }, earliest: { lte: $to } } }) { aggregate { count { nodes } } } } }`,
            variables: t.year,
          },
        ],
      },
      fingerprint: (system, [d]: Any[]) =>
        system === 'parley'
          ? d.topActors.map((r: Any) => `${r.actor.id}=${r.events}`).join(',')
          : d.actors
              .map((a: Any) => ({ id: a.id, n: a.eventsConnection.aggregate.count.nodes }))
              .sort((x: Any, y: Any) => y.n - x.n || (x.id < y.id ? -1 : 1))
              .slice(0, 10)
              .map((r: Any) => `${r.id}=${r.n}`)
              .join(','),
    },
  ];
}
