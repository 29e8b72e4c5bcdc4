import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seed } from '../../src/modules/ingest/seed.ts';
import { removeEvents } from '../support/cleanup.ts';
import { TestHelper } from '../support/harness.ts';

// `parley extract` as a user runs it: bin/parley in a child process, on the run's Neo4j.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = path.join(ROOT, 'data/seed/bbabo-2022-02-09.txt');
const SEED_TEXT = readFileSync(SEED, 'utf8');
// A short name: the article id starts with the publisher's slug, which the engine cuts at 30.
const helper = new TestHelper('xcli');
const validateBundle = new Ajv2020.default({
  allErrors: true,
  strict: false,
  validateFormats: false,
}).compile(JSON.parse(readFileSync(path.join(ROOT, 'schema/bundle.schema.json'), 'utf8')));

function parley(args: string[], input?: string) {
  return spawnSync(path.join(ROOT, 'bin/parley'), ['extract', ...args], {
    encoding: 'utf8',
    input,
    env: {
      ...process.env,
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_USER: inject('neo4jUser'),
      NEO4J_PASSWORD: inject('neo4jPassword'),
      NEO4J_DATABASE: inject('neo4jDatabase'),
    },
  });
}

async function graphSize(): Promise<{ nodes: number; rels: number }> {
  const [row] = await helper.run<{ nodes: number; rels: number }>(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
  );
  return row!;
}

interface ActorState {
  id: string;
  name: string;
  kind: string;
  aliases: string[] | null;
  countryCode: string | null;
}
let actorsBefore: ActorState[] = [];
let eventsBefore = new Set<string>();
let documentsBefore = new Set<string>();
let sizeBefore: { nodes: number; rels: number };

beforeAll(async () => {
  await seed(helper.database);
  actorsBefore = await helper.run<ActorState>(
    'MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, a.countryCode AS countryCode',
  );
  const ids = async (label: string) =>
    new Set((await helper.run<{ id: string }>(`MATCH (n:${label}) RETURN n.id AS id`)).map((r) => r.id));
  eventsBefore = await ids('Event');
  documentsBefore = await ids('Document');
  sizeBefore = await graphSize();
});

afterAll(async () => {
  // What `--ingest` wrote beyond the article and its mentions (the helper's prefix): the
  // engine's events, documents and new actors, by id, and the aliases (and names) it added to
  // the seed's actors.
  const added = await helper.run<{ id: string }>(
    'MATCH (e:Event) WHERE NOT e.id IN $events RETURN e.id AS id',
    { events: [...eventsBefore] },
  );
  await removeEvents(
    helper.database,
    added.map((r) => r.id),
  );
  await helper.run(
    `MATCH (n) WHERE (n:Event AND NOT n.id IN $events) OR (n:Document AND NOT n.id IN $documents)
       OR (n:Actor AND NOT n.id IN $actors)
     DETACH DELETE n`,
    { events: [...eventsBefore], documents: [...documentsBefore], actors: actorsBefore.map((a) => a.id) },
  );
  await helper.run(
    `UNWIND $actors AS x MATCH (a:Actor {id: x.id})
     SET a.name = x.name, a.kind = x.kind, a.aliases = x.aliases, a.countryCode = x.countryCode`,
    { actors: actorsBefore },
  );
  await helper.cleanup();
  expect(await graphSize()).toEqual(sizeBefore);
  await helper.close();
});

describe('parley extract', () => {
  it('reads stdin (-), prints a bundle valid against schema/bundle.schema.json, and writes nothing', async () => {
    const run = parley(['-', '--published', '2022-02-09', '--publisher', 'bbabo.net'], SEED_TEXT);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const bundle = JSON.parse(run.stdout);
    expect(validateBundle(bundle), JSON.stringify(validateBundle.errors)).toBe(true);
    expect(bundle.article.text).toBe(SEED_TEXT);
    expect(bundle.article.language).toBe('fr');
    expect(run.stdout).toBe(`${JSON.stringify(bundle, null, 2)}\n`);
    expect(await graphSize()).toEqual(sizeBefore);
  });

  it('--explain prints one line per item, with confidence, quote and rules, instead of JSON', () => {
    const run = parley([SEED, '--published', '2022-02-09', '--lang', 'fr', '--explain']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^draft \S+ · engine \S+ · language fr \(METADATA, 1\.00\) · \d+ sentences$/);
    for (const line of lines.slice(1)) {
      expect(line).toMatch(/^(actor|event| {2}role| {2}date|fact|warning) /);
      if (!line.startsWith('warning')) expect(line).toMatch(/ \d\.\d\d /);
    }
    expect(() => JSON.parse(run.stdout)).toThrow();
  });

  it('refuses bad input with exit 2 and one line "error CODE: message" on stderr, before any work', () => {
    const cases: [string[], string | undefined, string][] = [
      [['-', '--published', '2022-02-09'], '   \n', 'TEXT_EMPTY'],
      [[SEED, '--published', '2999-01-01'], undefined, 'PUBLISHED_AT_IN_FUTURE'],
      [[SEED, '--published', '2022-13-01'], undefined, 'PUBLISHED_AT_INVALID'],
      [[SEED], undefined, 'PUBLISHED_AT_MISSING'],
      [[SEED, '--published', '2022-02-09', '--lang', 'es'], undefined, 'LANGUAGE_UNSUPPORTED'],
      [['-', '--published', '2022-02-09'], '<html><body><p>a</p></body></html>', 'TEXT_IS_HTML'],
      [['-', '--published', '2022-02-09'], 'x'.repeat(700_000), 'TEXT_TOO_LARGE'],
    ];
    for (const [args, input, code] of cases) {
      const run = parley(args, input);
      expect(run.status, code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^error ${code}: [^\\n]+\\n$`));
      expect(run.stdout).toBe('');
    }
  });

  it('--ingest writes the draft through the ingest path and prints the outcome', async () => {
    const publisher = helper.prefix;
    const args = [
      SEED,
      '--published',
      '2022-02-09',
      '--publisher',
      publisher,
      '--title',
      'Extraction CLI test',
    ];
    const run = parley([...args, '--ingest']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const articleId = /^(\S+): created /.exec(run.stdout)?.[1];
    expect(articleId?.startsWith(helper.prefix)).toBe(true);
    const [row] = await helper.run<{ n: number; text: string }>(
      'MATCH (a:Article {id: $id}) RETURN count(a) AS n, head(collect(a.text)) AS text',
      { id: articleId },
    );
    expect(row).toEqual({ n: 1, text: SEED_TEXT });
    // The second draft may differ (the first one's new actors are now in the graph, LINKED),
    // but it lands on the same article.
    const again = parley([...args, '--ingest']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^${articleId}: (unchanged|updated) `));
    const [count] = await helper.run<{ n: number }>(
      'MATCH (a:Article) WHERE a.id STARTS WITH $p RETURN count(a) AS n',
      {
        p: helper.prefix,
      },
    );
    expect(count?.n).toBe(1);
  });
});
