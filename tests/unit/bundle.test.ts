import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Bundle, bundleSchema } from '../../src/modules/ingest/bundle.ts';
import { readCodebook } from '../../src/modules/ingest/codebook.ts';
import { bundleJsonSchema } from '../../src/modules/ingest/json-schema.ts';
import { readSeedBundles } from '../../src/modules/ingest/seed.ts';
import { BundleValidationError, validateBundle } from '../../src/modules/ingest/validate.ts';
import { makeBundle } from '../support/bundles.ts';

function issuesOf(input: unknown) {
  try {
    validateBundle(input);
  } catch (err) {
    if (err instanceof BundleValidationError) return err.issues;
    throw err;
  }
  throw new Error('expected the bundle to be refused');
}

const seed = bundleSchema.parse(readSeedBundles()[0]) as Bundle;
const articleText = readFileSync(new URL('../../data/seed/bbabo-2022-02-09.txt', import.meta.url), 'utf8');
const event = (id: string) => {
  const e = seed.events.find((x) => x.id === id);
  if (!e) throw new Error(`no event ${id} in the seed`);
  return e;
};

describe('the seed bundle', () => {
  it('is valid and keeps the article text exactly as received', () => {
    expect(() => validateBundle(readSeedBundles()[0])).not.toThrow();
    expect(seed.article.text).toBe(articleText);
    expect(seed.article.publishedAt).toBe('2022-02-09');
    expect(seed.article.language).toBe('fr');
  });

  it('has every event quoted by an exact excerpt of the article', () => {
    expect(seed.events.length).toBeGreaterThanOrEqual(8);
    for (const e of seed.events) {
      expect(e.mentions.length).toBeGreaterThan(0);
      for (const m of e.mentions) expect(articleText.slice(m.start, m.end)).toBe(m.quote);
    }
  });

  it("uses DESIGN.md's canonical ids and the metonyms the text uses", () => {
    const ids = new Set(seed.actors.map((a) => a.id));
    for (const id of [
      'russia',
      'belarus',
      'united-states',
      'nato',
      'canada',
      'csto',
      'valdai-club',
      'sergey-lavrov',
      'sergei-aleinik',
      'russian-foreign-ministry',
    ]) {
      expect(ids).toContain(id);
    }
    const aliases = (id: string) => seed.actors.find((a) => a.id === id)?.aliases ?? [];
    expect(aliases('belarus')).toEqual(expect.arrayContaining(['Minsk', 'Biélorussie']));
    expect(aliases('russia')).toEqual(expect.arrayContaining(['Moscou', 'Russie']));
    expect(aliases('united-states')).toEqual(expect.arrayContaining(['Washington', 'États-Unis']));
    expect(aliases('nato')).toEqual(expect.arrayContaining(['Bruxelles', 'OTAN']));
  });

  it('dates events honestly, with the words of the article', () => {
    const published = event('evt-2021-12-17-russia-publishes-security-guarantee-drafts');
    expect(published.date).toMatchObject({ earliest: '2021-12-17', latest: '2021-12-17', precision: 'DAY' });
    expect(published.date.text).toBe('le 17 décembre 2021');
    const reply = event('evt-2022-01-late-nato-written-reply');
    expect(reply.date).toMatchObject({
      earliest: '2022-01-21',
      latest: '2022-01-31',
      precision: 'MONTH',
      qualifier: 'LATE',
      text: 'Fin janvier',
    });
    expect(event('evt-2022-01-28-lavrov-message-indivisibility-of-security').date).toMatchObject({
      earliest: '2022-01-28',
      latest: '2022-01-28',
      text: 'le 28 janvier',
    });
    expect(event('evt-2022-02-09-aleinik-ready-to-discuss').date).toMatchObject({
      earliest: '2022-02-09',
      text: "aujourd'hui, 9 février",
    });
  });

  it('names the documents, the conference and who did what in which role', () => {
    expect(seed.documents.map((d) => d.kind).sort()).toEqual(
      ['DRAFT_AGREEMENT', 'DRAFT_TREATY', 'MESSAGE', 'WRITTEN_REPLY', 'WRITTEN_REPLY'].sort(),
    );
    const ready = event('evt-2022-02-09-aleinik-ready-to-discuss');
    expect(ready.participants).toEqual(
      expect.arrayContaining([
        { actorId: 'sergei-aleinik', role: 'SPEAKER' },
        { actorId: 'belarus', role: 'ON_BEHALF_OF' },
      ]),
    );
    expect(seed.eventLinks).toContainEqual({
      type: 'PART_OF',
      from: 'evt-2022-02-09-aleinik-ready-to-discuss',
      to: 'evt-2022-02-09-valdai-csto-conference',
    });
    const codes = new Set(readCodebook().map((t) => t.code));
    for (const e of seed.events) expect(codes).toContain(e.cameoCode);
  });
});

describe('bundle validation', () => {
  it('accepts a well-formed bundle', () => {
    expect(validateBundle(makeBundle('t-valid')).bundle.events).toHaveLength(2);
  });

  it('names the path of a bad field', () => {
    const b = makeBundle('t-bad-role') as { events: { participants: { role: string }[] }[] };
    b.events[1]!.participants[0]!.role = 'VILLAIN';
    const issues = issuesOf(b);
    expect(issues.map((i) => i.path)).toEqual(['events[1].participants[0].role']);
  });

  it('names a misplaced quote beside a bad field of the shape, in one answer', () => {
    const b = makeBundle('t-two-faults') as Record<string, any>;
    b.events[1].participants[0].role = 'VILLAIN';
    b.events[0].mentions[0].start += 2;
    expect(issuesOf(b).map((i) => i.path)).toEqual([
      'events[1].participants[0].role',
      'events[0].mentions[0].quote',
    ]);
  });

  it('refuses a quote that is not at its offsets, and says where it is', () => {
    const b = makeBundle('t-bad-offset') as { events: { mentions: { start: number; end: number }[] }[] };
    b.events[0]!.mentions[0]!.start += 1;
    b.events[0]!.mentions[0]!.end += 1;
    const [issue] = issuesOf(b);
    expect(issue?.path).toBe('events[0].mentions[0].quote');
    expect(issue?.message).toMatch(/it is at \d+\.\.\d+/);
  });

  it('refuses a quote that is not in the article at all', () => {
    const b = makeBundle('t-bad-quote') as { facts: { mentions: { quote: string }[] }[] };
    b.facts[0]!.mentions[0]!.quote = 'Alpha is a member of Delta.';
    expect(issuesOf(b)).toContainEqual({
      path: 'facts[0].mentions[0].quote',
      message: 'the quote is not an exact excerpt of the article text',
    });
  });

  it('refuses an event without a quote, a duplicate id and a reversed interval', () => {
    const b = makeBundle('t-bad-many') as Record<string, any>;
    b.events[0].mentions = [];
    expect(issuesOf(b).map((i) => i.path)).toContain('events[0].mentions');
    const d = makeBundle('t-dup') as Record<string, any>;
    d.actors.push({ ...d.actors[0] });
    expect(issuesOf(d)[0]?.path).toBe('actors[3].id');
    const r = makeBundle('t-reversed') as Record<string, any>;
    r.events[0].date.earliest = '2024-01-01';
    expect(issuesOf(r).map((i) => i.path)).toContain('events[0].date.latest');
  });

  it('refuses numbers for CAMEO codes and unknown fields', () => {
    const b = makeBundle('t-bad-code') as Record<string, any>;
    b.events[0].cameoCode = 36;
    b.events[1].colour = 'blue';
    const paths = issuesOf(b).map((i) => i.path);
    expect(paths).toContain('events[0].cameoCode');
    expect(paths).toContain('events[1]');
  });
});

describe('schema/bundle.schema.json', () => {
  it('matches the zod schema (run `npm run bundle:schema` after changing it)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../schema/bundle.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(bundleJsonSchema());
  });
});

describe('the CAMEO codebook', () => {
  it('has 312 codes in three levels, each below its parent', () => {
    const types = readCodebook();
    expect(types).toHaveLength(312);
    expect(types.filter((t) => t.level === 1)).toHaveLength(20);
    expect(types.filter((t) => t.level === 2)).toHaveLength(147);
    expect(types.filter((t) => t.level === 3)).toHaveLength(145);
    const byCode = new Map(types.map((t) => [t.code, t]));
    expect(byCode.get('036')).toMatchObject({
      name: 'Express intent to meet or negotiate',
      parentCode: '03',
      quadClass: 1,
    });
    expect(byCode.get('0211')?.parentCode).toBe('021');
    for (const t of types) if (t.parentCode) expect(byCode.has(t.parentCode)).toBe(true);
  });
});
