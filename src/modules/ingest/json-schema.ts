import { z } from 'zod';
import { bundleSchema } from './bundle.ts';

/** The bundle format as JSON Schema (draft 2020-12), for editors and other languages. */
export function bundleJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(bundleSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://parley.invalid/schema/bundle.schema.json',
    title: 'Parley article bundle',
    description: 'One article and what it reports: actors, documents, events with quotes, links and facts.',
  };
}
