import { bundleSchema } from '../ingest/bundle.ts';
import type { Draft, Span } from './types.ts';

/**
 * The checks every engine's draft passes before anyone sees it: each item's offsets are exact
 * (`text.slice(start, end) === quote`), the bundle is valid and carries the article's text
 * unchanged, and every event, role and fact of the draft is the bundle's.
 */
export class DraftCheckError extends Error {
  override name = 'DraftCheckError';
  constructor(readonly issues: string[]) {
    super(`the extraction engine produced an inconsistent draft: ${issues.slice(0, 5).join('; ')}`);
  }
}

export function draftIssues(draft: Draft, text: string): string[] {
  const issues: string[] = [];
  const span = (where: string, s: Span | null | undefined) => {
    if (!s) return;
    if (
      !(s.start >= 0 && s.end >= s.start && s.end <= text.length) ||
      text.slice(s.start, s.end) !== s.quote
    ) {
      issues.push(`${where}: offsets ${s.start}..${s.end} do not hold its quote`);
    }
  };
  draft.sentences.forEach((s, i) => {
    span(`sentences[${i}]`, s);
  });
  draft.actors.forEach((a, i) => {
    a.mentions.forEach((m, j) => {
      span(`actors[${i}].mentions[${j}]`, m);
    });
  });
  draft.events.forEach((e, i) => {
    span(`events[${i}].trigger`, e.trigger);
    span(`events[${i}].mention`, e.mention);
    span(`events[${i}].date.span`, e.date.span);
    e.roles.forEach((r, j) => {
      span(`events[${i}].roles[${j}].mention`, r.mention);
    });
  });
  draft.facts.forEach((f, i) => {
    span(`facts[${i}].mention`, f.mention);
  });
  const parsed = bundleSchema.safeParse(draft.bundle);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 10))
      issues.push(`bundle.${issue.path.join('.')}: ${issue.message}`);
    return issues;
  }
  const bundle = parsed.data;
  if (bundle.article.text !== text) issues.push('bundle.article.text is not the input text');
  bundle.events.forEach((e, i) => {
    for (const [j, m] of e.mentions.entries()) span(`bundle.events[${i}].mentions[${j}]`, m);
  });
  bundle.facts.forEach((f, i) => {
    for (const [j, m] of f.mentions.entries()) span(`bundle.facts[${i}].mentions[${j}]`, m);
  });
  const bundleEvents = new Set(bundle.events.map((e) => e.id));
  for (const e of draft.events)
    if (!bundleEvents.has(e.id)) issues.push(`event ${e.id} is not in the bundle`);
  if (bundleEvents.size !== draft.events.length)
    issues.push('the bundle and the draft list different events');
  return issues;
}

export function checkDraft(draft: Draft, text: string): void {
  const issues = draftIssues(draft, text);
  if (issues.length) throw new DraftCheckError(issues);
}
