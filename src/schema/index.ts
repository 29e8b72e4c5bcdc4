import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.ts';
// Importing a module's schema file registers its types and fields.
import '../modules/common/scalars.ts';
import '../modules/event/event.schema.ts';
import '../modules/actor/actor.schema.ts';
import '../modules/document/document.schema.ts';
import '../modules/article/article.schema.ts';
import '../modules/search/search.schema.ts';
import '../modules/exploration/exploration.schema.ts';
import '../modules/stats/stats.schema.ts';
import '../modules/curation/curation.schema.ts';
import '../modules/analytics/analytics.schema.ts';
import '../modules/extraction/extraction.schema.ts';
import '../modules/live/live.schema.ts';

/** The assembled schema. */
export const schema = builder.toSchema({ sortSchema: true });

export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
