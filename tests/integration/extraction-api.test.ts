import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey, parseApiKeys } from '../../src/auth.ts';
import { loadConfig } from '../../src/config.ts';
import { bundleSchema } from '../../src/modules/ingest/bundle.ts';
import { seed } from '../../src/modules/ingest/seed.ts';
import { request, TestHelper, testApp } from '../support/harness.ts';

// extractArticle through the whole GraphQL stack, on the shared Neo4j with the seed loaded.
const helper = new TestHelper('extraction api');
const db = helper.database;
const keys = { reader: 'extract-reader-key-0123456789', editor: 'extract-editor-key-0123456789' };
const security = {
  ...loadConfig({}).security,
  apiKeys: parseApiKeys(
    Object.entries(keys)
      .map(([role, key]) => `${role}:${hashKey(key)}`)
      .join(','),
  ),
};
const app = testApp(db, { security });
const as = (role: keyof typeof keys) => ({ authorization: `Bearer ${keys[role]}` });

const SEED_TEXT = readFileSync(new URL('../../data/seed/bbabo-2022-02-09.txt', import.meta.url), 'utf8');
const bundleJsonSchema = JSON.parse(
  readFileSync(new URL('../../schema/bundle.schema.json', import.meta.url), 'utf8'),
);
// No ajv-formats here: the dates and the URL are checked by bundleSchema (zod) beside it.
const validateBundleJson = new Ajv2020.default({
  allErrors: true,
  strict: false,
  validateFormats: false,
}).compile(bundleJsonSchema);

const EXTRACT = `query($input: ExtractArticleInput!) {
  extractArticle(input: $input) {
    engine language languageSource languageConfidence bundle
    sentences { start end quote }
    actors { id name kind status countryCode newAliases confidence
      evidence { rule entry detail } warnings { code message }
      mentions { start end quote sentence via confidence evidence { rule } } }
    events { id cameoCode cameoName status summary sentence confidence
      trigger { start end quote } mention { start end quote }
      roles { actorId role confidence mention { start end quote } evidence { rule } warnings { code } }
      date { earliest latest precision qualifier text sentence confidence span { start end quote } evidence { rule } }
      evidence { rule entry } warnings { code message } }
    facts { type subjectId objectId title sentence confidence mention { start end quote } evidence { rule } }
    warnings { code message }
  }
}`;

interface Span {
  start: number;
  end: number;
  quote: string;
}

async function graphSize(): Promise<{ nodes: number; rels: number }> {
  const [row] = await helper.run<{ nodes: number; rels: number }>(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
  );
  return row!;
}

const seedInput = {
  text: SEED_TEXT,
  publishedAt: '2022-02-09',
  publisher: 'bbabo.net',
  title: 'Minsk est prêt',
};

beforeAll(async () => {
  await seed(db);
});
afterAll(async () => {
  await helper.cleanup();
  await helper.close();
});

describe('extractArticle', () => {
  it('extracts a draft from the seed text whose bundle validates, with exact offsets, and writes nothing', async () => {
    const before = await graphSize();
    const res = await request<any>(app, EXTRACT, { input: seedInput }, as('editor'));
    expect(res.errors).toBeUndefined();
    const draft = res.data.extractArticle;
    expect(draft.language).toBe('fr');
    expect(draft.languageSource).toBe('DETECTED');
    expect(draft.languageConfidence).toBeGreaterThan(0);
    expect(draft.languageConfidence).toBeLessThanOrEqual(1);
    expect(bundleSchema.safeParse(draft.bundle).success).toBe(true);
    expect(validateBundleJson(draft.bundle), JSON.stringify(validateBundleJson.errors)).toBe(true);
    expect(draft.bundle.article.text).toBe(SEED_TEXT);
    expect(draft.bundle.article.publishedAt).toBe('2022-02-09');
    expect(draft.bundle.article.id).toMatch(/^bbabo-net-2022-02-09-/);
    expect(draft.sentences.length).toBeGreaterThan(10);
    const spans: Span[] = [
      ...draft.sentences,
      ...draft.actors.flatMap((a: any) => a.mentions),
      ...draft.events.flatMap((e: any) => [
        e.trigger,
        e.mention,
        ...e.roles.map((r: any) => r.mention),
        e.date.span,
      ]),
      ...draft.facts.map((f: any) => f.mention),
    ].filter(Boolean);
    for (const s of spans) expect(SEED_TEXT.slice(s.start, s.end)).toBe(s.quote);
    const bundleEvents = new Set((draft.bundle.events ?? []).map((e: any) => e.id));
    for (const e of draft.events) {
      expect(bundleEvents.has(e.id)).toBe(true);
      expect(e.sentence).toBeLessThan(draft.sentences.length);
      expect(e.confidence).toBeGreaterThanOrEqual(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
    }
    // THE REAL ENGINE'S ASSERTION: the stub found nothing; the rules engine must find an event in
    // the seed article. (The only count this file asserts.)
    expect(draft.events.length).toBeGreaterThanOrEqual(1);
    expect(await graphSize()).toEqual(before);
  });

  it('takes the language from the input when given, as METADATA with confidence 1', async () => {
    const res = await request<any>(
      app,
      'query($input: ExtractArticleInput!) { extractArticle(input: $input) { language languageSource languageConfidence } }',
      { input: { ...seedInput, language: 'FR' } },
      as('editor'),
    );
    expect(res.data?.extractArticle).toEqual({
      language: 'fr',
      languageSource: 'METADATA',
      languageConfidence: 1,
    });
  });

  it('gives an empty draft with NOTHING_FOUND, not an error, for a text with nothing to extract', async () => {
    const res = await request<any>(
      app,
      'query($input: ExtractArticleInput!) { extractArticle(input: $input) { events { id } warnings { code } bundle } }',
      {
        input: {
          text: 'The weather was mild and the gardens were full of flowers all afternoon.',
          publishedAt: '2023-06-01',
          language: 'EN',
        },
      },
      as('editor'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.extractArticle.events).toEqual([]);
    expect(res.data.extractArticle.warnings.map((w: any) => w.code)).toContain('NOTHING_FOUND');
    expect(bundleSchema.safeParse(res.data.extractArticle.bundle).success).toBe(true);
  });

  it('gives every bad input its code, never a 500, and writes nothing', async () => {
    const before = await graphSize();
    const cases: [string, Record<string, unknown>][] = [
      ['TEXT_EMPTY', { text: '  \n ' }],
      ['TEXT_TOO_LARGE', { text: 'a'.repeat(200_001) }],
      ['TEXT_BINARY', { text: 'PK\u0003\u0004\u0000\u0000 archive' }],
      ['TEXT_IS_HTML', { text: '<html><body><div><p>Le ministre</p><br></div></body></html>' }],
      ['TEXT_INVALID_UNICODE', { text: 'Le ministre \uD800 est arrivé.' }],
      ['LANGUAGE_UNDETECTED', { text: '12345 67890 2022 !!!' }],
      ['PUBLISHED_AT_IN_FUTURE', { publishedAt: '2999-01-01' }],
    ];
    for (const [code, change] of cases) {
      const res = await request<any>(app, EXTRACT, { input: { ...seedInput, ...change } }, as('editor'));
      expect(res.status, code).toBeLessThan(500);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe(code);
      expect(res.errors?.[0]?.message).not.toMatch(/Unexpected error/);
    }
    // The contract's enum refuses an unknown language before the resolver: its code is the
    // schema's; a missing or malformed Date is refused by the Date! type the same way.
    const schemaRefusals: Record<string, unknown>[] = [
      { language: 'ES' },
      { publishedAt: '2022-02-30' },
      { publishedAt: undefined },
    ];
    for (const change of schemaRefusals) {
      const res = await request<any>(app, EXTRACT, { input: { ...seedInput, ...change } }, as('editor'));
      expect(res.status).toBeLessThan(500);
      expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(res.errors?.[0]?.extensions?.code);
    }
    expect(await graphSize()).toEqual(before);
  });

  it('refuses readers (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    const reader = await request<any>(app, EXTRACT, { input: seedInput }, as('reader'));
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(reader.errors?.[0]?.message).toMatch(/editor key/);
    expect(reader.status).toBe(403);
    const anonymous = await request<any>(app, EXTRACT, { input: seedInput });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.status).toBe(401);
    expect(anonymous.data?.extractArticle).toBeUndefined();
  });
});
