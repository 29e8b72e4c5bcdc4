import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey, parseApiKeys } from '../../src/auth.ts';
import { loadConfig } from '../../src/config.ts';
import { loadCodebook } from '../../src/modules/ingest/codebook.ts';
import { makeBundle } from '../support/bundles.ts';
import { execute, request, TestHelper, testApp } from '../support/harness.ts';

const helper = new TestHelper('writes');
const db = helper.database;
const keys = {
  reader: 'reader-key-0123456789',
  editor: 'editor-key-0123456789',
  admin: 'admin-key-0123456789',
};
const security = {
  ...loadConfig({}).security,
  apiKeys: parseApiKeys(
    Object.entries(keys)
      .map(([role, key]) => `${role}:${hashKey(key)}`)
      .join(','),
  ),
};
const app = testApp(db, { security });
const privateApp = testApp(db, { security: { ...security, publicReads: false } });
const as = (role: keyof typeof keys) => ({ authorization: `Bearer ${keys[role]}` });

beforeAll(async () => {
  await loadCodebook(db);
});
afterAll(async () => {
  await helper.cleanup();
  await helper.close();
});

const INGEST = 'mutation($b: JSON!) { ingestArticle(bundle: $b) { articleId outcome nodesCreated } }';

describe('access control', () => {
  it('refuses a mutation without a key (UNAUTHENTICATED) and with a reader key (FORBIDDEN)', async () => {
    const none = await request<any>(app, INGEST, { b: makeBundle(helper.id('a')) });
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(none.status).toBe(401);
    const reader = await request<any>(app, INGEST, { b: makeBundle(helper.id('a')) }, as('reader'));
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(reader.errors?.[0]?.message).toMatch(/editor/);
    const wrong = await request<any>(
      app,
      INGEST,
      { b: makeBundle(helper.id('a')) },
      { authorization: 'Bearer nope' },
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const [r] = await helper.run('MATCH (a:Article {id: $id}) RETURN count(a) AS n', {
      id: helper.id('a-article'),
    });
    expect(r?.n).toBe(0);
  });

  it('lets reads be public or keyed, by configuration', async () => {
    expect((await request<any>(app, '{ nodeCounts { label } }')).errors).toBeUndefined();
    const refused = await request<any>(privateApp, '{ nodeCounts { label } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (await request<any>(privateApp, '{ nodeCounts { label } }', {}, as('reader'))).errors,
    ).toBeUndefined();
    expect(
      (await request<any>(privateApp, '{ nodeCounts { label } }', {}, as('admin'))).errors,
    ).toBeUndefined();
  });

  it('configures keys by their SHA-256 only, and refuses a malformed key list', () => {
    expect(JSON.stringify(security.apiKeys)).not.toContain(keys.editor);
    expect(() => parseApiKeys('editor:abc')).toThrow(/role:sha256hex/);
    expect(() => parseApiKeys(`owner:${hashKey('x')}`)).toThrow();
  });
});

describe('ingestArticle', () => {
  it('ingests through the same path as the CLI, and a second time changes nothing', async () => {
    const b = makeBundle(helper.id('b'));
    const first = await execute<any>(app, INGEST, { b }, as('editor'));
    expect(first.data.ingestArticle).toMatchObject({ articleId: helper.id('b-article'), outcome: 'CREATED' });
    expect(first.data.ingestArticle.nodesCreated).toBeGreaterThan(5);
    const again = await execute<any>(app, INGEST, { b }, as('editor'));
    expect(again.data.ingestArticle.outcome).toBe('UNCHANGED');
  });

  it('refuses an invalid bundle with BUNDLE_INVALID, naming each bad field, and writes nothing', async () => {
    const b = makeBundle(helper.id('c')) as any;
    b.events[1].participants[0].role = 'VILLAIN';
    b.events[0].mentions[0].start += 2;
    const res = await request<any>(app, INGEST, { b }, as('editor'));
    expect(res.errors?.[0]?.extensions?.code).toBe('BUNDLE_INVALID');
    const paths = ((res.errors?.[0]?.extensions?.issues ?? []) as any[]).map((i) => i.path);
    // Both faults: one of the shape, one found only by checking the quote against the text.
    expect(paths).toEqual(['events[1].participants[0].role', 'events[0].mentions[0].quote']);
    const [r] = await helper.run('MATCH (n) WHERE n.id STARTS WITH $p RETURN count(n) AS n', {
      p: helper.id('c'),
    });
    expect(r?.n).toBe(0);
  });
});

describe('curation', () => {
  it('adds an alias as a set member', async () => {
    await execute<any>(app, INGEST, { b: makeBundle(helper.id('d')) }, as('editor'));
    const m = 'mutation($id: ID!, $a: String!) { addAlias(actorId: $id, alias: $a) { aliases } }';
    const once = await execute<any>(app, m, { id: helper.id('d-alpha'), a: 'Alfa' }, as('editor'));
    const twice = await execute<any>(app, m, { id: helper.id('d-alpha'), a: 'Alfa' }, as('editor'));
    expect(once.data.addAlias.aliases).toContain('Alfa');
    expect(twice.data.addAlias.aliases).toEqual(once.data.addAlias.aliases);
    const missing = await request<any>(app, m, { id: helper.id('nobody'), a: 'X' }, as('editor'));
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('merges two actors, moving participations, facts with their quotes, and names; later bundles follow the redirect', async () => {
    const p = helper.id('e');
    await execute<any>(app, INGEST, { b: makeBundle(p) }, as('editor'));
    // A second article calls Alpha by another id: the duplicate to merge.
    const dup = makeBundle(`${p}2`) as any;
    await execute<any>(app, INGEST, { b: dup }, as('editor'));
    const res = await execute<any>(
      app,
      `mutation($keep: ID!, $gone: ID!) { mergeActors(keepId: $keep, mergeId: $gone) { actor { id aliases } participations facts documentLinks } }`,
      { keep: `${p}-alpha`, gone: `${p}2-alpha` },
      as('editor'),
    );
    const merged = res.data.mergeActors;
    expect(merged.actor.id).toBe(`${p}-alpha`);
    expect(merged.participations).toBe(2);
    expect(merged.facts).toBe(1);
    expect(merged.documentLinks).toBe(1);
    const check = await execute<any>(
      app,
      `query($id: ID!, $gone: ID!) { actor(id: $id) { events { totalCount } memberships { id mentions { quote } } } gone: actor(id: $gone) { id } }`,
      { id: `${p}-alpha`, gone: `${p}2-alpha` },
    );
    expect(check.data.gone).toBeNull();
    expect(check.data.actor.events.totalCount).toBe(4);
    const facts = check.data.actor.memberships;
    expect(facts.map((f: any) => f.id).sort()).toEqual([
      `MEMBER_OF:${p}-alpha:${p}-gamma`,
      `MEMBER_OF:${p}-alpha:${p}2-gamma`,
    ]);
    for (const f of facts)
      expect(f.mentions.map((m: any) => m.quote)).toEqual(['Alpha is a member of Gamma.']);

    // Re-ingesting the duplicate's article (forced) lands on the surviving actor.
    await execute<any>(
      app,
      'mutation($b: JSON!) { ingestArticle(bundle: $b, force: true) { outcome } }',
      { b: dup },
      as('editor'),
    );
    const [after] = await helper.run('MATCH (a:Actor {id: $id}) RETURN count(a) AS n', { id: `${p}2-alpha` });
    expect(after?.n).toBe(0);
  });

  it('refuses to merge an actor into itself as bad input, naming both arguments, and changes nothing', async () => {
    const p = helper.id('self');
    await execute<any>(app, INGEST, { b: makeBundle(p) }, as('editor'));
    const res = await request<any>(
      app,
      'mutation($id: ID!) { mergeActors(keepId: $id, mergeId: $id) { participations } }',
      { id: `${p}-alpha` },
      as('editor'),
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.argument).toBe('mergeId');
    expect(res.errors?.[0]?.message).toMatch(/keepId and mergeId .*itself/);
    const [row] = await helper.run(
      'MATCH (a:Actor {id: $id}) OPTIONAL MATCH (a)-[r:PARTICIPATED_IN]->() RETURN count(DISTINCT a) AS actors, count(r) AS participations',
      { id: `${p}-alpha` },
    );
    expect(row).toEqual({ actors: 1, participations: 2 });
  });

  it('corrects an event date and type, and a re-ingest does not undo it', async () => {
    const p = helper.id('f');
    const b = makeBundle(p);
    await execute<any>(app, INGEST, { b }, as('editor'));
    const m = `mutation($id: ID!) { correctEvent(eventId: $id, cameoCode: "036",
      date: { earliest: "2023-03-01", latest: "2023-03-31", precision: MONTH, qualifier: EARLY, text: "début mars" }) {
      cameoCode type { code } date { earliest latest precision qualifier text } } }`;
    const res = await execute<any>(app, m, { id: `${p}-meeting` }, as('editor'));
    expect(res.data.correctEvent.type.code).toBe('036');
    expect(res.data.correctEvent.date).toEqual({
      earliest: '2023-03-01',
      latest: '2023-03-31',
      precision: 'MONTH',
      qualifier: 'EARLY',
      text: 'début mars',
    });
    await execute<any>(
      app,
      'mutation($b: JSON!) { ingestArticle(bundle: $b, force: true) { outcome } }',
      { b },
      as('editor'),
    );
    const back = await execute<any>(
      app,
      'query($id: ID!) { event(id: $id) { type { code } date { precision } } }',
      {
        id: `${p}-meeting`,
      },
    );
    expect(back.data.event).toEqual({ type: { code: '036' }, date: { precision: 'MONTH' } });
    const bad = await request<any>(
      app,
      'mutation($id: ID!) { correctEvent(eventId: $id, date: { earliest: "2023-04-01", latest: "2023-03-01", precision: DAY }) { id } }',
      { id: `${p}-meeting` },
      as('editor'),
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknownType = await request<any>(
      app,
      'mutation($id: ID!) { correctEvent(eventId: $id, cameoCode: "999") { id } }',
      { id: `${p}-meeting` },
      as('editor'),
    );
    expect(unknownType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
