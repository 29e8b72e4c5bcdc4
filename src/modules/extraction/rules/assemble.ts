import type { BundleInput } from '../../ingest/bundle.ts';
import type {
  Draft,
  DraftActor,
  DraftEvent,
  DraftFact,
  DraftWarning,
  ExtractionInput,
  Language,
  Sentence,
} from '../types.ts';

/** Roles the review accepts by default go into the bundle; weaker ones stay in the draft for the editor. */
export const BUNDLE_ROLE_CONFIDENCE = 0.5;

export interface Assembly {
  input: ExtractionInput & { language: Language };
  engine: string;
  sentences: Sentence[];
  actors: DraftActor[];
  facts: DraftFact[];
  events: (Omit<DraftEvent, 'id' | 'summary'> & { summaryOf: string })[];
  warnings: DraftWarning[];
  /** A short hash of the article, so that two articles never share an event id. */
  articleKey: string;
  slug: (s: string, max?: number) => string;
}

const SOURCE_ROLES = new Set(['ACTOR', 'SPEAKER', 'HOST']);
const TARGET_ROLES = new Set(['RECIPIENT', 'ADDRESSEE']);

function firstWords(text: string, n: number): string {
  return text.trim().split(/\s+/).slice(0, n).join(' ');
}

/** The article's id: publisher, date and title (or the first words), as a slug. */
export function articleId(a: Assembly): string {
  const { input, slug } = a;
  const head = slug(input.publisher ?? 'article', 30) || 'article';
  const title = slug(input.title ?? firstWords(input.text, 8), 60) || a.articleKey;
  return `${head}-${input.publishedAt}-${title}`.slice(0, 120).replace(/-+$/, '');
}

export function buildBundle(a: Assembly): Draft {
  const { input } = a;
  const warnings = [...a.warnings];
  const byId = new Map(a.actors.map((x) => [x.id, x]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const events: DraftEvent[] = a.events.map((e, i) => {
    const source =
      e.roles.find((r) => SOURCE_ROLES.has(r.role)) ?? e.roles.find((r) => r.role === 'ON_BEHALF_OF');
    const targets = e.roles.filter((r) => TARGET_ROLES.has(r.role)).map((r) => name(r.actorId));
    const who = source ? name(source.actorId) : 'Someone';
    const status =
      e.status === 'NEGATED'
        ? ' (negated)'
        : e.status === 'PLANNED'
          ? ' (planned)'
          : e.status === 'HYPOTHETICAL'
            ? ' (hypothetical)'
            : '';
    const summary = `${who} ${e.summaryOf}${targets.length ? ` — ${targets.join(', ')}` : ''}${status}`.slice(
      0,
      2_000,
    );
    const id = `evt-${input.publishedAt}-${a.articleKey}-${String(i + 1).padStart(2, '0')}-${e.cameoCode}`;
    const { summaryOf: _s, ...rest } = e;
    return { ...rest, id, summary };
  });

  const bundleEvents = events
    .map((e) => {
      const participants = dedupe(
        e.roles
          .filter((r) => r.confidence >= BUNDLE_ROLE_CONFIDENCE)
          .map((r) => ({ actorId: r.actorId, role: r.role })),
      );
      return { e, participants };
    })
    .filter(({ e, participants }) => {
      if (participants.length) return true;
      warnings.push({
        code: 'EVENT_WITHOUT_PARTICIPANT',
        message: `"${e.trigger.quote}" has no participant confident enough for the bundle; review it in the draft.`,
      });
      return false;
    });
  const kept = new Set(bundleEvents.map(({ e }) => e.id));
  const draftEvents = events.filter((e) => kept.has(e.id));

  const used = new Set<string>();
  for (const { participants } of bundleEvents) for (const p of participants) used.add(p.actorId);
  const facts = a.facts.filter((f) => {
    const known = (id: string) => byId.has(id);
    return known(f.subjectId) && known(f.objectId);
  });
  for (const f of facts) {
    used.add(f.subjectId);
    used.add(f.objectId);
  }
  const bundleActors = a.actors
    .filter((x) => used.has(x.id) && (x.status === 'NEW' || x.newAliases.length > 0))
    .map((x) => ({
      id: x.id,
      kind: x.kind,
      name: x.name,
      aliases: [...new Set(x.status === 'NEW' ? [x.name, ...x.newAliases] : x.newAliases)].slice(0, 200),
      countryCode: x.countryCode ?? null,
    }));

  const bundle: BundleInput = {
    bundleVersion: 1,
    article: {
      id: articleId(a),
      ...(input.url ? { url: input.url } : {}),
      title: (input.title?.trim() || firstWords(input.text, 12) || 'Untitled').slice(0, 1_000),
      publisher: (input.publisher?.trim() || 'unknown').slice(0, 300),
      publishedAt: input.publishedAt,
      language: input.language,
      text: input.text,
    },
    actors: bundleActors,
    documents: [],
    events: bundleEvents.map(({ e, participants }) => ({
      id: e.id,
      summary: e.summary,
      cameoCode: e.cameoCode,
      status: e.status,
      date: {
        earliest: e.date.earliest,
        latest: e.date.latest,
        precision: e.date.precision,
        qualifier: e.date.qualifier,
        text: e.date.text ? e.date.text.slice(0, 200) : null,
      },
      participants,
      documents: [],
      mentions: [
        { quote: e.mention.quote, start: e.mention.start, end: e.mention.end, confidence: e.confidence },
      ],
    })),
    eventLinks: [],
    facts: facts.map((f) => ({
      type: f.type,
      subjectId: f.subjectId,
      objectId: f.objectId,
      title: f.type === 'HOLDS_POSITION' ? f.title : null,
      source: null,
      mentions: [
        { quote: f.mention.quote, start: f.mention.start, end: f.mention.end, confidence: f.confidence },
      ],
    })),
  };
  if (!input.title?.trim())
    warnings.push({ code: 'TITLE_FROM_TEXT', message: 'No title was given: the first words stand in.' });
  if (!input.publisher?.trim())
    warnings.push({ code: 'PUBLISHER_MISSING', message: 'No publisher was given: "unknown" stands in.' });
  if (draftEvents.length === 0)
    warnings.push({ code: 'NOTHING_FOUND', message: 'No event was found in the text.' });
  return {
    engine: a.engine,
    language: input.language,
    languageSource: 'METADATA',
    languageConfidence: 1,
    bundle,
    sentences: a.sentences,
    actors: a.actors,
    events: draftEvents,
    facts,
    warnings,
  };
}

function dedupe<T extends { actorId: string; role: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = `${x.actorId}|${x.role}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
