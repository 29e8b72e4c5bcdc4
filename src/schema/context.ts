import type DataLoader from 'dataloader';
import type { Identity } from '../auth.ts';
import type { Logger } from '../logger.ts';
import type { ExtractionPool } from '../modules/extraction/pool.ts';
import type { LiveHub } from '../modules/live/hub.ts';
import type { Database, QueryStats, Session } from '../neo4j/database.ts';

/** What every resolver sees; built fresh for each operation. */
export interface Context {
  /** The operation's view of Neo4j; counts its round trips. */
  db: Session;
  stats: QueryStats;
  logger: Logger;
  requestId: string;
  /** Whether the response carries `extensions.parley` (query count and database time). */
  reportStats: boolean;
  /** Per-request loaders for one-to-many fields, by name and arguments (modules/common/loaders.ts). */
  loaders: Map<string, DataLoader<string, unknown>>;
  /** Who is asking, from the bearer API key. */
  identity: Identity;
  /** Whether reads are allowed without a key (configuration). */
  publicReads: boolean;
  /** Where extractArticle runs: one worker thread per app. */
  extraction: ExtractionPool;
  /** Where writes announce their changes and subscriptions hear them (one hub per app). */
  live: LiveHub;
}

export interface AppServices {
  database: Database;
  logger: Logger;
}
