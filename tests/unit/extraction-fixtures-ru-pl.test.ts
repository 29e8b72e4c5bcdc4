import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ACTOR_KINDS,
  EVENT_STATUSES,
  PRECISIONS,
  QUALIFIERS,
  ROLES,
} from '../../src/modules/common/vocabulary.ts';
import { readCodebook } from '../../src/modules/ingest/codebook.ts';
import { readSeedBundles } from '../../src/modules/ingest/seed.ts';

const LANGUAGES = ['ru', 'pl'] as const;
const FIXTURES = new URL('../fixtures/extraction/', import.meta.url);

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const isoDay = z.iso.date();

const goldSchema = z.strictObject({
  split: z.enum(['dev', 'heldout']),
  publishedAt: isoDay,
  title: z.string().min(1),
  publisher: z.string().min(1),
  actors: z
    .array(
      z.union([
        z.strictObject({ id: slug }),
        z.strictObject({
          id: slug,
          name: z.string().min(1),
          kind: z.enum(ACTOR_KINDS),
          new: z.literal(true),
        }),
      ]),
    )
    .min(1),
  events: z
    .array(
      z.strictObject({
        quote: z.string().min(20).max(200),
        code: z.string().regex(/^\d{2,4}$/),
        status: z.enum(EVENT_STATUSES),
        roles: z
          .array(
            z.strictObject({
              actorId: slug,
              role: z.enum(ROLES),
            }),
          )
          .min(1),
        date: z.strictObject({
          earliest: isoDay,
          latest: isoDay,
          precision: z.enum(PRECISIONS),
          qualifier: z.enum(QUALIFIERS).nullable(),
        }),
      }),
    )
    .min(3)
    .max(9),
});
type Gold = z.infer<typeof goldSchema>;

interface Fixture {
  name: string;
  text: string;
  gold: Gold;
}

function loadFixtures(lang: string): Fixture[] {
  const dir = new URL(`${lang}/`, FIXTURES);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.txt'.length);
      const text = readFileSync(new URL(f, dir), 'utf8');
      const gold = goldSchema.parse(JSON.parse(readFileSync(new URL(`${name}.gold.json`, dir), 'utf8')));
      return { name, text, gold };
    });
}

function occurrences(text: string, quote: string): number {
  let count = 0;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) count++;
  return count;
}

const codes = new Set(readCodebook().map((row) => row.code));
const seedActorIds = new Set(
  readSeedBundles().flatMap((bundle) => (bundle as { actors: { id: string }[] }).actors.map((a) => a.id)),
);

describe.each(LANGUAGES)('the %s extraction fixtures', (lang) => {
  const fixtures = loadFixtures(lang);

  it('are nineteen articles named <lang>-NN-<topic>, numbered 01 to 19', () => {
    expect(fixtures.map((f) => f.name.slice(0, 5))).toEqual(
      Array.from({ length: 19 }, (_, i) => String(i + 1).padStart(2, '0')).map((n) => `${lang}-${n}`),
    );
    for (const f of fixtures)
      expect(f.name).toMatch(new RegExp(`^${lang}-(0[1-9]|1[0-9])-[a-z0-9]+(-[a-z0-9]+)*$`));
  });

  it('put articles 09–11 in the heldout split and the others in the dev split', () => {
    expect(fixtures.map((f) => f.gold.split)).toEqual([
      'dev',
      'dev',
      'dev',
      'dev',
      'dev',
      'dev',
      'dev',
      'dev',
      'heldout',
      'heldout',
      'heldout',
      'dev',
      'dev',
      'dev',
      'dev',
      'dev',
      'dev',
      'dev',
      'dev',
    ]);
  });

  it('have texts of 1 200–3 000 characters with LF line breaks and a final newline', () => {
    for (const f of fixtures) {
      expect(f.text.length, f.name).toBeGreaterThanOrEqual(1200);
      expect(f.text.length, f.name).toBeLessThanOrEqual(3000);
      expect(f.text.includes('\r'), f.name).toBe(false);
      expect(f.text.endsWith('\n'), f.name).toBe(true);
    }
  });

  it('quote each event with words that occur exactly once in the text', () => {
    for (const f of fixtures)
      for (const e of f.gold.events) expect(occurrences(f.text, e.quote), `${f.name}: ${e.quote}`).toBe(1);
  });

  it('code every event with a code of the CAMEO codebook', () => {
    for (const f of fixtures)
      for (const e of f.gold.events) expect(codes.has(e.code), `${f.name}: ${e.code}`).toBe(true);
  });

  it('give every event an interval whose earliest day is not after its latest', () => {
    for (const f of fixtures)
      for (const e of f.gold.events)
        expect(e.date.earliest <= e.date.latest, `${f.name}: ${e.quote}`).toBe(true);
  });

  it('fill every role with an actor listed once in the actors', () => {
    for (const f of fixtures) {
      const ids = f.gold.actors.map((a) => a.id);
      expect(new Set(ids).size, f.name).toBe(ids.length);
      for (const e of f.gold.events)
        for (const r of e.roles) expect(ids, `${f.name}: ${e.quote}`).toContain(r.actorId);
    }
  });

  it('mark as new exactly the actors the seed graph does not hold', () => {
    for (const f of fixtures)
      for (const a of f.gold.actors) expect('new' in a, `${f.name}: ${a.id}`).toBe(!seedActorIds.has(a.id));
  });
});
