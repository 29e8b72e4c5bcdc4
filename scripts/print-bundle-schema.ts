// Writes schema/bundle.schema.json from the zod schema; a test fails when it drifts.
import { writeFileSync } from 'node:fs';
import { bundleJsonSchema } from '../src/modules/ingest/json-schema.ts';

const target = new URL('../schema/bundle.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(bundleJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
