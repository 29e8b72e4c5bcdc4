import { createHash } from 'node:crypto';
import { cypher } from '../../neo4j/cypher.ts';
import type { Database, QueryStats, WriteCounters } from '../../neo4j/database.ts';
import type { Bundle, Fact } from './bundle.ts';
import { type BundleIssue, BundleValidationError, validateBundle } from './validate.ts';

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
  stats?: QueryStats;
}

const LABEL_BY_KIND: Record<string, string> = { COUNTRY: 'Country', PERSON: 'Person' };
export const actorLabel = (kind: string): string => LABEL_BY_KIND[kind] ?? 'Organization';

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A fact's identity: its type and ends, and for a position its title. */
export function factId(f: Pick<Fact, 'type' | 'subjectId' | 'objectId' | 'title'>): string {
  const base = `${f.type}:${f.subjectId}:${f.objectId}`;
  return f.type === 'HOLDS_POSITION' && f.title ? `${base}:${slug(f.title)}` : base;
}

/** A mention's identity: the article, the span, and what it supports. */
export const mentionId = (articleId: string, start: number, end: number, target: string) =>
  `${articleId}:${start}-${end}:${target}`;

export function bundleHash(bundle: Bundle): string {
  return createHash('sha256').update(JSON.stringify(bundle)).digest('hex');
}

/** The parameters of every write statement, derived from a validated bundle. */
export function writeParams(bundle: Bundle) {
  const articleId = bundle.article.id;
  const byId = <T extends { id: string }>(xs: T[]) =>
    [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const facts = bundle.facts.map((f) => ({
    ...f,
    id: factId(f),
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
        eventId: e.id,
        factId: null,
      })),
    ),
    ...facts.flatMap((f) =>
      f.mentions.map((m) => ({
        ...m,
        id: mentionId(articleId, m.start, m.end, f.id),
        eventId: null,
        factId: f.id,
      })),
    ),
  ];
  return {
    articleId,
    article: { ...bundle.article, url: bundle.article.url ?? null },
    // Sorted by id so that concurrent writers take locks in the same order.
    actors: byId(bundle.actors).map((a) => ({
      ...a,
      wikidataId: a.wikidataId ?? null,
      countryCode: a.countryCode ?? null,
      label: actorLabel(a.kind),
    })),
    documents: byId(bundle.documents),
    events: byId(bundle.events).map((e) => ({
      ...e,
      date: { ...e.date, qualifier: e.date.qualifier ?? null, text: e.date.text ?? null },
    })),
    links: bundle.eventLinks,
    facts,
    mentions,
  };
}

interface MissingRow {
  missingCodes: string[];
  missingActors: string[];
  missingDocuments: string[];
  missingEvents: string[];
}

/**
 * The one write path: validates the bundle, then writes all of it in one transaction with
 * MERGE on ids. Ingesting the same bundle again changes nothing; a bad bundle writes nothing.
 */
export async function ingestBundle(
  db: Database,
  input: unknown,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const { bundle, external } = validateBundle(input);
  const hash = bundleHash(bundle);
  const p = writeParams(bundle);
  const codes = [...new Set(bundle.events.map((e) => e.cameoCode))];

  return db.writeTransaction(async (tx) => {
    const [state] = await tx.run<{ exists: boolean; bundleHash: string | null }>(Q.state, {
      articleId: p.articleId,
    });
    if (state?.exists && state.bundleHash === hash && !options.force) {
      return { articleId: p.articleId, outcome: 'unchanged', counters: tx.counters };
    }
    const [missing] = await tx.run<MissingRow>(Q.references, {
      codes,
      actorIds: [...external.actors.keys()],
      documentIds: [...external.documents.keys()],
      eventIds: [...external.events.keys()],
    });
    const issues: BundleIssue[] = [];
    if (missing) {
      for (const code of missing.missingCodes) {
        const i = bundle.events.findIndex((e) => e.cameoCode === code);
        issues.push({
          path: `events[${i}].cameoCode`,
          message: `"${code}" is not a CAMEO code in the codebook`,
        });
      }
      for (const id of missing.missingActors) {
        issues.push({
          path: external.actors.get(id)!,
          message: `actor "${id}" is neither in the bundle nor in the graph`,
        });
      }
      for (const id of missing.missingDocuments) {
        issues.push({
          path: external.documents.get(id)!,
          message: `document "${id}" is neither in the bundle nor in the graph`,
        });
      }
      for (const id of missing.missingEvents) {
        issues.push({
          path: external.events.get(id)!,
          message: `event "${id}" is neither in the bundle nor in the graph`,
        });
      }
    }
    if (issues.length) throw new BundleValidationError(issues);

    await tx.run(Q.article, { article: p.article, bundleHash: hash });
    if (p.actors.length) await tx.run(Q.actors, { actors: p.actors });
    if (p.documents.length) await tx.run(Q.documents, { documents: p.documents });
    if (p.events.length) await tx.run(Q.events, { events: p.events });
    if (p.links.length) await tx.run(Q.links, { links: p.links });
    if (p.facts.length) await tx.run(Q.facts, { facts: p.facts, articleId: p.articleId });
    if (p.mentions.length) await tx.run(Q.mentions, { mentions: p.mentions, articleId: p.articleId });
    return { articleId: p.articleId, outcome: state?.exists ? 'updated' : 'created', counters: tx.counters };
  }, options.stats);
}
