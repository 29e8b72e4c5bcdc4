import type { z } from 'zod';
import { type Bundle, bundleSchema } from './bundle.ts';

export interface BundleIssue {
  /** Where the problem is, e.g. `events[3].participants[0].role`. */
  path: string;
  message: string;
}

/** A bundle that must not be written; nothing of it was. */
export class BundleValidationError extends Error {
  override name = 'BundleValidationError';
  constructor(readonly issues: BundleIssue[]) {
    super(
      `Invalid bundle: ${issues
        .slice(0, 5)
        .map((i) => `${i.path || '(root)'}: ${i.message}`)
        .join('; ')}${issues.length > 5 ? `; and ${issues.length - 5} more` : ''}`,
    );
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Ids a bundle references without defining them; they must already be in the graph. */
export interface ExternalRefs {
  actors: Map<string, string>;
  documents: Map<string, string>;
  events: Map<string, string>;
}

export interface ValidBundle {
  bundle: Bundle;
  external: ExternalRefs;
}

function zodIssues(error: z.ZodError): BundleIssue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/** Whether a quote is where its offsets say; the issue when it is not. */
function quoteIssue(
  text: string,
  m: { quote: string; start: number; end: number },
  path: string,
): BundleIssue | undefined {
  if (m.end > text.length) {
    return {
      path: `${path}.end`,
      message: `offset ${m.end} is past the end of the article (${text.length})`,
    };
  }
  if (text.slice(m.start, m.end) === m.quote) return undefined;
  const found = text.indexOf(m.quote);
  return {
    path: `${path}.quote`,
    message:
      found >= 0
        ? `the quote is not at ${m.start}..${m.end}; it is at ${found}..${found + m.quote.length}`
        : 'the quote is not an exact excerpt of the article text',
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The quotes of a bundle whose shape was refused, checked where they can be (well-formed
 * quote and offsets, a text to check them against), so that one answer names every bad field
 * rather than the shape's alone.
 */
function quoteIssuesOfRaw(input: unknown, shapeIssues: BundleIssue[]): BundleIssue[] {
  if (!isRecord(input) || !isRecord(input.article) || typeof input.article.text !== 'string') return [];
  const text = input.article.text;
  const issues: BundleIssue[] = [];
  for (const kind of ['events', 'facts'] as const) {
    const items = input[kind];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (!isRecord(item) || !Array.isArray(item.mentions)) return;
      item.mentions.forEach((m: unknown, j) => {
        const path = `${kind}[${i}].mentions[${j}]`;
        if (shapeIssues.some((s) => s.path === path || s.path.startsWith(`${path}.`))) return;
        if (!isRecord(m) || typeof m.quote !== 'string') return;
        const { start, end } = m;
        if (!Number.isInteger(start) || !Number.isInteger(end)) return;
        const issue = quoteIssue(text, { quote: m.quote, start: start as number, end: end as number }, path);
        if (issue) issues.push(issue);
      });
    });
  }
  return issues;
}

/**
 * Checks everything that can be checked without the database: the shape, the offsets of
 * every quote, duplicate ids, and which references point outside the bundle.
 */
export function validateBundle(input: unknown): ValidBundle {
  const parsed = bundleSchema.safeParse(input);
  if (!parsed.success) {
    const shape = zodIssues(parsed.error);
    throw new BundleValidationError([...shape, ...quoteIssuesOfRaw(input, shape)]);
  }
  const bundle = parsed.data;
  const issues: BundleIssue[] = [];
  const text = bundle.article.text;

  const unique = (kind: 'actors' | 'documents' | 'events', ids: string[]) => {
    const seen = new Map<string, number>();
    ids.forEach((id, i) => {
      if (seen.has(id))
        issues.push({
          path: `${kind}[${i}].id`,
          message: `duplicate id "${id}" (also ${kind}[${seen.get(id)}])`,
        });
      else seen.set(id, i);
    });
    return new Set(ids);
  };
  const actorIds = unique(
    'actors',
    bundle.actors.map((a) => a.id),
  );
  const documentIds = unique(
    'documents',
    bundle.documents.map((d) => d.id),
  );
  const eventIds = unique(
    'events',
    bundle.events.map((e) => e.id),
  );

  const external: ExternalRefs = { actors: new Map(), documents: new Map(), events: new Map() };
  const ref = (kind: keyof ExternalRefs, defined: Set<string>, id: string, path: string) => {
    if (!defined.has(id) && !external[kind].has(id)) external[kind].set(id, path);
  };
  const checkMention = (m: Bundle['events'][number]['mentions'][number], path: string) => {
    const issue = quoteIssue(text, m, path);
    if (issue) issues.push(issue);
  };

  bundle.documents.forEach((d, i) => {
    d.authoredBy.forEach((a, j) => {
      ref('actors', actorIds, a, `documents[${i}].authoredBy[${j}]`);
    });
    d.addressedTo.forEach((a, j) => {
      ref('actors', actorIds, a, `documents[${i}].addressedTo[${j}]`);
    });
  });
  bundle.events.forEach((e, i) => {
    const roles = new Set<string>();
    e.participants.forEach((p, j) => {
      ref('actors', actorIds, p.actorId, `events[${i}].participants[${j}].actorId`);
      const key = `${p.actorId}/${p.role}`;
      if (roles.has(key)) {
        issues.push({
          path: `events[${i}].participants[${j}]`,
          message: `${p.actorId} is listed twice as ${p.role}`,
        });
      }
      roles.add(key);
    });
    e.documents.forEach((d, j) => {
      ref('documents', documentIds, d, `events[${i}].documents[${j}]`);
    });
    e.mentions.forEach((m, j) => {
      checkMention(m, `events[${i}].mentions[${j}]`);
    });
  });
  bundle.eventLinks.forEach((l, i) => {
    ref('events', eventIds, l.from, `eventLinks[${i}].from`);
    ref('events', eventIds, l.to, `eventLinks[${i}].to`);
  });
  bundle.facts.forEach((f, i) => {
    ref('actors', actorIds, f.subjectId, `facts[${i}].subjectId`);
    ref('actors', actorIds, f.objectId, `facts[${i}].objectId`);
    f.mentions.forEach((m, j) => {
      checkMention(m, `facts[${i}].mentions[${j}]`);
    });
  });

  if (issues.length) throw new BundleValidationError(issues);
  return { bundle, external };
}
