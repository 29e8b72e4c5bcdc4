/**
 * Rollups: per-period aggregates of the events, so that the dashboards (histogram, counts by
 * type and QuadClass, topActors) cost in proportion to buckets or actors, not events.
 *
 * Every event has exactly one date interval [earliest, latest], one status and one type, so
 * rows keyed by interval (and code, status, actor) are additive: summing the rows that overlap
 * a window gives what a scan of the events gives, with the same fractional weights (the
 * histogram still spreads each interval's count in buckets.ts). The rows:
 *
 * - RollupInterval (earliest, latest): count and Goldstein sum, for the unfiltered histogram;
 *   beside them, per CAMEO code and status, the count of its events of that code (properties
 *   x<code>_<STATUS>, e.g. x042_ASSERTED), for filtered histograms and windowed counts by type or
 *   QuadClass (the score and QuadClass are read from the code's EventType);
 * - RollupCode (code, status): count, for the same counts without a window;
 * - RollupActorTotal (actor): all its distinct events, typed events and Goldstein sum, and its
 *   distinct partners ever; beside them, per calendar year, the same three counts of the events
 *   whose interval lies in that year (properties c<year>, t<year>, g<year>). The home page's
 *   ranking (no window) reads the top rows of an index on the totals, whatever the number of
 *   actors; a window of whole years reads one row per actor;
 * - RollupActor (actor, earliest, latest): the year counts of the few intervals that cross a new
 *   year, which no year property holds (the totals count them);
 * - ROLLUP_PAIR, a relationship from the lower id's total to the higher's: the pair's shared
 *   events ever, and per year (y<year>); its creation and deletion move both actors' partner
 *   totals, so distinct partners ever cost nothing to read. RollupPairSpan (actor, partner,
 *   earliest, latest): the shared intervals that cross a new year.
 *
 * Version 4 keeps the per-code counts and the pairs as properties and relationships rather than
 * rows of their own: an ingest writes about one type row and two pair rows per event otherwise,
 * each with its index entries (decisions.md, "Rollups version 4").
 *
 * Rows per actor and interval within a year would be as many as the actors' participations
 * (dates are mostly days), so they would double what an ingest writes and save nothing: an
 * actor's histogram and the days a window cuts are read from the events (decisions.md).
 *
 * Goldstein scores are kept in tenths (the codebook's scale, checked when it is read), as
 * integers: adding and removing events never drifts, and a rebuild gives the same numbers.
 *
 * Writers keep the rows true in their own transaction: they read the affected events before
 * and after (`snapshotEvents`), and `applyRollupDelta` adds the difference. One code path for
 * ingest, re-ingest, corrections, merges and deletions, and exact by construction.
 */
import type { Logger } from '../../logger.ts';
import { cypher } from '../../neo4j/cypher.ts';
import type { Database, Tx } from '../../neo4j/database.ts';

const Q = {
  snapshot: cypher('analytics/rollup-snapshot'),
  snapshotPage: cypher('analytics/rollup-snapshot-page'),
  actorEvents: cypher('analytics/rollup-actor-events'),
  codeEvents: cypher('analytics/rollup-code-events'),
  apply: cypher('analytics/rollup-apply'),
  state: cypher('analytics/rollup-state'),
  setState: cypher('analytics/rollup-state-set'),
  clear: cypher('analytics/rollup-clear'),
};

/** Bumped when the rollups' shape changes: a graph with another version is rebuilt at migration. */
export const ROLLUP_VERSION = 4;

/** The labels of the rollup rows (not part of the model: node counts do not list them). */
export const ROLLUP_LABELS = [
  'RollupInterval',
  'RollupCode',
  'RollupActor',
  'RollupActorTotal',
  'RollupPairSpan',
] as const;

/** The relationship type of a pair of actors' totals. */
export const ROLLUP_PAIR = 'ROLLUP_PAIR';

/** What the rollups count of one event, as rollup-snapshot reads it. */
export interface EventSnapshot {
  id: string;
  earliest: string;
  latest: string;
  status: string;
  /** The code of its EventType; null for an event without one (counted by topActors only). */
  code: string | null;
  goldstein: number | null;
  /** Distinct actors that took part in it. */
  actorIds: string[];
}

/** Goldstein scores are in tenths in the codebook; rollups keep them as exact integers. */
export const goldsteinTenths = (score: number): number => Math.round(score * 10);

const yearOf = (isoDate: string): number => Number(isoDate.slice(0, isoDate.indexOf('-', 1)));

type Row = Record<string, string | number | boolean> & { key: string };

/** The per-year counters of RollupActorTotal and of a pair (`c2023`, `y2023` …), named by year. */
export const YEAR_COUNTER = /^[ctgy]\d+$/;

/** The per-code counters of RollupInterval (`x042_ASSERTED`), named by code and status. */
export const TYPE_COUNTER = /^x\d+_[A-Z]+$/;

/** Counters kept as properties named by what they count: sent as a list, removed at 0. */
const isNamedCounter = (k: string) => YEAR_COUNTER.test(k) || TYPE_COUNTER.test(k);

/** Adds `v` to a row's counter `k` (absent counts as 0). */
const inc = (row: Row, k: string, v: number) => {
  row[k] = ((row[k] as number | undefined) ?? 0) + v;
};

/** Signed changes to rollup rows, accumulated per key; rows whose changes cancel are dropped. */
export class RollupDelta {
  readonly interval = new Map<string, Row>();
  readonly code = new Map<string, Row>();
  readonly actor = new Map<string, Row>();
  readonly actorTotal = new Map<string, Row>();
  readonly pair = new Map<string, Row>();
  readonly pairSpan = new Map<string, Row>();

  /** The row of `key`, made by `init` (its props and its totals at 0) when the table has none. */
  private row(table: Map<string, Row>, key: string, init: () => Row): Row {
    let row = table.get(key);
    if (!row) {
      row = init();
      table.set(key, row);
    }
    return row;
  }

  /**
   * Adds (sign 1) or removes (sign −1) one event's share of every rollup. It runs for every
   * event of every write (200 000 at the medium benchmark size), so it makes no object it does
   * not keep: a named counter is added only when its change is not 0 (a row holds no zero
   * counter, and `params` leaves zero ones out).
   */
  add(e: EventSnapshot, sign: 1 | -1): this {
    const iv = `${e.earliest}/${e.latest}`;
    const year = yearOf(e.earliest);
    const single = year === yearOf(e.latest);
    const typed = e.code !== null && e.goldstein !== null;
    const g = typed ? sign * goldsteinTenths(e.goldstein!) : 0;
    const t = typed ? sign : 0;
    if (typed) {
      const r = this.row(this.interval, iv, () => ({
        key: iv,
        earliest: e.earliest,
        latest: e.latest,
        count: 0,
        goldstein10: 0,
      }));
      inc(r, 'count', sign);
      inc(r, 'goldstein10', g);
      inc(r, `x${e.code}_${e.status}`, sign);
      const ck = `${e.code}/${e.status}`;
      inc(
        this.row(this.code, ck, () => ({ key: ck, code: e.code!, status: e.status, count: 0 })),
        'count',
        sign,
      );
    }
    const actorIds = e.actorIds.length > 1 ? [...new Set(e.actorIds)] : e.actorIds;
    const [cy, ty, gy, yy] = single ? [`c${year}`, `t${year}`, `g${year}`, `y${year}`] : [];
    /** An actor row's three totals: events, typed events, Goldstein tenths. */
    const counts = (r: Row) => {
      inc(r, 'count', sign);
      inc(r, 'typed', t);
      inc(r, 'goldstein10', g);
    };
    for (const a of actorIds) {
      const total = this.row(this.actorTotal, a, () => ({
        key: a,
        actorId: a,
        count: 0,
        typed: 0,
        goldstein10: 0,
      }));
      counts(total);
      if (single) {
        inc(total, cy!, sign);
        if (t) inc(total, ty!, t);
        if (g) inc(total, gy!, g);
      } else {
        const ak = `${a}/${iv}`;
        const r = this.row(this.actor, ak, () => ({
          key: ak,
          actorId: a,
          earliest: e.earliest,
          latest: e.latest,
          single,
          count: 0,
          typed: 0,
          goldstein10: 0,
        }));
        counts(r);
      }
      for (const b of actorIds) {
        if (a >= b) continue;
        const pk = `${a}/${b}`;
        const pair = this.row(this.pair, pk, () => ({ key: pk, actorId: a, partnerId: b, count: 0 }));
        inc(pair, 'count', sign);
        if (single) inc(pair, yy!, sign);
        else {
          const sk = `${pk}/${iv}`;
          const span = this.row(this.pairSpan, sk, () => ({
            key: sk,
            actorId: a,
            partnerId: b,
            earliest: e.earliest,
            latest: e.latest,
            count: 0,
          }));
          inc(span, 'count', sign);
        }
      }
    }
    return this;
  }

  /**
   * The rows that change, per label (`pair` for the pair relationships), sorted by key, as the
   * rows hold them. A named counter that comes to 0 is left out (the rows hold no zero counter);
   * the totals always travel.
   */
  params(): Record<string, Row[]> {
    // Every number a row holds is a counter (its props are strings and booleans): a row moved
    // when one of them is not 0.
    const changed = (table: Map<string, Row>, keep: Set<string> = new Set()) => {
      const rows: Row[] = [];
      for (const r of table.values()) {
        const out: Row = { key: r.key };
        let moved = false;
        for (const k in r) {
          const v = r[k]!;
          if (typeof v === 'number') {
            if (v !== 0) moved = true;
            else if (isNamedCounter(k)) continue;
          }
          out[k] = v;
        }
        if (moved || keep.has(r.key)) rows.push(out);
      }
      return rows.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    };
    const pair = changed(this.pair);
    // The totals of every changed pair's ends travel even when their own counts cancel (an actor
    // that swapped one partner for another): the apply then locks every total it touches in key
    // order, before the pair rows move their partners.
    const ends = new Set(pair.flatMap((p) => [p.actorId as string, p.partnerId as string]));
    return {
      interval: changed(this.interval),
      code: changed(this.code),
      actor: changed(this.actor),
      actorTotal: changed(this.actorTotal, ends),
      pair,
      pairSpan: changed(this.pairSpan),
    };
  }
}

/**
 * What rollup-apply reads of each label's rows, and nothing else: a row's key stands for what it
 * repeats (an interval's dates, a total's actor), which the statement reads back from the key
 * only when it creates the row. The named counters travel as two parallel lists, `ks` and `vs`:
 * at medium size the client side of the apply (packing, sending) was about 10 s of its 35, and maps
 * of `{ k, v }` cost more to pack than lists.
 */
const WIRE_FIELDS: Record<string, readonly string[]> = {
  interval: ['key', 'count', 'goldstein10'],
  code: ['key', 'code', 'status', 'count'],
  actor: ['key', 'actorId', 'earliest', 'latest', 'single', 'count', 'typed', 'goldstein10'],
  actorTotal: ['key', 'count', 'typed', 'goldstein10'],
  pair: ['actorId', 'partnerId', 'count'],
  pairSpan: ['key', 'actorId', 'partnerId', 'earliest', 'latest', 'count'],
};

/** A row as rollup-apply takes it: the fields it reads, and the named counters as `ks` / `vs`. */
function wireRow(label: string, row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = WIRE_FIELDS[label]!;
  for (const f of fields) if (row[f] !== undefined) out[f] = row[f];
  const ks: string[] = [];
  const vs: number[] = [];
  // A named counter is a number the label's fields do not list (props are strings and booleans).
  for (const k in row) {
    const v = row[k];
    if (typeof v === 'number' && !fields.includes(k) && isNamedCounter(k)) {
      ks.push(k);
      vs.push(v);
    }
  }
  if (ks.length) {
    out.ks = ks;
    out.vs = vs;
  }
  return out;
}

/** The delta that turns rollups counting `before` into rollups counting `after`. */
export function rollupDelta(before: Iterable<EventSnapshot>, after: Iterable<EventSnapshot>): RollupDelta {
  const delta = new RollupDelta();
  for (const e of before) delta.add(e, -1);
  for (const e of after) delta.add(e, 1);
  return delta;
}

/** The rollup view of the given events (those that exist), inside the caller's transaction. */
export async function snapshotEvents(tx: Tx, ids: string[]): Promise<EventSnapshot[]> {
  if (!ids.length) return [];
  return tx.run<EventSnapshot>(Q.snapshot, { ids });
}

/** The ids of the events the given actors take part in. */
export async function eventsOfActors(tx: Tx, actorIds: string[]): Promise<string[]> {
  if (!actorIds.length) return [];
  return (await tx.run<{ id: string }>(Q.actorEvents, { actorIds })).map((r) => r.id);
}

/** The ids of the events of the given CAMEO codes. */
export async function eventsOfCodes(tx: Tx, codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  return (await tx.run<{ id: string }>(Q.codeEvents, { codes })).map((r) => r.id);
}

/**
 * Writes a delta in the caller's transaction. The rollup rows are derived data, not what the
 * write asked for: the transaction's counters (reported as nodesCreated …) leave them out.
 */
export async function applyRollupDelta(tx: Tx, delta: RollupDelta): Promise<void> {
  const params = delta.params();
  if (Object.values(params).every((rows) => rows.length === 0)) return;
  const counted = { ...tx.counters };
  const wire: Record<string, unknown[]> = Object.fromEntries(
    Object.entries(params).map(([k, rows]) => [k, rows.map((r) => wireRow(k, r))]),
  );
  // Only a total whose count falls may come to 0: the rest are not looked at again for deletion.
  wire.actorTotalGone = params.actorTotal!.filter((r) => (r.count as number) < 0).map((r) => r.key);
  await tx.run(Q.apply, wire);
  Object.assign(tx.counters, counted);
}

/**
 * Runs `write` between two snapshots of the events `affected` names (read again after the
 * write, so a write that adds events may name them), and applies the difference: the rollups
 * stay true in the write's own transaction. `written`, when the writer knows exactly what it
 * wrote, gives the after-view of events that did not exist before (an ingest's new events),
 * so only the events that existed are read again.
 */
export async function withRollups<T>(
  tx: Tx,
  affected: () => Promise<string[]>,
  write: () => Promise<T>,
  written?: (newIds: string[]) => { known: EventSnapshot[]; unknown: string[] },
): Promise<T> {
  // An id named twice (two bundles of a batch define one event) is one event.
  const ids = [...new Set(await affected())];
  const before = await snapshotEvents(tx, ids);
  const result = await write();
  let after: EventSnapshot[];
  if (written) {
    const existed = new Set(before.map((e) => e.id));
    const { known, unknown } = written(ids.filter((id) => !existed.has(id)));
    after = [...known, ...(await snapshotEvents(tx, [...existed, ...unknown]))];
  } else after = await snapshotEvents(tx, ids);
  await applyRollupDelta(tx, rollupDelta(before, after));
  return result;
}

/** The years a topActors window covers whole, and the parts of the years it cuts. */
export interface YearWindow {
  /** First and last calendar year wholly inside the window (none when fromYear > toYear). */
  fromYear: number;
  toYear: number;
  /**
   * The years the window cuts: the year-contained intervals with `earliest` in start…end and
   * `latest` ≥ minLatest are the ones of that year that overlap the window.
   */
  edges: { start: string; end: string; minLatest: string }[];
}

/** Stands for an open side of a window: further than any year a date can have. */
const OPEN_YEAR = 1_000_000;

const yearStart = (y: number) => `${String(y).padStart(4, '0')}-01-01`;
const yearEnd = (y: number) => `${String(y).padStart(4, '0')}-12-31`;

/** Splits a window into whole years (read from year rows) and cut years (read from interval rows). */
export function yearWindow(from: string | null, to: string | null): YearWindow {
  const window: YearWindow = { fromYear: -OPEN_YEAR, toYear: OPEN_YEAR, edges: [] };
  const cut = new Set<number>();
  if (from) {
    const y = yearOf(from);
    window.fromYear = from === yearStart(y) ? y : y + 1;
    if (from !== yearStart(y)) cut.add(y);
  }
  if (to) {
    const y = yearOf(to);
    window.toYear = to === yearEnd(y) ? y : y - 1;
    if (to !== yearEnd(y)) cut.add(y);
  }
  for (const y of [...cut].sort((a, b) => a - b)) {
    const end = to && to < yearEnd(y) ? to : yearEnd(y);
    const minLatest = from && from > yearStart(y) ? from : yearStart(y);
    window.edges.push({ start: yearStart(y), end, minLatest });
  }
  return window;
}

/** How many events a rebuild reads per transaction. */
const REBUILD_PAGE = 5_000;

/**
 * Recomputes every rollup from the events: clears them, then adds the events page by page, and
 * records the version. Not one transaction: run it while nothing else writes (migration).
 */
export async function rebuildRollups(db: Database, logger?: Logger): Promise<number> {
  const session = db.driver.session({ database: db.name });
  try {
    await session.run(Q.clear.text);
  } finally {
    await session.close();
  }
  let after: string | null = null;
  let events = 0;
  for (;;) {
    const cursor: string | null = after;
    const page: EventSnapshot[] = await db.transaction(async (tx) => {
      const rows = await tx.run<EventSnapshot>(Q.snapshotPage, { after: cursor, limit: REBUILD_PAGE });
      await applyRollupDelta(tx, rollupDelta([], rows));
      return rows;
    });
    events += page.length;
    if (page.length < REBUILD_PAGE) break;
    after = page.at(-1)!.id;
  }
  await db.write(Q.setState, { version: ROLLUP_VERSION });
  logger?.info({ events, version: ROLLUP_VERSION }, 'rollups rebuilt from the events');
  return events;
}

/**
 * Builds the rollups when the graph holds none, or another version: idempotent, and only a
 * read on a graph that has them (an account without write rights can start the API).
 */
export async function ensureRollups(db: Database, logger?: Logger): Promise<'current' | 'rebuilt'> {
  const [state] = await db.read<{ version: number | null }>(Q.state);
  if (state?.version === ROLLUP_VERSION) return 'current';
  await rebuildRollups(db, logger);
  return 'rebuilt';
}
