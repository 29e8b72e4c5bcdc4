import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey, parseApiKeys } from '../../src/auth.ts';
import { loadConfig } from '../../src/config.ts';
import { type HttpServer, listen } from '../../src/http/server.ts';
import { seed } from '../../src/modules/ingest/seed.ts';
import { makeBundle } from '../support/bundles.ts';
import { logger, testApp, testDatabase } from '../support/harness.ts';

// Bad input through the real HTTP stack: every case must get a clear error with a stable
// code (or, for input that is merely data, a normal answer), never a 500, never internals,
// and must leave the graph exactly as it was.
const db = testDatabase();
const EDITOR = 'bad-input-editor-key-0123456789';
const security = {
  ...loadConfig({}).security,
  apiKeys: parseApiKeys(`editor:${hashKey(EDITOR)}`),
  maxBodyBytes: 2 * 1024 * 1024,
};
let server: HttpServer;
let tried = 0;

const STABLE_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'BUNDLE_INVALID',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'PAYLOAD_TOO_LARGE',
  'LENGTH_REQUIRED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNSUPPORTED_MEDIA_TYPE',
]);
const INTERNALS = /Neo4jError|neo4j-driver|\bMATCH \(|Cypher|\bat [\w.<>]+ \(|node_modules|\/work\/|stack/;

async function counts() {
  const r = await db.driver.executeQuery(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
  );
  return { nodes: r.records[0]!.get('nodes').toNumber(), rels: r.records[0]!.get('rels').toNumber() };
}

interface Outcome {
  status: number;
  text: string;
  body: any;
}

async function send(init: RequestInit & { path?: string }): Promise<Outcome> {
  tried += 1;
  const res = await fetch(`${server.url}${init.path ?? '/graphql'}`, init);
  const text = await res.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Checked by the caller: every refusal here is JSON.
  }
  return { status: res.status, text, body };
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  send({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** A refusal: not a 500, JSON with a stable code, and nothing about the server's insides. */
function expectClearError(o: Outcome, code?: string) {
  expect(o.status, o.text.slice(0, 300)).toBeLessThan(500);
  expect(o.body, o.text.slice(0, 300)).toBeTruthy();
  const errors = o.body.errors as any[];
  expect(errors?.length, o.text.slice(0, 300)).toBeGreaterThan(0);
  for (const e of errors) {
    const c = e.extensions?.code;
    expect(STABLE_CODES.has(c), `unstable code ${c}: ${o.text.slice(0, 300)}`).toBe(true);
    if (code) expect(c).toBe(code);
  }
  expect(o.text).not.toMatch(INTERNALS);
}

/** An answer: the input was treated as data, not as syntax. */
function expectAnswer(o: Outcome) {
  expect(o.status, o.text.slice(0, 300)).toBeLessThan(500);
  expect(o.text).not.toMatch(INTERNALS);
  if (o.body?.errors) expectClearError(o);
}

let before: { nodes: number; rels: number };

beforeAll(async () => {
  await seed(db);
  const app = testApp(db, { security });
  server = await listen(app, '127.0.0.1', 0, logger);
  before = await counts();
});

afterAll(async () => {
  await server.close(1_000);
  process.stdout.write(`[bad-input] ${tried} bad inputs tried\n`);
  await db.close();
});

describe('malformed requests', () => {
  it('refuses malformed JSON, wrong content types, empty and non-object bodies', async () => {
    expectClearError(await post('{"query": "{ __typename }"'));
    expectClearError(await post('[1, 2, 3]'));
    expectClearError(await post('"just a string"'));
    expectClearError(await post(''));
    expectClearError(
      await send({ method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<q/>' }),
    );
    expectClearError(
      await send({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ __typename }' }),
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectClearError(await send({ method: 'GET' }));
    expectClearError(await post({ query: 42 }));
    expectClearError(await post({ query: '{ __typename }', variables: 'not an object' }));
    expectClearError(await post({ query: '{ actor(id: ) }' }));
  });

  it('refuses a body over the size limit, and a POST of unknown length', async () => {
    expectClearError(
      await post({ query: `{ search(text: "${'a'.repeat(3 * 1024 * 1024)}") { score } }` }),
      'PAYLOAD_TOO_LARGE',
    );
    const { request } = await import('node:http');
    tried += 1;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${server.url}/graphql`,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('{"query":"{ __typename }"}');
      req.end();
    });
    expect(status).toBe(411);
  });
});

describe('queries built to hurt', () => {
  it('refuses a query 30 levels deep and one with 500 aliases', async () => {
    let deep = 'name';
    for (let i = 0; i < 15; i++) deep = `events { nodes { participants { actor { ${deep} } } } }`;
    expectClearError(await post({ query: `{ actor(id: "belarus") { ${deep} } }` }), 'QUERY_TOO_COMPLEX');
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: actor(id: "belarus") { name }`).join(' ');
    expectClearError(await post({ query: `{ ${aliases} }` }), 'QUERY_TOO_COMPLEX');
  });

  it('refuses circular fragments, unknown fields, too many tokens and directives', async () => {
    expectClearError(
      await post({
        query: '{ actor(id: "belarus") { ...A } } fragment A on Actor { ...B } fragment B on Actor { ...A }',
      }),
    );
    expectClearError(
      await post({ query: '{ actor(id: "belarus") { password } }' }),
      'GRAPHQL_VALIDATION_FAILED',
    );
    expectClearError(await post({ query: `{ ${'__typename '.repeat(6000)} }` }));
    expectClearError(await post({ query: `{ __typename ${'@include(if: true) '.repeat(60)} }` }));
  });

  it('refuses a 1 MB string argument and wrong variable types', async () => {
    expectClearError(
      await post({
        query: 'query($t: String!) { search(text: $t) { score } }',
        variables: { t: 'x'.repeat(1024 * 1024) },
      }),
      'BAD_USER_INPUT',
    );
    expectClearError(
      await post({ query: 'query($n: Int) { events(first: $n) { totalCount } }', variables: { n: 'ten' } }),
    );
    expectClearError(
      await post({ query: 'query($n: Int) { events(first: $n) { totalCount } }', variables: { n: 1e12 } }),
    );
    expectClearError(
      await post({
        query: 'query($d: Date) { events(filter: { from: $d }) { totalCount } }',
        variables: { d: '2022-02-30' },
      }),
    );
  });
});

const INJECTIONS = [
  `"}) MATCH (n) DETACH DELETE n //`,
  `' OR 1=1 //`,
  '` RETURN 1 //',
  '$(label)',
  '*:*',
  'name:* OR aliases:*',
  '"unbalanced',
  'a~2 AND (b OR',
  '\\',
  '\u202Eevil\u202C',
  'zero\u200Bwidth',
  'nul\u0000byte',
  'lone \uD800 surrogate',
  '🇧🇾🔥',
  'e\u0301\u0301\u0301',
  '../../etc/passwd',
  '<script>alert(1)</script>',
];

describe('injection strings in every string argument', () => {
  const ID_FIELDS = [
    ['query($s: ID!) { actor(id: $s) { id } }', 'BAD_USER_INPUT'],
    ['query($s: ID!) { event(id: $s) { id } }', 'BAD_USER_INPUT'],
    ['query($s: ID!) { article(id: $s) { id } }', 'BAD_USER_INPUT'],
    ['query($s: ID!) { document(id: $s) { id } }', 'BAD_USER_INPUT'],
    ['query($s: String!) { eventType(code: $s) { code } }', 'BAD_USER_INPUT'],
    ['query($s: ID!) { neighborhood(actorId: $s) { center } }', 'BAD_USER_INPUT'],
    ['query($s: ID!) { paths(from: $s, to: "nato") { length } }', 'BAD_USER_INPUT'],
    ['query($s: ID!) { paths(from: "belarus", to: $s) { length } }', 'BAD_USER_INPUT'],
    ['query($s: ID!) { relation(a: $s, b: "nato") { sharedEventCount } }', 'BAD_USER_INPUT'],
    ['query($s: ID!) { provenance(eventId: $s) { sourceCount } }', 'BAD_USER_INPUT'],
    ['query($s: ID!) { provenance(factId: $s) { sourceCount } }', 'BAD_USER_INPUT'],
    ['query($s: ID!) { events(filter: { actorId: $s }) { totalCount } }', 'BAD_USER_INPUT'],
    ['query($s: String) { events(filter: { type: $s }) { totalCount } }', 'BAD_USER_INPUT'],
    ['query($s: String) { events(filter: { typePrefix: $s }) { totalCount } }', 'BAD_USER_INPUT'],
    ['query($s: String) { events(after: $s) { totalCount } }', 'BAD_USER_INPUT'],
    [
      'query($s: ID!) { eventHistogram(filter: { actorId: $s }, interval: MONTH) { count } }',
      'BAD_USER_INPUT',
    ],
  ] as const;

  it('refuses each as a malformed id, code or cursor', async () => {
    for (const [query, code] of ID_FIELDS) {
      for (const s of INJECTIONS) {
        const o = await post({ query, variables: { s } });
        expectClearError(o, code);
      }
    }
  });

  it('treats them as plain data where any text is allowed', async () => {
    const TEXT_FIELDS = [
      'query($s: String!) { search(text: $s) { node { id } } }',
      'query($s: String) { actors(filter: { countryCode: $s }) { totalCount } }',
      'query($s: String) { articles(publisher: $s) { totalCount } }',
      'query($s: String) { articles(language: $s) { totalCount } }',
    ];
    for (const query of TEXT_FIELDS) {
      for (const s of INJECTIONS) expectAnswer(await post({ query, variables: { s } }));
    }
    for (const s of INJECTIONS) {
      const o = await post(
        {
          query: 'mutation($s: String!) { addAlias(actorId: "belarus-nope", alias: $s) { id } }',
          variables: { s },
        },
        { authorization: `Bearer ${EDITOR}` },
      );
      expectClearError(o);
    }
  });
});

describe('invalid bundles', () => {
  it('refuses each with BUNDLE_INVALID and writes nothing', async () => {
    const base = () => makeBundle(`tbad${Date.now().toString(36)}`) as any;
    const nothing = await post(
      { query: 'mutation($b: JSON!) { ingestArticle(bundle: $b) { outcome } }', variables: { b: null } },
      { authorization: `Bearer ${EDITOR}` },
    );
    expectClearError(nothing, 'BAD_USER_INPUT');
    const bad: unknown[] = [
      42,
      'a bundle',
      [],
      {},
      { ...base(), bundleVersion: 2 },
      (() => {
        const b = base();
        delete b.article;
        return b;
      })(),
      (() => {
        const b = base();
        b.events[0].mentions[0].end = 1e9;
        return b;
      })(),
      (() => {
        const b = base();
        b.events[0].cameoCode = '999';
        return b;
      })(),
      (() => {
        const b = base();
        b.events[1].participants = [];
        return b;
      })(),
      (() => {
        const b = base();
        b.actors[0].id = 'Not A Slug';
        return b;
      })(),
      (() => {
        const b = base();
        b.events[0].date = { earliest: '2023-13-01', latest: '2023-01-01', precision: 'DAY' };
        return b;
      })(),
      (() => {
        const b = base();
        b.events[0].participants[0].actorId = 'nobody-at-all';
        return b;
      })(),
      (() => {
        const b = base();
        b.actors[0].aliases = Array.from({ length: 500 }, (_, i) => `alias ${i}`);
        return b;
      })(),
      (() => {
        const b = base();
        b.eventLinks = [{ type: 'CAUSES', from: b.events[0].id, to: b.events[1].id }];
        return b;
      })(),
    ];
    for (const b of bad) {
      const o = await post(
        { query: 'mutation($b: JSON!) { ingestArticle(bundle: $b) { outcome } }', variables: { b } },
        { authorization: `Bearer ${EDITOR}` },
      );
      expectClearError(o, 'BUNDLE_INVALID');
      expect(o.body.errors[0].extensions.issues.length).toBeGreaterThan(0);
    }
  });
});

describe('after all of it', () => {
  it('left the graph exactly as it was', async () => {
    expect(await counts()).toEqual(before);
    expect(tried).toBeGreaterThan(300);
  });
});
