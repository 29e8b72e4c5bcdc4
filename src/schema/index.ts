import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.ts';
import '../modules/stats/stats.schema.ts';

/** The assembled schema: importing a module's schema file registers its types. */
export const schema = builder.toSchema({ sortSchema: true });

export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
