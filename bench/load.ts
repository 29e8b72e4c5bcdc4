/**
 * The bulk-load comparison: the same generated bundles through Parley's batched ingest path
 * (validation, reference checks, redirects, hashes, one transaction per batch) and through a
 * minimal UNWIND/MERGE baseline that writes the same nodes, relationships and properties with
 * no checks at all. Both read the same JSONL file, so parsing costs the same on both sides.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import neo4j from 'neo4j-driver';
import { type GeneratorOptions, generateBundles } from '../src/generator/generate.ts';
import { actorLabel, factId, mentionId } from '../src/modules/common/identity.ts';
import { ingestItems, readBundleItems } from '../src/modules/ingest/bulk.ts';
import type { BundleInput } from '../src/modules/ingest/bundle.ts';
import type { Database } from '../src/neo4j/database.ts';

export interface GeneratedFile {
  file: string;
  bundles: number;
  events: number;
  actors: number;
  bytes: number;
  ms: number;
}

/** Writes the generated bundles to a JSONL file (the format `parley ingest` reads). */
export async function generateToFile(options: GeneratorOptions, file: string): Promise<GeneratedFile> {
  const started = performance.now();
  const out = createWriteStream(file, 'utf8');
  let bundles = 0;
  let events = 0;
  let bytes = 0;
  const actors = new Set<string>();
  for (const bundle of generateBundles(options)) {
    const line = `${JSON.stringify(bundle)}\n`;
    bundles += 1;
    events += bundle.events?.length ?? 0;
    bytes += Buffer.byteLength(line);
    for (const a of bundle.actors ?? []) actors.add(a.id);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { file, bundles, events, actors: actors.size, bytes, ms: performance.now() - started };
}

export interface LoadResult {
  path: 'parley-ingest' | 'raw-unwind-merge';
  bundles: number;
  events: number;
  ms: number;
  eventsPerSecond: number;
  bundlesPerSecond: number;
  batch: number;
  failed: number;
}

type Progress = (done: number, events: number, ms: number) => void;

/** Parley's ingest path exactly as `parley ingest file.jsonl` runs it. */
export async function parleyLoad(
  db: Database,
  file: string,
  batch: number,
  progress?: Progress,
): Promise<LoadResult> {
  const started = performance.now();
  const summary = await ingestItems(db, readBundleItems([file]), {
    batch,
    onProgress: (s, done) => progress?.(done, s.events, performance.now() - started),
  });
  const ms = performance.now() - started;
  if (summary.counts.failed) {
    throw new Error(
      `Parley refused ${summary.counts.failed} bundles:\n${summary.failures.slice(0, 5).join('\n')}`,
    );
  }
  const bundles = summary.counts.created + summary.counts.updated + summary.counts.unchanged;
  return {
    path: 'parley-ingest',
    bundles,
    events: summary.events,
    ms,
    eventsPerSecond: summary.events / (ms / 1000),
    bundlesPerSecond: bundles / (ms / 1000),
    batch,
    failed: summary.counts.failed,
  };
}

// --- the raw baseline -------------------------------------------------------------------------

/** The same writes as cypher/ingest/*.cypher, minus everything that checks or reconciles. */
export const RAW = {
  articles: `UNWIND $articles AS x
MERGE (a:Article {id: x.id})
SET a.url = x.url, a.title = x.title, a.publisher = x.publisher, a.publishedAt = date(x.publishedAt),
    a.language = x.language, a.text = x.text`,
  actors: `UNWIND $actors AS x
MERGE (a:Actor {id: x.id})
SET a.name = x.name, a.kind = x.kind, a.aliases = x.aliases, a.wikidataId = x.wikidataId,
    a.countryCode = x.countryCode, a:$(x.label)`,
  documents: `UNWIND $documents AS x
MERGE (d:Document {id: x.id})
SET d.kind = x.kind, d.title = x.title
WITH d, x
CALL (d, x) { UNWIND x.authoredBy AS actorId MATCH (a:Actor {id: actorId}) MERGE (d)-[:AUTHORED_BY]->(a) }
CALL (d, x) { UNWIND x.addressedTo AS actorId MATCH (a:Actor {id: actorId}) MERGE (d)-[:ADDRESSED_TO]->(a) }`,
  events: `UNWIND $events AS x
MERGE (e:Event {id: x.id})
SET e.summary = x.summary, e.status = x.status, e.cameoCode = x.cameoCode,
    e.earliest = date(x.date.earliest), e.latest = date(x.date.latest), e.precision = x.date.precision,
    e.qualifier = x.date.qualifier, e.dateText = x.date.text
WITH e, x
CALL (e, x) { MATCH (t:EventType {code: x.cameoCode}) MERGE (e)-[:OF_TYPE]->(t) }
CALL (e, x) { UNWIND x.participants AS p MATCH (a:Actor {id: p.actorId}) MERGE (a)-[:PARTICIPATED_IN {role: p.role}]->(e) }
CALL (e, x) { UNWIND x.documents AS documentId MATCH (d:Document {id: documentId}) MERGE (e)-[:CONCERNS]->(d) }`,
  links: `UNWIND $links AS l
MATCH (a:Event {id: l.from}), (b:Event {id: l.to})
MERGE (a)-[:$(l.type)]->(b)`,
  facts: `UNWIND $facts AS f
MATCH (s:Actor {id: f.subjectId}), (o:Actor {id: f.objectId})
MERGE (s)-[r:$(f.type) {id: f.id}]->(o)
SET r.title = f.title, r.since = date(f.since), r.until = date(f.until), r.sources = [f.source], r.articleIds = [f.articleId]`,
  mentions: `UNWIND $mentions AS m
MATCH (art:Article {id: m.articleId})
MERGE (n:Mention {id: m.id})
SET n.quote = m.quote, n.start = m.start, n.end = m.end, n.confidence = m.confidence, n.factId = m.factId
MERGE (n)-[:IN]->(art)
WITH n, m
CALL (n, m) { WITH n, m WHERE m.eventId IS NOT NULL MATCH (e:Event {id: m.eventId}) MERGE (n)-[:SUPPORTS]->(e) }`,
} as const;

/** Statement parameters for a batch of bundles, straight from the JSON (no validation). */
export function rawParams(bundles: BundleInput[]) {
  const articles: unknown[] = [];
  const actors: unknown[] = [];
  const documents: unknown[] = [];
  const events: unknown[] = [];
  const links: unknown[] = [];
  const facts: unknown[] = [];
  const mentions: unknown[] = [];
  for (const b of bundles) {
    const art = b.article!;
    articles.push({ ...art, url: art.url ?? null });
    for (const a of b.actors ?? []) {
      actors.push({
        id: a.id,
        name: a.name,
        kind: a.kind,
        aliases: a.aliases ?? [],
        wikidataId: a.wikidataId ?? null,
        countryCode: a.countryCode ?? null,
        label: actorLabel(a.kind),
      });
    }
    for (const d of b.documents ?? []) {
      documents.push({ ...d, authoredBy: d.authoredBy ?? [], addressedTo: d.addressedTo ?? [] });
    }
    for (const e of b.events ?? []) {
      events.push({
        ...e,
        documents: e.documents ?? [],
        date: { ...e.date, qualifier: e.date.qualifier ?? null, text: e.date.text ?? null },
      });
      for (const m of e.mentions) {
        mentions.push({
          ...m,
          id: mentionId(art.id, m.start, m.end, e.id),
          articleId: art.id,
          eventId: e.id,
          factId: null,
        });
      }
    }
    for (const l of b.eventLinks ?? []) links.push(l);
    for (const f of b.facts ?? []) {
      const id = factId({
        type: f.type,
        subjectId: f.subjectId,
        objectId: f.objectId,
        title: f.title ?? null,
      });
      facts.push({
        type: f.type,
        subjectId: f.subjectId,
        objectId: f.objectId,
        id,
        articleId: art.id,
        title: f.title ?? null,
        since: f.since ?? null,
        until: f.until ?? null,
        source: f.source ?? art.id,
      });
      for (const m of f.mentions ?? []) {
        mentions.push({
          ...m,
          id: mentionId(art.id, m.start, m.end, id),
          articleId: art.id,
          eventId: null,
          factId: id,
        });
      }
    }
  }
  return { articles, actors, documents, events, links, facts, mentions };
}

/** The baseline: the same JSONL, the same batch size, one write transaction per batch. */
export async function rawLoad(
  db: Database,
  file: string,
  batch: number,
  progress?: Progress,
  maxBundles = Number.POSITIVE_INFINITY,
): Promise<LoadResult> {
  const started = performance.now();
  let pending: BundleInput[] = [];
  let bundles = 0;
  let events = 0;
  const flush = async () => {
    if (!pending.length) return;
    const p = rawParams(pending);
    const session = db.driver.session({ database: db.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite(async (tx) => {
        for (const key of [
          'articles',
          'actors',
          'documents',
          'events',
          'links',
          'facts',
          'mentions',
        ] as const) {
          if (p[key].length) await tx.run(RAW[key], { [key]: p[key] });
        }
      });
    } finally {
      await session.close();
    }
    bundles += pending.length;
    events += pending.reduce((n, b) => n + (b.events?.length ?? 0), 0);
    pending = [];
    progress?.(bundles, events, performance.now() - started);
  };
  let read = 0;
  for await (const item of readBundleItems([file])) {
    if (read++ >= maxBundles) break;
    if (item.parseError) throw new Error(`${item.where}: ${item.parseError}`);
    pending.push(item.value as BundleInput);
    if (pending.length >= batch) await flush();
  }
  await flush();
  const ms = performance.now() - started;
  return {
    path: 'raw-unwind-merge',
    bundles,
    events,
    ms,
    eventsPerSecond: events / (ms / 1000),
    bundlesPerSecond: bundles / (ms / 1000),
    batch,
    failed: 0,
  };
}

export interface GraphCounts {
  labels: Record<string, number>;
  relationships: Record<string, number>;
}

/** Node counts per label and relationship counts per type, from the count store. */
export async function graphCounts(db: Database): Promise<GraphCounts> {
  const q = async (text: string) => (await db.driver.executeQuery(text, {}, { database: db.name })).records;
  const labels: Record<string, number> = {};
  for (const r of await q('CALL db.labels() YIELD label RETURN label ORDER BY label')) {
    const label = r.get('label') as string;
    const [row] = await q(`MATCH (n:\`${label.replaceAll('`', '``')}\`) RETURN count(n) AS c`);
    labels[label] = Number(row?.get('c') ?? 0);
  }
  const relationships: Record<string, number> = {};
  for (const r of await q('CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t ORDER BY t')) {
    const type = r.get('t') as string;
    const [row] = await q(`MATCH ()-[r:\`${type.replaceAll('`', '``')}\`]->() RETURN count(r) AS c`);
    relationships[type] = Number(row?.get('c') ?? 0);
  }
  return { labels, relationships };
}
