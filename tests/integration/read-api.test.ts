import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../src/modules/ingest/seed.ts';
import { EXAMPLE_OPERATIONS } from '../../src/schema/examples.ts';
import { execute, request, TestHelper, testApp } from '../support/harness.ts';

// Reads the seed only, which stays (docs/decisions.md, "Tests leave the reference data").
const helper = new TestHelper('read api');
const db = helper.database;
const app = testApp(db);

beforeAll(async () => {
  await seed(db);
});
afterAll(async () => {
  await helper.cleanup();
  await helper.close();
});

describe('the read API on the seed article', () => {
  it('answers "who said what on 9 February 2022" with the speakers and their quotes', async () => {
    const { data } = await execute<any>(app, EXAMPLE_OPERATIONS[0]!.query);
    const events = data.events.nodes;
    expect(data.events.totalCount).toBe(events.length);
    expect(events.length).toBe(4);
    for (const e of events) {
      expect(e.speakers.map((s: any) => s.actor.name)).toEqual(['Sergei Aleinik']);
      expect(e.onBehalfOf.map((s: any) => s.actor.name)).toEqual(['Belarus']);
      expect(e.partOf.map((p: any) => p.summary)[0]).toMatch(/Valdai/);
      expect(e.mentions[0].article.publisher).toBe('bbabo.net');
    }
    const quotes = events.flatMap((e: any) => e.mentions.map((m: any) => m.quote));
    expect(quotes).toContain('Nous sommes prêts à prendre part à ce processus');
  });

  it("answers Russia's proposals with their documents and the US and NATO replies", async () => {
    const { data } = await execute<any>(app, EXAMPLE_OPERATIONS[1]!.query);
    const proposals = data.actor.events.nodes;
    const drafts = proposals.find((e: any) => e.date.earliest === '2021-12-17');
    expect(drafts.date).toEqual({
      earliest: '2021-12-17',
      latest: '2021-12-17',
      precision: 'DAY',
      text: 'le 17 décembre 2021',
    });
    expect(drafts.documents.map((d: any) => d.kind).sort()).toEqual(['DRAFT_AGREEMENT', 'DRAFT_TREATY']);
    const repliers = drafts.responses
      .flatMap((r: any) => r.participants.map((p: any) => p.actor.name))
      .sort();
    expect(repliers).toEqual(['NATO', 'United States']);
    for (const r of drafts.responses) {
      expect(r.date).toMatchObject({
        earliest: '2022-01-21',
        latest: '2022-01-31',
        precision: 'MONTH',
        qualifier: 'LATE',
      });
    }
    const lavrov = proposals.find((e: any) => e.date.earliest === '2022-01-28');
    expect(lavrov.followedBy[0].summary).toMatch(/quick reply/);
  });

  it('answers "everything about Belarus"', async () => {
    const { data } = await execute<any>(app, EXAMPLE_OPERATIONS[2]!.query);
    const b = data.actor;
    expect(b.__typename).toBe('Country');
    expect(b.aliases).toEqual(expect.arrayContaining(['Minsk', 'Biélorussie', 'Беларусь']));
    expect(b.memberships.map((m: any) => m.object.name)).toEqual(['Collective Security Treaty Organization']);
    expect(b.parts[0].subject.positionHolders[0]).toEqual({
      subject: { name: 'Sergei Aleinik' },
      title: 'Deputy Minister of Foreign Affairs',
    });
    expect(b.events.totalCount).toBe(4);
    expect(b.neighbors[0]).toEqual({ actor: { name: 'Sergei Aleinik' }, sharedEvents: 4 });
    expect(data.search[0].node.id).toBe('belarus');
  });

  it('serves GraphiQL with the example operations outside production', async () => {
    const withGraphiql = testApp(db, { graphiql: true });
    const res = await withGraphiql.fetch('http://parley.test/graphql', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('WhoSaidWhat');
    expect(html).toContain('ProposalsAndReplies');
    const prod = testApp(db, { graphiql: false });
    const off = await prod.fetch('http://parley.test/graphql', { headers: { accept: 'text/html' } });
    expect(await off.text()).not.toContain('WhoSaidWhat');
  });

  it('finds actors whatever the accents, case, language, or an unfinished word', async () => {
    for (const text of ['Biélorussie', 'bielorussie', 'BIÉLORUSSIE', 'Беларусь', 'Biélo']) {
      const { data } = await execute<any>(
        app,
        'query($t: String!) { search(text: $t, first: 3) { score node { id } } }',
        {
          t: text,
        },
      );
      expect(data.search[0]?.node.id, text).toBe('belarus');
      expect(data.search[0].score).toBeGreaterThan(0);
    }
    const { data } = await execute<any>(app, '{ search(text: "Bruxelles") { node { id } } }');
    expect(data.search[0].node.id).toBe('nato');
    const people = await execute<any>(
      app,
      '{ search(text: "Sergueï", kinds: [PERSON]) { node { id kind } } }',
    );
    expect(people.data.search.map((h: any) => h.node.id).sort()).toEqual(['sergei-aleinik', 'sergey-lavrov']);
  });

  it('treats Lucene syntax in search as plain text', async () => {
    for (const text of ['name:*', 'belarus OR *', '"unclosed', 'a~2 AND (b', '\\', '*']) {
      const res = await request<any>(app, 'query($t: String!) { search(text: $t) { node { id } } }', {
        t: text,
      });
      expect(res.errors, text).toBeUndefined();
    }
  });

  it('returns null for unknown ids and a clear error for a forged cursor', async () => {
    const { data } = await execute<any>(
      app,
      '{ actor(id: "atlantis") { id } event(id: "nope") { id } article(id: "x") { id } }',
    );
    expect(data).toEqual({ actor: null, event: null, article: null });
    const res = await request<any>(app, '{ events(after: "not-a-cursor") { nodes { id } } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const big = await request<any>(app, '{ events(first: 1000) { nodes { id } } }');
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('walks the codebook from an event to its root type', async () => {
    const { data } = await execute<any>(
      app,
      '{ event(id: "evt-2022-02-09-aleinik-ready-to-discuss") { type { code quadClassName parent { code name children { code } } } } }',
    );
    expect(data.event.type.code).toBe('036');
    expect(data.event.type.quadClassName).toBe('VERBAL_COOPERATION');
    expect(data.event.type.parent.name).toBe('EXPRESS INTENT TO COOPERATE');
    expect(data.event.type.parent.children.map((c: any) => c.code)).toContain('036');
  });

  it('gives an article its quotes in text order, each pointing at what it supports', async () => {
    const { data } = await execute<any>(
      app,
      '{ article(id: "bbabo-2022-02-09-minsk-ready-security-guarantees") { publisher language publishedAt text mentions { start end quote event { id } } } }',
    );
    const a = data.article;
    expect(a).toMatchObject({ publisher: 'bbabo.net', language: 'fr', publishedAt: '2022-02-09' });
    const starts = a.mentions.map((m: any) => m.start);
    expect(starts).toEqual([...starts].sort((x: number, y: number) => x - y));
    for (const m of a.mentions) expect(a.text.slice(m.start, m.end)).toBe(m.quote);
  });
});
