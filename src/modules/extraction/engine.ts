import type { Gazetteer } from './actors/gazetteer.ts';
import type { LexiconSet } from './lexicons.ts';
import type { Draft, ExtractionInput } from './types.ts';

/** What an engine reads besides the article: the gazetteer (from the graph) and the lexicons. */
export interface ExtractionResources {
  gazetteer: Gazetteer;
  lexicons: LexiconSet;
}

/**
 * An extraction engine: a pure function from an article to a draft. The rules engine is the
 * only one today; another (an LLM behind an OpenAI-compatible endpoint) would implement this
 * and pass the same checks (checks.ts) before any editor sees its draft.
 */
export interface ExtractionEngine {
  readonly name: string;
  extract(input: ExtractionInput, resources: ExtractionResources): Draft;
}
