import type { Db } from '../../neo4j/database.ts';
import { buildGazetteer, type Gazetteer } from './actors/gazetteer.ts';
import { checkDraft } from './checks.ts';
import type { ExtractionEngine } from './engine.ts';
import { actorsFingerprint, graphActors } from './extraction.repository.ts';
import { checkExtractionInput, ExtractionInputError, type RawExtractionInput } from './input.ts';
import { defaultLexicons, type LexiconSet } from './lexicons.ts';
import type { ExtractionPool } from './pool.ts';
import { rulesEngine } from './rules/engine.ts';
import { detectLanguage } from './text/language.ts';
import type { Draft, ExtractionInput, Language } from './types.ts';

/**
 * extractArticle's one path, shared by GraphQL and `parley extract`: check the input, settle
 * the language, read the graph's actors (cached), run the engine, check its draft. Writes nothing.
 */

export interface ExtractOptions {
  /** YYYY-MM-DD by the caller's clock: a later publication date is refused. */
  today: string;
  engine?: ExtractionEngine;
  lexicons?: LexiconSet;
  /**
   * Where the rules engine runs. The API passes its pool (a worker thread: the event loop stays
   * free and a run has a time bound); without one it runs here (the command line).
   */
  pool?: ExtractionPool;
}

interface CachedGazetteer {
  fingerprint: string;
  lexicons: LexiconSet;
  gazetteer: Gazetteer;
  builtAt: number;
}

/**
 * The built gazetteer, kept while the graph's actors keep their fingerprint (one cheap read
 * per call instead of reading every actor and rebuilding). The fingerprint misses a rename to
 * a name of the same length, so an entry also expires after a minute.
 */
let cached: CachedGazetteer | undefined;
const GAZETTEER_TTL_MS = 60_000;

async function gazetteerFor(db: Db, lexicons: LexiconSet): Promise<Gazetteer> {
  const fingerprint = await actorsFingerprint(db);
  const now = Date.now();
  if (
    cached &&
    cached.fingerprint === fingerprint &&
    cached.lexicons === lexicons &&
    now - cached.builtAt < GAZETTEER_TTL_MS
  ) {
    return cached.gazetteer;
  }
  const gazetteer = buildGazetteer(await graphActors(db), lexicons);
  cached = { fingerprint, lexicons, gazetteer, builtAt: now };
  return gazetteer;
}

/** Forgets the cached gazetteer (tests that change actors and want the next call to see it at once). */
export function forgetGazetteer(): void {
  cached = undefined;
}

interface ResolvedLanguage {
  language: Language;
  source: 'METADATA' | 'DETECTED';
  confidence: number;
}

function resolveLanguage(input: ExtractionInput): ResolvedLanguage {
  if (input.language && input.language !== 'auto') {
    return { language: input.language, source: 'METADATA', confidence: 1 };
  }
  const detected = detectLanguage(input.text);
  if (!detected.language) {
    throw new ExtractionInputError(
      'LANGUAGE_UNDETECTED',
      'The language of the text could not be told (too short, or not fr, en, ru, de or pl); give it.',
      'language',
    );
  }
  return { language: detected.language, source: 'DETECTED', confidence: detected.confidence };
}

export async function extract(db: Db, raw: RawExtractionInput, options: ExtractOptions): Promise<Draft> {
  const input = checkExtractionInput(raw, options.today);
  const language = resolveLanguage(input);
  const settled = { ...input, language: language.language };
  let extracted: Draft;
  if (options.pool && !options.engine && !options.lexicons) {
    extracted = await options.pool.run({
      input: settled,
      // The worker keeps its gazetteer while this holds: a build costs seconds on a big graph,
      // and it runs inside the job's time bound, so it is not repeated on a timer.
      fingerprint: await actorsFingerprint(db),
      actors: () => graphActors(db),
    });
  } else {
    const lexicons = options.lexicons ?? defaultLexicons();
    const gazetteer = await gazetteerFor(db, lexicons);
    extracted = (options.engine ?? rulesEngine).extract(settled, { gazetteer, lexicons });
  }
  // The engine gets the language as settled here, so it reports it as metadata; the draft
  // tells the caller where it came from.
  const draft: Draft = {
    ...extracted,
    language: language.language,
    languageSource: language.source,
    languageConfidence: language.confidence,
  };
  // Offsets, bundle validity (bundleSchema), the article's text unchanged: a failure is the
  // engine's bug, masked as an internal error for the client and logged.
  checkDraft(draft, input.text);
  return draft;
}
