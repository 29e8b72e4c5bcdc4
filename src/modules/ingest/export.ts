import { cypher } from '../../neo4j/cypher.ts';
import type { Db } from '../../neo4j/database.ts';
import type { Bundle } from './bundle.ts';

const Q = {
  article: cypher('ingest/export-article'),
  events: cypher('ingest/export-events'),
  links: cypher('ingest/export-event-links'),
  facts: cypher('ingest/export-facts'),
  entities: cypher('ingest/export-entities'),
};

type ExportedFact = Omit<Bundle['facts'][number], 'source'> & { sources: string[] };

/**
 * Reads an article's bundle back from the graph: what an ingest of it wrote. Arrays come back
 * in a canonical order (see `canonicalBundle`), so two exports compare equal.
 */
export async function exportBundle(db: Db, articleId: string): Promise<Bundle | null> {
  const [row] = await db.read<{ article: Bundle['article'] }>(Q.article, { articleId });
  if (!row) return null;
  const events = (await db.read<{ event: Bundle['events'][number] }>(Q.events, { articleId })).map(
    (r) => r.event,
  );
  const eventIds = events.map((e) => e.id);
  const eventLinks = (await db.read<{ link: Bundle['eventLinks'][number] }>(Q.links, { eventIds })).map(
    (r) => r.link,
  );
  const rawFacts = (await db.read<{ fact: ExportedFact }>(Q.facts, { articleId })).map((r) => r.fact);
  const facts = rawFacts.map(({ sources, ...f }) => ({
    ...f,
    // Stated by this article, or brought along from the register that states it.
    source: sources.includes(articleId) ? null : (sources.find((s) => s !== articleId) ?? null),
  }));
  const documentIds = [...new Set(events.flatMap((e) => e.documents))];
  const actorIds = new Set<string>();
  for (const e of events) for (const p of e.participants) actorIds.add(p.actorId);
  for (const f of facts) {
    actorIds.add(f.subjectId);
    actorIds.add(f.objectId);
  }
  const [entities] = await db.read<{ actors: Bundle['actors']; documents: Bundle['documents'] }>(Q.entities, {
    actorIds: [...actorIds],
    documentIds,
  });
  for (const d of entities?.documents ?? [])
    for (const a of [...d.authoredBy, ...d.addressedTo]) actorIds.add(a);
  const [more] = await db.read<{ actors: Bundle['actors'] }>(Q.entities, {
    actorIds: [...actorIds],
    documentIds: [],
  });
  return canonicalBundle({
    bundleVersion: 1,
    article: row.article,
    actors: more?.actors ?? [],
    documents: entities?.documents ?? [],
    events,
    eventLinks,
    facts,
  });
}

const by =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
const sorted = <T>(xs: T[], key: (x: T) => string) => [...xs].sort(by(key));
const orNull = <T>(v: T | undefined | null) => v ?? null;
const mentions = (ms: Bundle['events'][number]['mentions']) =>
  sorted(ms, (m) => `${String(m.start).padStart(9, '0')}:${m.end}`).map((m) => ({ ...m }));

/** A bundle with every array in a stable order and every optional field explicit. */
export function canonicalBundle(b: Bundle): Bundle {
  return {
    bundleVersion: 1,
    article: { ...b.article, url: orNull(b.article.url) },
    actors: sorted(b.actors, (a) => a.id).map((a) => ({
      id: a.id,
      kind: a.kind,
      name: a.name,
      aliases: [...a.aliases].sort(),
      wikidataId: orNull(a.wikidataId),
      countryCode: orNull(a.countryCode),
    })),
    documents: sorted(b.documents, (d) => d.id).map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      authoredBy: [...d.authoredBy].sort(),
      addressedTo: [...d.addressedTo].sort(),
    })),
    events: sorted(b.events, (e) => e.id).map((e) => ({
      id: e.id,
      summary: e.summary,
      cameoCode: e.cameoCode,
      status: e.status,
      date: {
        earliest: e.date.earliest,
        latest: e.date.latest,
        precision: e.date.precision,
        qualifier: orNull(e.date.qualifier),
        text: orNull(e.date.text),
      },
      participants: sorted(e.participants, (p) => `${p.actorId}/${p.role}`),
      documents: [...e.documents].sort(),
      mentions: mentions(e.mentions),
    })),
    eventLinks: sorted(b.eventLinks, (l) => `${l.type}/${l.from}/${l.to}`),
    facts: sorted(b.facts, (f) => `${f.type}/${f.subjectId}/${f.objectId}/${f.title ?? ''}`).map((f) => ({
      type: f.type,
      subjectId: f.subjectId,
      objectId: f.objectId,
      title: orNull(f.title),
      since: orNull(f.since),
      until: orNull(f.until),
      source: orNull(f.source),
      mentions: mentions(f.mentions),
    })),
  };
}
