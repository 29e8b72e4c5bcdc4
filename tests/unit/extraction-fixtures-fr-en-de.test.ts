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
import { bundleSchema } from '../../src/modules/ingest/bundle.ts';
import { readCodebook } from '../../src/modules/ingest/codebook.ts';
import { readSeedBundles } from '../../src/modules/ingest/seed.ts';

// The gold of the evaluation: if a fixture drifts from its text or from the codebook, the
// evaluation silently scores against nonsense, so every property it relies on is checked here.

const FIXTURES = new URL('../fixtures/extraction/', import.meta.url);
const LANGS = ['fr', 'en', 'de'] as const;

/** 01–19: 09–11 held out; 12–15 and 16–19 written later by people who never read the rules. */
const ARTICLE_NUMBERS = Array.from({ length: 19 }, (_, i) => String(i + 1).padStart(2, '0'));

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const goldSchema = z
  .object({
    split: z.enum(['dev', 'heldout']),
    publishedAt: isoDay,
    title: z.string().min(1),
    publisher: z.string().min(1),
    actors: z
      .array(
        z.union([
          z.object({ id: slug }).strict(),
          z
            .object({
              id: slug,
              name: z.string().min(1),
              kind: z.enum(ACTOR_KINDS),
              new: z.literal(true),
            })
            .strict(),
        ]),
      )
      .min(1),
    events: z
      .array(
        z
          .object({
            quote: z.string().min(20).max(200),
            code: z.string().regex(/^\d{2,4}$/),
            status: z.enum(EVENT_STATUSES),
            roles: z
              .array(
                z
                  .object({
                    actorId: slug,
                    role: z.enum(ROLES),
                  })
                  .strict(),
              )
              .min(1),
            date: z
              .object({
                earliest: isoDay,
                latest: isoDay,
                precision: z.enum(PRECISIONS),
                qualifier: z.enum(QUALIFIERS).nullable(),
              })
              .strict(),
          })
          .strict(),
      )
      .min(3)
      .max(9),
  })
  .strict();
type Gold = z.infer<typeof goldSchema>;

interface Fixture {
  lang: (typeof LANGS)[number];
  name: string;
  text: string;
  raw: unknown;
}

function fixturesOf(lang: (typeof LANGS)[number]): Fixture[] {
  const dir = new URL(`${lang}/`, FIXTURES);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.txt'.length);
      return {
        lang,
        name,
        text: readFileSync(new URL(f, dir), 'utf8'),
        raw: JSON.parse(readFileSync(new URL(`${name}.gold.json`, dir), 'utf8')),
      };
    });
}

function occurrences(text: string, quote: string): number {
  let n = 0;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) n++;
  return n;
}

function lastDayOf(yearMonth: string): number {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const codes = new Set(readCodebook().map((r) => r.code));
const seedIds = new Set(bundleSchema.parse(readSeedBundles()[0]).actors.map((a) => a.id));
const all = LANGS.flatMap(fixturesOf);
const parsed = (f: Fixture): Gold => goldSchema.parse(f.raw);

describe('extraction fixtures (fr, en, de)', () => {
  it('has 19 articles a language, named <lang>-NN-<topic>, 09–11 heldout and the others dev', () => {
    for (const lang of LANGS) {
      const mine = all.filter((f) => f.lang === lang);
      expect(mine.map((f) => f.name.slice(0, 5))).toEqual(ARTICLE_NUMBERS.map((n) => `${lang}-${n}`));
      for (const f of mine) {
        expect(f.name).toMatch(new RegExp(`^${lang}-(0[1-9]|1[0-9])-[a-z0-9]+(-[a-z0-9]+)*$`));
        const number = Number(f.name.slice(3, 5));
        expect(parsed(f).split, f.name).toBe(number >= 9 && number <= 11 ? 'heldout' : 'dev');
      }
      expect(mine.filter((f) => parsed(f).split === 'dev')).toHaveLength(16);
      expect(mine.filter((f) => parsed(f).split === 'heldout')).toHaveLength(3);
    }
  });

  it('parses every gold file against the gold schema', () => {
    for (const f of all) {
      const result = goldSchema.safeParse(f.raw);
      expect(result.success, `${f.name}: ${result.error?.message}`).toBe(true);
    }
  });

  it('keeps texts UTF-8 with LF line breaks, ending with a newline, 1 200–3 000 characters', () => {
    for (const f of all) {
      expect(f.text.includes('\r'), f.name).toBe(false);
      expect(f.text.endsWith('\n'), f.name).toBe(true);
      expect(f.text.includes('\uFFFD'), f.name).toBe(false);
      expect(f.text.length, f.name).toBeGreaterThanOrEqual(1200);
      expect(f.text.length, f.name).toBeLessThanOrEqual(3000);
    }
  });

  it('quotes every event by an excerpt that occurs exactly once in its text', () => {
    for (const f of all) {
      for (const e of parsed(f).events) expect(occurrences(f.text, e.quote), `${f.name}: ${e.quote}`).toBe(1);
    }
  });

  it('codes every event with a code of the CAMEO codebook', () => {
    for (const f of all) {
      for (const e of parsed(f).events) expect(codes.has(e.code), `${f.name}: ${e.code}`).toBe(true);
    }
  });

  it('lists each actor once, seed actors by id alone and every other actor as new', () => {
    for (const f of all) {
      const ids = parsed(f).actors.map((a) => a.id);
      expect(new Set(ids).size, f.name).toBe(ids.length);
      for (const a of parsed(f).actors) {
        expect('new' in a, `${f.name}: ${a.id}`).toBe(!seedIds.has(a.id));
      }
    }
  });

  it('fills every role with an actor of the article', () => {
    for (const f of all) {
      const gold = parsed(f);
      const ids = new Set(gold.actors.map((a) => a.id));
      for (const e of gold.events) {
        for (const r of e.roles) expect(ids.has(r.actorId), `${f.name}: ${r.actorId}`).toBe(true);
      }
    }
  });

  it('dates every event with a valid interval whose bounds match its precision and qualifier', () => {
    for (const f of all) {
      const gold = parsed(f);
      for (const { date: d, quote } of gold.events) {
        const where = `${f.name}: ${quote}`;
        for (const day of [d.earliest, d.latest]) {
          expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10), where).toBe(day);
        }
        expect(d.earliest <= d.latest, where).toBe(true);
        if (d.qualifier === 'APPROX') continue;
        if (d.precision === 'YEAR') {
          expect([d.earliest.slice(5), d.latest.slice(5)], where).toEqual(['01-01', '12-31']);
        } else if (d.precision === 'MONTH') {
          const month = d.earliest.slice(0, 7);
          expect(d.latest.slice(0, 7), where).toBe(month);
          const [from, to] = {
            EARLY: [1, 10],
            MID: [11, 20],
            LATE: [21, lastDayOf(month)],
            none: [1, lastDayOf(month)],
          }[d.qualifier ?? 'none'] as [number, number];
          expect([Number(d.earliest.slice(8)), Number(d.latest.slice(8))], where).toEqual([from, to]);
        } else {
          expect(d.qualifier, where).toBeNull();
        }
      }
    }
  });

  it('dates the undated events [publishedAt − 7 days, publishedAt] as the contract says', () => {
    for (const f of all) {
      const gold = parsed(f);
      const weekBefore = new Date(Date.parse(`${gold.publishedAt}T00:00:00Z`) - 7 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const undated = gold.events.filter(
        (e) => e.date.qualifier === 'APPROX' && e.date.latest === gold.publishedAt,
      );
      for (const e of undated) {
        expect(e.date, `${f.name}: ${e.quote}`).toEqual({
          earliest: weekBefore,
          latest: gold.publishedAt,
          precision: 'MONTH',
          qualifier: 'APPROX',
        });
      }
    }
  });
});
