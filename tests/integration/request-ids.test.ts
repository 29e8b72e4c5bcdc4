import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApp, REQUEST_ID_HEADER } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { Database } from '../../src/neo4j/database.ts';
import { logger as quiet } from '../support/harness.ts';

// A masked INTERNAL_SERVER_ERROR must be traceable: the client gets the request id, in the
// error and in a header, and the log line with the hidden error carries the same id. The
// unexpected error is real: the app is pointed at a database name the server does not have.
const lines: Record<string, any>[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
    done();
  },
});
const logger = pino({ level: 'error' }, sink);
const missing = new Database({
  uri: inject('neo4jUri'),
  user: inject('neo4jUser'),
  password: inject('neo4jPassword'),
  database: 'parley-no-such-database',
  logger: quiet,
});
const config = {
  env: 'test' as const,
  graphiql: false,
  queryStats: false,
  security: loadConfig({}).security,
};
const app = createApp({ config, database: missing, logger });
afterAll(() => missing.close());

async function post(query: string, headers: Record<string, string> = {}) {
  const res = await app.fetch('http://parley.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    res,
    body: (await res.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] },
  };
}

describe('request ids', () => {
  it('returns the request id of a masked internal error in its extensions and a header, and logs the hidden error under it', async () => {
    const { res, body } = await post('{ nodeCounts { label count } }', {
      [REQUEST_ID_HEADER]: 'client-req-42',
    });
    const error = body.errors?.[0];
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error?.message).not.toMatch(/parley-no-such-database/);
    expect(error?.extensions?.requestId).toBe('client-req-42');
    expect(res.headers.get(REQUEST_ID_HEADER)).toBe('client-req-42');
    const logged = lines.find((l) => l.requestId === 'client-req-42');
    expect(logged?.msg).toMatch(/masked/);
    expect(JSON.stringify(logged?.err)).toMatch(/parley-no-such-database/);
  });

  it('makes up an id when the client sends none or an unusable one, and answers it in the header', async () => {
    const none = await post('{ __typename }');
    expect(none.res.headers.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await post('{ __typename }', { [REQUEST_ID_HEADER]: 'x'.repeat(65) });
    expect(bad.res.headers.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    expect(bad.res.headers.get(REQUEST_ID_HEADER)).not.toBe(none.res.headers.get(REQUEST_ID_HEADER));
  });

  it('uses the id it made up in the header, the error and the log line alike', async () => {
    const { res, body } = await post('{ nodeCounts { label count } }');
    const id = res.headers.get(REQUEST_ID_HEADER);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.errors?.[0]?.extensions?.requestId).toBe(id);
    expect(lines.some((l) => l.requestId === id && /masked/.test(l.msg))).toBe(true);
  });
});
