import { cypher } from '../../neo4j/cypher.ts';
import type { Db } from '../../neo4j/database.ts';
import type { ActorRow } from '../common/rows.ts';

const SEARCH_ACTORS = cypher('search/actors');

/** Lucene's operator characters; anything the user types is matched as text, never as syntax. */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;
const WORDS = new Set(['AND', 'OR', 'NOT', 'TO']);

export const fold = (t: string) =>
  t
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/**
 * Builds a Lucene query from free text: every term must match (AND), and the last term also
 * matches as a prefix so that as-you-type search finds "Biélo…" before the word is finished.
 * Returns null when nothing searchable is left.
 */
export function toLuceneQuery(text: string): string | null {
  const terms = text
    .normalize('NFC')
    .replace(LUCENE_SPECIAL, ' ')
    .split(/\s+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .slice(0, 12)
    .map((t) => (WORDS.has(t) ? t.toLowerCase() : t));
  if (!terms.length) return null;
  const last = terms.length - 1;
  // Lucene does not analyze wildcard terms, so the prefix is folded here as the index folds
  // names: lower case, accents removed ("Biélo" → "bielo*").
  return terms.map((t, i) => (i === last && t.length >= 2 ? `(${t} OR ${fold(t)}*)` : t)).join(' AND ');
}

export async function searchActors(
  db: Db,
  text: string,
  kinds: string[] | null,
  limit: number,
): Promise<{ actor: ActorRow; score: number }[]> {
  const query = toLuceneQuery(text);
  if (!query) return [];
  // Fetch more than asked when filtering by kind afterwards, so the page is still full.
  const fetch = kinds ? Math.min(limit * 10, 1000) : limit;
  return db.read(SEARCH_ACTORS, { query, kinds, fetch, limit });
}
