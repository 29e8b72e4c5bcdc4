/**
 * The @cypher statements of the peer (@neo4j/graphql), generated from the statements Parley
 * runs today, so that a comparison measures the libraries and not two versions of an algorithm.
 *
 * A @cypher field is one statement with the field's arguments as its only parameters, where
 * Parley's neighbourhood is a loop of statements whose parameters come from the previous answer.
 * The generator takes Parley's files as they are (cypher/exploration/*.cypher), binds their
 * constant parameters to the values Parley passes (EVENTS_PER_ACTOR, WALK_FACTOR …), and turns
 * the parameters that carry an earlier answer (the frontier, the actors seen, the actors kept)
 * into variables, each a textual edit at an anchor that must occur exactly as often as expected:
 * when Parley's statements change shape, generation throws and tests/unit/bench-peer-cypher.test.ts
 * fails, instead of the peer quietly running an old statement.
 */
import { readFileSync } from 'node:fs';
import { WALK_BUDGET, WALK_FACTOR, walkBounds } from '../../src/modules/event/event.repository.ts';
import { pathQuery } from '../../src/modules/exploration/exploration.repository.ts';
import { EVENTS_PER_ACTOR, FRONTIER } from '../../src/modules/exploration/neighborhood.service.ts';
import { cypher } from '../../src/neo4j/cypher.ts';

/** The Parley statements the peer's neighbourhood is generated from, in the order Parley runs them. */
export const NEIGHBORHOOD_SOURCES = [
  'exploration/neighborhood-layer',
  'exploration/neighborhood-events',
  'exploration/structure-among',
] as const;

/** Drops whole-line comments (the statements have no others) and trailing blanks. */
export function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .map((l) => l.trimEnd())
    .join('\n');
}

/** Replaces `anchor` by `by`, requiring it `times` times (all of them are replaced). */
function edit(text: string, anchor: string | RegExp, by: string, times = 1, what = String(anchor)): string {
  const re =
    typeof anchor === 'string' ? new RegExp(escapeRegExp(anchor), 'g') : new RegExp(anchor.source, 'gm');
  const found = text.match(re)?.length ?? 0;
  if (found !== times) {
    throw new Error(
      `peer @cypher: expected ${times}× ${what} in Parley's statement, found ${found}; regenerate the peer (bench/systems/peer-cypher.ts)`,
    );
  }
  return text.replace(re, by);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The constant parameters of the neighbourhood statements, as neighborhood.service.ts passes them at depth 2 with no window and no roles. */
export function neighborhoodConstants(): Record<string, string> {
  const bounds = walkBounds(true, null, null);
  return {
    eventsPerActor: String(EVENTS_PER_ACTOR),
    walkable: 'true',
    walkFactor: String(WALK_FACTOR),
    walkBudget: String(WALK_BUDGET),
    walkLow: `'${bounds.walkLow}'`,
    walkHigh: `'${bounds.walkHigh}'`,
    from: 'null',
    to: 'null',
    roles: 'null',
  };
}

export function bindConstants(text: string, constants: Record<string, string>): string {
  return text.replace(/\$([A-Za-z_][A-Za-z0-9_]*)\b/g, (all, name: string) => constants[name] ?? all);
}

/** Parameters still in a statement after generation: only the field's own arguments may be. */
export function parametersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))].sort();
}

/** cypher/exploration/neighborhood-layer.cypher with `frontier` and `seen` as variables in scope. */
export function layerBody(source = cypher(NEIGHBORHOOD_SOURCES[0]).text): string {
  let t = withoutComments(source);
  t = edit(t, 'UNWIND $frontier AS frontierId', 'UNWIND frontier AS frontierId');
  t = edit(t, 'WITH f, $walkable AND', 'WITH f, seen, $walkable AND');
  // The outer of the two `CALL (f, walk)` blocks reads `seen`; the inner one does not.
  const outer = 'CALL (f, walk) {\n  CALL (f, walk) {';
  t = edit(t, outer, 'CALL (f, walk, seen) {\n  CALL (f, walk) {');
  t = edit(t, '$seen', 'seen');
  // `$limit` stays: the field's `limit`. Parley asks a ring for its budget + 1 rows, at most
  // `limit`; the generated statement takes `limit` and cuts to the budget afterwards.
  return bindConstants(t, neighborhoodConstants());
}

/** cypher/exploration/neighborhood-events.cypher over the variable `keptIds`, at most 2 × limit + 1 events. */
export function eventsBody(source = cypher(NEIGHBORHOOD_SOURCES[1]).text): string {
  let t = withoutComments(source);
  t = edit(t, 'UNWIND $actorIds AS actorId', 'UNWIND keptIds AS actorId');
  t = edit(t, 'WITH a, $walkable AND', 'WITH a, keptIds, $walkable AND');
  t = edit(t, 'WITH a, walked, size(walked)', 'WITH a, keptIds, walked, size(walked)');
  t = edit(t, /^WITH DISTINCT e$/, 'WITH DISTINCT e, keptIds', 1, 'a top-level "WITH DISTINCT e"');
  t = edit(t, 'x.id IN $actorIds', 'x.id IN keptIds');
  t = edit(t, /\$limit\b/, '(2 * $limit + 1)', 1, '$limit');
  return bindConstants(t, neighborhoodConstants());
}

/** cypher/exploration/structure-among.cypher over the variable `keptIds`. */
export function structureBody(source = cypher(NEIGHBORHOOD_SOURCES[2]).text): string {
  const t = withoutComments(source);
  return edit(t, '$actorIds', 'keptIds', 2);
}

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');

/**
 * Parley's neighbourhood at depth 2 (neighborhood.service.ts) as one statement over
 * `$actorId` and `$limit`: ring 1 from the centre, ring 2 from ring 1's FRONTIER strongest
 * within what is left of the limit, then the tying events and the facts among the kept actors,
 * with the same truncation rule, depths, weights and labels.
 */
export function neighborhoodCypher(
  sources: { layer?: string; events?: string; structure?: string } = {},
): string {
  const layer = layerBody(sources.layer);
  const ring = (
    n: 1 | 2,
    guard: string,
    frontier: string,
    seen: string,
  ) => `CALL (${n === 1 ? 'c' : 'c, ring1, budget'}) {
${guard}  WITH ${frontier} AS frontier, ${seen} AS seen
  CALL (frontier, seen) {
${indent(layer, '    ')}
  }
  RETURN collect({actor: actor, weight: weight}) AS ranked${n}
}`;
  return `MATCH (c:Actor {id: $actorId})
${ring(1, '', '[c.id]', '[c.id]')}
WITH c, ranked1[0..($limit - 1)] AS ring1, size(ranked1) > $limit - 1 AS cut1
WITH c, ring1, cut1, $limit - 1 - size(ring1) AS budget
${ring(
  2,
  '  WITH c, ring1, budget WHERE budget > 0 AND size(ring1) > 0\n',
  `[r IN ring1[0..${FRONTIER}] | r.actor.id]`,
  '[c.id] + [r IN ring1 | r.actor.id]',
)}
WITH c, ring1, cut1, budget, ranked2[0..budget] AS ring2, size(ranked2) > budget AS cut2
WITH c, ring1, ring2, cut1, cut2, [c.id] + [r IN ring1 | r.actor.id] + [r IN ring2 | r.actor.id] AS keptIds
CALL (keptIds) {
  CALL (keptIds) {
${indent(eventsBody(sources.events), '    ')}
  }
  RETURN collect({event: event, participations: participations, kept: kept}) AS tying
}
CALL (keptIds) {
  CALL (keptIds) {
${indent(structureBody(sources.structure), '    ')}
  }
  RETURN collect({source: source, target: target, type: type}) AS facts
}
WITH c, ring1, ring2, keptIds, facts, tying[0..(2 * $limit)] AS events,
     cut1 OR cut2 OR size(tying) > 2 * $limit OR size(keptIds) >= $limit AS truncated,
     [r IN ring1 | r.actor.id] AS ring1Ids
RETURN {
  center: c.id,
  truncated: truncated,
  nodes: [{id: c.id, type: 'ACTOR', label: c.name, depth: 0, weight: 0.0}]
    + [r IN ring1 | {id: r.actor.id, type: 'ACTOR', label: r.actor.name, depth: 1, weight: toFloat(r.weight)}]
    + [r IN ring2 | {id: r.actor.id, type: 'ACTOR', label: r.actor.name, depth: 2, weight: toFloat(r.weight)}]
    + [t IN events | {
        id: t.event.id, type: 'EVENT',
        label: CASE t.event.precision
                 WHEN 'YEAR' THEN left(toString(t.event.earliest), 4)
                 WHEN 'MONTH' THEN left(toString(t.event.earliest), 7)
                 ELSE toString(t.event.earliest) END
               + CASE WHEN t.event.qualifier IS NULL THEN '' ELSE ' ' + toLower(t.event.qualifier) END
               + ' · ' + t.event.cameoCode,
        depth: reduce(d = 2, p IN t.participations |
          CASE WHEN p.actorId = c.id THEN 0 WHEN p.actorId IN ring1Ids AND d > 1 THEN 1 ELSE d END),
        weight: toFloat(t.kept)}],
  edges: reduce(acc = [], t IN events |
      acc + [p IN t.participations | {source: p.actorId, target: t.event.id, type: 'PARTICIPATED_IN', role: p.role}])
    + [f IN facts | {source: f.source, target: f.target, type: f.type, role: null}]
} AS graph`;
}

/** Parley's k-shortest-paths MATCH (k = 3, maxHops = 3), returning maps instead of rows. */
export function pathsCypher(): string {
  const text = pathQuery(3, 3).text;
  const match = text.slice(text.indexOf('MATCH (a:Actor'), text.indexOf('RETURN'));
  return `${match}
WITH p, nodes(p) AS ns, relationships(p) AS rs, [n IN nodes(p) WHERE NOT n:Event] AS actors
WHERE size(actors) - 1 <= 3
RETURN {
  length: size(actors) - 1,
  actors: [a IN actors | a {.id, .name}],
  hops: [i IN range(0, size(ns) - 2) WHERE NOT ns[i]:Event |
    CASE WHEN ns[i + 1]:Event
      THEN {kind: 'EVENT', fromRole: rs[i].role, toRole: rs[i + 1].role, eventId: ns[i + 1].id,
            eventSummary: ns[i + 1].summary, factId: null, factType: null}
      ELSE {kind: type(rs[i]), fromRole: null, toRole: null, eventId: null, eventSummary: null,
            factId: rs[i].id, factType: type(rs[i])}
    END]
} AS path`;
}

/**
 * The analytics statements the peer's @cypher variants use: Parley's event-scanning statements
 * as of issue 15, before rollups (bench/systems/peer-analytics/*.cypher). They are kept here
 * rather than read from cypher/analytics/, because Parley's own statements there may read
 * aggregates that Parley's write path maintains and the peer's does not: a peer reading those
 * would get Parley's write-time work for free.
 */
function peerAnalytics(name: 'interval-rows' | 'top-actors' | 'counts-by-type'): string {
  return withoutComments(
    readFileSync(new URL(`./peer-analytics/${name}.cypher`, import.meta.url), 'utf8').trim(),
  );
}

/** The whole-graph filter of the interval rows (no actor, role, window, status or type). */
const NO_FILTER = {
  actorId: 'null',
  role: 'null',
  from: 'null',
  to: 'null',
  status: 'null',
  type: 'null',
  typePrefix: 'null',
};

/**
 * eventHistogram(interval: MONTH) over the whole graph in one statement: Parley's interval rows,
 * spread over calendar months as src/modules/analytics/buckets.ts spreads them (each month gets
 * the share of the interval's days that fall in it; exact when the interval lies in one month).
 * Only non-empty months come back; Parley also returns the empty months between them.
 */
export function histogramCypher(): string {
  const rows = bindConstants(peerAnalytics('interval-rows'), NO_FILTER);
  return `CALL () {
${indent(rows, '  ')}
}
WITH date(earliest) AS e0, date(latest) AS e1, goldstein, count
WITH e0, e1, goldstein, count, duration.inDays(e0, e1).days + 1 AS days,
     date({year: e0.year, month: e0.month, day: 1}) AS m0
UNWIND range(0, (e1.year * 12 + e1.month) - (e0.year * 12 + e0.month)) AS k
WITH e0, e1, goldstein, count, days, m0 + duration({months: k}) AS start
WITH e0, e1, goldstein, count, days, start, start + duration({months: 1}) - duration({days: 1}) AS end
WITH start, end, count, goldstein, days,
     duration.inDays(CASE WHEN e0 > start THEN e0 ELSE start END,
                     CASE WHEN e1 < end THEN e1 ELSE end END).days + 1 AS overlap
WITH start, end,
     sum(count * toFloat(overlap) / days) AS n,
     sum(CASE WHEN overlap = days THEN count ELSE 0 END) AS exact,
     sum(count * toFloat(overlap) / days * goldstein) AS goldsteinSum
ORDER BY start
RETURN {start: toString(start), end: toString(end), count: n, exactCount: exact, goldsteinSum: goldsteinSum} AS bucket`;
}

/** topActors(by: EVENTS, from, to, first) in Parley's statement, returning maps. */
export function topActorsCypher(): string {
  const text = bindConstants(peerAnalytics('top-actors'), {
    by: "'EVENTS'",
    kinds: 'null',
    minEvents: '1',
  });
  const body = edit(
    text,
    /RETURN a \{[^}]*\} AS actor,\s*events, partners, goldsteinAverage$/,
    'RETURN {actor: a {.id, .name}, events: events, partners: partners} AS ranking',
    1,
    "top-actors' RETURN",
  );
  return body;
}

/** eventCountsByType(level) over the whole graph: Parley's counts-by-type statement, returning maps. */
export function countsByTypeCypher(): string {
  const text = bindConstants(peerAnalytics('counts-by-type'), NO_FILTER);
  return edit(
    text,
    /RETURN code, count, goldsteinSum$/,
    'RETURN {code: code, count: count, goldsteinSum: goldsteinSum} AS row',
    1,
    "counts-by-type's RETURN",
  );
}
