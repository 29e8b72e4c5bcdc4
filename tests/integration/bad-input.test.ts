import { type Logger, pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { hashKey, parseApiKeys } from '../../src/auth.ts';
import { loadConfig } from '../../src/config.ts';
import { type HttpServer, listen } from '../../src/http/server.ts';
import { seed } from '../../src/modules/ingest/seed.ts';
import { makeBundle } from '../support/bundles.ts';
import { request, TestHelper, testDatabase } from '../support/harness.ts';
import { DASHBOARD, EXPLOSION } from '../support/operations.ts';

// Bad input through the real HTTP stack: every case must get a clear error with a stable
// code (or, for input that is merely data, a normal answer), never a 500, never internals,
// and must leave the graph exactly as it was.
const db = testDatabase();
const helper = new TestHelper('bad input', db);
const EDITOR = 'bad-input-editor-key-0123456789';
const security = {
  ...loadConfig({}).security,
  apiKeys: parseApiKeys(`editor:${hashKey(EDITOR)}`),
  maxBodyBytes: 2 * 1024 * 1024,
};
let server: HttpServer;
let app: App;
let tried = 0;

// What the server logged at warn or above: an unexpected error is masked for the client but
// logged, so a clean log is the server's own word that no input got past the guards.
type LoggedError = { extensions?: { code?: string; http?: { status?: number } } } | null;
const logged: { level: number; msg?: string; yoga?: LoggedError[] }[] = [];
const serverLogger: Logger = pino(
  { level: 'warn' },
  { write: (line: string) => void logged.push(JSON.parse(line)) },
);

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

async function counts(): Promise<{ nodes: number; rels: number }> {
  const [row] = await helper.run<{ nodes: number; rels: number }>(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
  );
  return row!;
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

/** An answer: HTTP 200, data and no errors; the input was treated as data, not as syntax. */
function expectData(o: Outcome, label: string): any {
  const context = `${label}: ${o.text.slice(0, 300)}`;
  expect(o.status, context).toBe(200);
  expect(o.body?.errors, context).toBeUndefined();
  expect(o.body?.data, context).toBeTruthy();
  return o.body.data;
}

let before: { nodes: number; rels: number };

beforeAll(async () => {
  await seed(db);
  app = createApp({
    config: { env: 'test', graphiql: false, queryStats: true, security },
    database: db,
    logger: serverLogger,
  });
  server = await listen(app, '127.0.0.1', 0, serverLogger);
  before = await counts();
});

afterAll(async () => {
  await server.close(1_000);
  process.stdout.write(`[bad-input] ${tried} bad inputs tried\n`);
  await helper.close();
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

describe('the node limit', () => {
  // graphql-armor's cost limit refused DASHBOARD (cost 169 562 > 50 000).
  it('answers the 50 × 20 dashboard with its data', async () => {
    const res = await request<any>(app, DASHBOARD);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.status).toBe(200);
    const [{ n }] = (await helper.run<{ n: number }>('MATCH (a:Actor) RETURN count(a) AS n')) as [
      { n: number },
    ];
    expect(res.data.actors.totalCount).toBe(n);
    expect(res.data.actors.edges).toHaveLength(Math.min(n, 50));
    // Whatever else the shared graph holds, each actor comes with its first page of events,
    // and each event with its participants, the actor among them.
    let events = 0;
    for (const { node: actor } of res.data.actors.edges) {
      expect(actor.events.edges.length, actor.id).toBe(Math.min(actor.events.totalCount, 20));
      for (const { node: event } of actor.events.edges) {
        expect(
          event.participants.map((p: any) => p.actor.id),
          event.id,
        ).toContain(actor.id);
        events += 1;
      }
    }
    expect(events).toBeGreaterThan(0);
  });

  it('refuses 100 × 100 × participants × 100 with its figure and the limit, before asking the database', async () => {
    const res = await request<any>(app, EXPLOSION);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      nodes: 10_110_100,
      maxNodes: 500_000,
    });
    expect(res.errors![0]!.message).toMatch(/up to 10,110,100 nodes; the limit is 500,000/);
    expect(res.extensions?.parley?.cypherQueries ?? 0).toBe(0);
  });

  it('counts sizes given through variables and fragments', async () => {
    const query = `query($a: Int, $e: Int) { actors(first: $a) { nodes { ...Recent } } }
      fragment Recent on Actor { events(first: $e) { nodes { participants { actor { events(first: $e) { totalCount } } } } } }`;
    const small = await request<any>(app, query, { a: 5, e: 5 });
    expect(small.errors, JSON.stringify(small.errors)).toBeUndefined();
    const big = await request<any>(app, query, { a: 100, e: 100 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', nodes: 10_110_100 });
  });

  it('refuses one list over maxList, naming the field, the size asked for and the maximum', async () => {
    const query = 'query($n: Int) { actors(first: 2) { nodes { events(first: $n) { totalCount } } } }';
    const res = await request<any>(app, query, { n: 500 });
    expect(res.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'actors.nodes.events',
      argument: 'first',
      size: 500,
      maxList: 100,
    });
    expect(res.errors?.[0]?.message).toBe(
      'actors.nodes.events asks for 500 rows (first: 500); a list may ask for at most 100.',
    );
  });

  it('answers with the same HTTP status as the other armor refusals, for either Accept', async () => {
    const status = async (query: string, accept: string) =>
      (
        await app.fetch('http://parley.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept },
          body: JSON.stringify({ query }),
        })
      ).status;
    const tokens = `{ ${'__typename '.repeat(6000)} }`;
    for (const accept of ['application/graphql-response+json', 'application/json']) {
      expect(await status(EXPLOSION, accept), accept).toBe(await status(tokens, accept));
    }
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

  it('answers each as plain data where any text is allowed, matching nothing and writing nothing', async () => {
    const graph = await counts();
    // No actor, article or publisher is named like an injection: a filter that matched
    // anything would have been read as syntax (`' OR 1=1`, `*:*`).
    const FILTERS = [
      ['query($s: String) { actors(filter: { countryCode: $s }) { totalCount } }', 'actors'],
      ['query($s: String) { articles(publisher: $s) { totalCount } }', 'articles'],
      ['query($s: String) { articles(language: $s) { totalCount } }', 'articles'],
    ] as const;
    for (const [query, root] of FILTERS) {
      for (const s of INJECTIONS) {
        const data = expectData(await post({ query, variables: { s } }), `${query} ${JSON.stringify(s)}`);
        expect(data[root].totalCount, `${query} ${JSON.stringify(s)}`).toBe(0);
      }
    }
    const everyone = await helper.run<{ n: number }>('MATCH (a:Actor) RETURN count(a) AS n');
    // Only strings that are search syntax could match everything if read as syntax; plain text
    // such as a lone accented «e» rightly matches every name with a word starting with e.
    for (const s of INJECTIONS.filter((x) => /[*:~()'"$`]/.test(x))) {
      const data = expectData(
        await post({
          query: 'query($s: String!) { search(text: $s, first: 50) { node { id } } }',
          variables: { s },
        }),
        `search ${JSON.stringify(s)}`,
      );
      expect(data.search.length, `search ${JSON.stringify(s)} found every actor`).toBeLessThan(
        Math.min(everyone[0]!.n, 50),
      );
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
      // Unknown actor, or (for a control character) a bad alias; never an alias added elsewhere.
      expect(['NOT_FOUND', 'BAD_USER_INPUT'], o.text).toContain(o.body.errors[0].extensions.code);
    }
    expect(await counts()).toEqual(graph);
    const PLANTED = 'MATCH (a:Actor) WHERE any(x IN a.aliases WHERE x IN $forms) RETURN a.id AS id';
    const planted = await helper.run(PLANTED, { forms: INJECTIONS });
    expect(planted).toEqual([]);
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
  it('left the graph exactly as it was, and logged no unexpected error', async () => {
    expect(await counts()).toEqual(before);
    // Yoga logs every error it returns. The client's carry a stable code, or (variable
    // coercion) a 4xx status; a masked internal error is logged by the app with neither.
    const client = (e: LoggedError) =>
      STABLE_CODES.has(e?.extensions?.code ?? '') || (e?.extensions?.http?.status ?? 500) < 500;
    const unexpected = logged.filter((l) => l.level >= 50 && !l.yoga?.every(client));
    expect(logged.length).toBeGreaterThan(0);
    expect(unexpected).toEqual([]);
  });
});
