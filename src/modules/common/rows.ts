/**
 * The rows repositories return for the nodes every domain shows: an event lists its actors, an
 * actor its events, a document both. Kept here, below the domains, so that their repositories
 * import these shapes rather than each other.
 */

export interface ActorRow {
  id: string;
  name: string;
  kind: string;
  aliases: string[] | null;
  wikidataId: string | null;
  countryCode: string | null;
}

export interface EventRow {
  id: string;
  summary: string;
  cameoCode: string;
  status: string;
  earliest: string;
  latest: string;
  precision: string;
  qualifier: string | null;
  dateText: string | null;
}

export interface DocumentRow {
  id: string;
  kind: string;
  title: string;
}

export interface MentionRow {
  id: string;
  quote: string;
  start: number;
  end: number;
  confidence: number;
  articleId: string;
  eventId: string | null;
  factId?: string | null;
}

/** A structural fact's own properties, as the graph stores them on its relationship. */
export interface FactRow {
  id: string;
  title: string | null;
  since: string | null;
  until: string | null;
  sources: string[] | null;
}
