import { createHash } from 'node:crypto';
import { cypher } from '../../neo4j/cypher.ts';
import type { Db, WriteCounters } from '../../neo4j/database.ts';
import { type EventSnapshot, withRollups } from '../analytics/rollups.ts';
import { actorLabel, factId, mentionId } from '../common/identity.ts';
import type { Bundle } from './bundle.ts';
import { type BundleIssue, BundleValidationError, type ValidBundle, validateBundle } from './validate.ts';

const Q = {
  state: cypher('ingest/article-state'),
  references: cypher('ingest/check-references'),
  article: cypher('ingest/article'),
  actors: cypher('ingest/actors'),
  documents: cypher('ingest/documents'),
  events: cypher('ingest/events'),
  links: cypher('ingest/event-links'),
  facts: cypher('ingest/facts'),
  mentions: cypher('ingest/mentions'),
  redirects: cypher('ingest/redirects'),
};

export type IngestOutcome = 'created' | 'updated' | 'unchanged';

export interface IngestResult {
  articleId: string;
  outcome: IngestOutcome;
  counters: WriteCounters;
}

export interface IngestOptions {
  /** Write even when the same bundle content was ingested before (the result is the same). */
  force?: boolean;
  /**
   * Benchmarks only (bench/ingest.ts): false skips the rollup upkeep, to measure what it costs.
   * The graph's rollups are then wrong until `rebuildRollups` runs; nothing else passes it.
   */
  rollups?: boolean;
}

export function bundleHash(bundle: Bundle): string {
  return createHash('sha256').update(JSON.stringify(bundle)).digest('hex');
}

/**
 * Rewrites actor ids that were merged into another actor (curation) to the surviving id, so a
 * bundle written before the merge still lands on one actor. A redirected actor's name becomes
 * an alias of the survivor.
 */
export function remapActors(
  bundle: Bundle,
  redirects: Map<string, string>,
): { bundle: Bundle; redirected: Set<string> } {
  if (!redirects.size) return { bundle, redirected: new Set() };
  const to = (id: string) => redirects.get(id) ?? id;
  const redirected = new Set<string>();
  const seen = new Set<string>();
  return {
    redirected,
    bundle: {
      ...bundle,
      actors: bundle.actors.map((a) => {
        if (!redirects.has(a.id)) return a;
        redirected.add(to(a.id));
        return { ...a, id: to(a.id), aliases: [...a.aliases, a.name] };
      }),
      documents: bundle.documents.map((d) => ({
        ...d,
        authoredBy: d.authoredBy.map(to),
        addressedTo: d.addressedTo.map(to),
      })),
      events: bundle.events.map((e) => ({
        ...e,
        participants: e.participants
          .map((p) => ({ ...p, actorId: to(p.actorId) }))
          .filter((p) => {
            const key = `${e.id}/${p.actorId}/${p.role}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          }),
      })),
      facts: bundle.facts.map((f) => ({ ...f, subjectId: to(f.subjectId), objectId: to(f.objectId) })),
    },
  };
}

/** The parameters of the write statements for one validated bundle. */
export function writeParams(bundle: Bundle, redirected: Set<string> = new Set()) {
  const articleId = bundle.article.id;
  const facts = bundle.facts.map((f) => ({
    ...f,
    id: factId(f),
    articleId,
    title: f.title ?? null,
    since: f.since ?? null,
    until: f.until ?? null,
    source: f.source ?? articleId,
  }));
  const mentions = [
    ...bundle.events.flatMap((e) =>
      e.mentions.map((m) => ({
        ...m,
        id: mentionId(articleId, m.start, m.end, e.id),
        articleId,
        eventId: e.id,
        factId: null,
      })),
    ),
    ...facts.flatMap((f) =>
      f.mentions.map((m) => ({
        ...m,
        id: mentionId(articleId, m.start, m.end, f.id),
        articleId,
        eventId: null,
        factId: f.id,
      })),
    ),
  ];
  return {
    article: { ...bundle.article, url: bundle.article.url ?? null },
    actors: bundle.actors.map((a) => ({
      ...a,
      wikidataId: a.wikidataId ?? null,
      countryCode: a.countryCode ?? null,
      label: actorLabel(a.kind),
      redirected: redirected.has(a.id),
    })),
    documents: bundle.documents,
    events: bundle.events.map((e) => ({
      ...e,
      date: { ...e.date, qualifier: e.date.qualifier ?? null, text: e.date.text ?? null },
    })),
    links: bundle.eventLinks,
    facts,
    mentions,
  };
}

const byId = <T extends { id: string }>(xs: T[]) =>
  [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

interface MissingRow {
  missingCodes: string[];
  missingActors: string[];
  missingDocuments: string[];
  missingEvents: string[];
  /** [code, Goldstein score] of the batch's codes in the codebook. */
  goldsteinOf: [string, number][];
}

/** A batch failed as a whole; ingest its bundles one at a time to find the culprit. */
export class BatchRefusedError extends Error {
  override name = 'BatchRefusedError';
  constructor(readonly refusal: BundleValidationError) {
    super(`A bundle of the batch was refused: ${refusal.message}`);
  }
}

/**
 * The one write path: validates the bundle, then writes all of it in one transaction with
 * MERGE on ids. Ingesting the same bundle again changes nothing; a bad bundle writes nothing.
 */
export async function ingestBundle(
  db: Db,
  input: unknown,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const [result] = await writeBundles(db, [validateBundle(input)], options);
  return result!;
}

/**
 * Writes validated bundles in one transaction: the same statements as a single bundle, each
 * run once for the whole batch, so bulk loads pay the round trips once per batch rather than
 * once per article. All or nothing: if one bundle is refused, nothing of the batch is written
 * (BatchRefusedError for a batch of several; BundleValidationError for a single bundle).
 */
export async function writeBundles(
  db: Db,
  valid: ValidBundle[],
  options: IngestOptions = {},
): Promise<IngestResult[]> {
  const hashes = valid.map((v) => bundleHash(v.bundle));
  const articleIds = valid.map((v) => v.bundle.article.id);

  return db.transaction(async (tx) => {
    const states = await tx.run<{ id: string; exists: boolean; bundleHash: string | null }>(Q.state, {
      articleIds,
    });
    const state = new Map(states.map((s) => [s.id, s]));
    const outcomes: IngestOutcome[] = valid.map((v, i) => {
      const st = state.get(v.bundle.article.id);
      if (st?.exists && st.bundleHash === hashes[i] && !options.force) return 'unchanged';
      return st?.exists ? 'updated' : 'created';
    });
    const todo = valid
      .map((v, i) => ({ ...v, hash: hashes[i]! }))
      .filter((_v, i) => outcomes[i] !== 'unchanged');
    if (!todo.length)
      return articleIds.map((articleId) => ({ articleId, outcome: 'unchanged', counters: tx.counters }));

    // Ids merged away by curation point at their surviving actor.
    const actorIds = new Set<string>();
    for (const v of todo) {
      for (const a of v.bundle.actors) actorIds.add(a.id);
      for (const id of v.external.actors.keys()) actorIds.add(id);
    }
    const redirectRows = await tx.run<{ id: string; target: string }>(Q.redirects, { ids: [...actorIds] });
    const redirects = new Map(redirectRows.map((r) => [r.id, r.target]));

    // References a bundle does not define must be in the graph, or defined by the batch.
    const defined = { actors: new Set<string>(), documents: new Set<string>(), events: new Set<string>() };
    for (const v of todo) {
      for (const a of v.bundle.actors) defined.actors.add(a.id);
      for (const d of v.bundle.documents) defined.documents.add(d.id);
      for (const e of v.bundle.events) defined.events.add(e.id);
    }
    const outside = (kind: keyof typeof defined) => [
      ...new Set(
        todo.flatMap((v) =>
          [...v.external[kind].keys()].filter((id) => !defined[kind].has(id) && !redirects.has(id)),
        ),
      ),
    ];
    const codes = [...new Set(todo.flatMap((v) => v.bundle.events.map((e) => e.cameoCode)))];
    const [missing] = await tx.run<MissingRow>(Q.references, {
      codes,
      actorIds: outside('actors'),
      documentIds: outside('documents'),
      eventIds: outside('events'),
    });
    if (missing) {
      const issues = missingIssues(todo, missing);
      if (issues.length) {
        const error = new BundleValidationError(issues);
        throw valid.length > 1 ? new BatchRefusedError(error) : error;
      }
    }

    const params = todo.map((v) => {
      const { bundle, redirected } = remapActors(v.bundle, redirects);
      return { ...writeParams(bundle, redirected), hash: v.hash };
    });
    await tx.run(Q.article, { articles: params.map((p) => ({ ...p.article, bundleHash: p.hash })) });
    // Sorted by id so that concurrent writers take locks in the same order.
    const actors = byId(params.flatMap((p) => p.actors));
    const documents = byId(params.flatMap((p) => p.documents));
    const events = byId(params.flatMap((p) => p.events));
    const links = params.flatMap((p) => p.links);
    const facts = params.flatMap((p) => p.facts);
    const mentions = params.flatMap((p) => p.mentions);
    if (actors.length) await tx.run(Q.actors, { actors });
    if (documents.length) await tx.run(Q.documents, { documents });
    // Only the events statement changes what the rollups count (dates, types, status,
    // participants): they follow it in this transaction, whether the events are new or rewritten.
    if (events.length && options.rollups === false) await tx.run(Q.events, { events });
    else if (events.length)
      await withRollups(
        tx,
        async () => events.map((e) => e.id),
        () => tx.run(Q.events, { events }),
        (newIds) => writtenEvents(events, newIds, new Map(missing?.goldsteinOf ?? [])),
      );
    if (links.length) await tx.run(Q.links, { links });
    if (facts.length) await tx.run(Q.facts, { facts });
    if (mentions.length) await tx.run(Q.mentions, { mentions });
    return articleIds.map((articleId, i) => ({ articleId, outcome: outcomes[i]!, counters: tx.counters }));
  });
}

type EventParam = ReturnType<typeof writeParams>['events'][number];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What the events statement makes of events that did not exist: the bundle's date, status and
 * type, and its distinct participants (the statement sets nothing else that the rollups count).
 * An id written twice in the batch, or a date the statement would normalise, is read back instead.
 */
function writtenEvents(
  events: EventParam[],
  newIds: string[],
  goldsteinOf: Map<string, number>,
): { known: EventSnapshot[]; unknown: string[] } {
  const fresh = new Set(newIds);
  const seen = new Map<string, number>();
  for (const e of events) if (fresh.has(e.id)) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
  const known: EventSnapshot[] = [];
  const unknown: string[] = [];
  for (const e of events) {
    if (!fresh.has(e.id)) continue;
    const goldstein = goldsteinOf.get(e.cameoCode);
    if (
      seen.get(e.id)! > 1 ||
      goldstein === undefined ||
      !ISO_DAY.test(e.date.earliest) ||
      !ISO_DAY.test(e.date.latest)
    ) {
      if (!unknown.includes(e.id)) unknown.push(e.id);
      continue;
    }
    known.push({
      id: e.id,
      earliest: e.date.earliest,
      latest: e.date.latest,
      status: e.status,
      code: e.cameoCode,
      goldstein,
      actorIds: [...new Set(e.participants.map((p) => p.actorId))],
    });
  }
  return { known, unknown };
}

function missingIssues(todo: ValidBundle[], missing: MissingRow): BundleIssue[] {
  const issues: BundleIssue[] = [];
  const prefix = (i: number) => (todo.length > 1 ? `[${todo[i]!.bundle.article.id}] ` : '');
  const where = (kind: 'actors' | 'documents' | 'events', id: string) => {
    const i = todo.findIndex((v) => v.external[kind].has(id));
    return `${prefix(i)}${todo[i]?.external[kind].get(id) ?? ''}`;
  };
  for (const code of missing.missingCodes) {
    const i = todo.findIndex((v) => v.bundle.events.some((e) => e.cameoCode === code));
    const j = todo[i]!.bundle.events.findIndex((e) => e.cameoCode === code);
    issues.push({
      path: `${prefix(i)}events[${j}].cameoCode`,
      message: `"${code}" is not a CAMEO code in the codebook`,
    });
  }
  for (const id of missing.missingActors) {
    issues.push({
      path: where('actors', id),
      message: `actor "${id}" is neither in the bundle nor in the graph`,
    });
  }
  for (const id of missing.missingDocuments) {
    issues.push({
      path: where('documents', id),
      message: `document "${id}" is neither in the bundle nor in the graph`,
    });
  }
  for (const id of missing.missingEvents) {
    issues.push({
      path: where('events', id),
      message: `event "${id}" is neither in the bundle nor in the graph`,
    });
  }
  return issues;
}
