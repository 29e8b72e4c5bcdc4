// Writes schema/schema.graphql from the code; tests/unit/schema.test.ts fails when it drifts.
import { writeFileSync } from 'node:fs';
import { printedSchema } from '../src/schema/index.ts';

const target = new URL('../schema/schema.graphql', import.meta.url);
writeFileSync(target, printedSchema());
process.stdout.write(`wrote ${target.pathname}\n`);
