import type { FACT_TYPES } from './vocabulary.ts';

/**
 * Identity rules every domain shares: what an id looks like, and how the ids of facts and
 * mentions are derived, so that a write and a later read (or a curation) compute the same one.
 */

/** A Parley id: a lowercase slug ("sergei-aleinik"). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A structural fact id: TYPE:subject:object[:title-slug]. */
export const FACT_ID_PATTERN = /^(MEMBER_OF|PART_OF|HOLDS_POSITION)(:[a-z0-9]+(?:-[a-z0-9]+)*){2,3}$/;

const LABEL_BY_KIND: Record<string, string> = { COUNTRY: 'Country', PERSON: 'Person' };
/** The label an actor of this kind carries besides :Actor. */
export const actorLabel = (kind: string): string => LABEL_BY_KIND[kind] ?? 'Organization';

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export interface FactKey {
  type: (typeof FACT_TYPES)[number];
  subjectId: string;
  objectId: string;
  title?: string | null;
}

/** A fact's identity: its type and ends, and for a position its title. */
export function factId(f: FactKey): string {
  const base = `${f.type}:${f.subjectId}:${f.objectId}`;
  return f.type === 'HOLDS_POSITION' && f.title ? `${base}:${slug(f.title)}` : base;
}

/** A mention's identity: the article, the span, and what it supports. */
export const mentionId = (articleId: string, start: number, end: number, target: string) =>
  `${articleId}:${start}-${end}:${target}`;
