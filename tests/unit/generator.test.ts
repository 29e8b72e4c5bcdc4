import { describe, expect, it } from 'vitest';
import {
  CAMEO_WEIGHTS,
  countBundles,
  type GeneratorOptions,
  generateBundles,
  generatorActors,
  sizes,
} from '../../src/generator/generate.ts';
import { ACTOR_KINDS } from '../../src/modules/common/vocabulary.ts';
import type { BundleInput } from '../../src/modules/ingest/bundle.ts';
import { readCodebook } from '../../src/modules/ingest/codebook.ts';
import { validateBundle } from '../../src/modules/ingest/validate.ts';

const run = (options: GeneratorOptions) => [...generateBundles(options)];
const SMALL: GeneratorOptions = { seed: 42, actors: 1_000, events: 2_000 };
const small = run(SMALL);
// The brief's reference graph: 1,000 actors, 20,000 events, every other option by default.
const big = run({ seed: 7, actors: 1_000, events: 20_000 });
const eventsOf = (bundles: BundleInput[]) => bundles.flatMap((b) => b.events ?? []);

describe('generateBundles', () => {
  it('is deterministic: the same options give byte-identical bundles, another seed others', () => {
    expect(JSON.stringify(run(SMALL))).toBe(JSON.stringify(small));
    expect(JSON.stringify(run({ ...SMALL, seed: 43 }))).not.toBe(JSON.stringify(small));
  });

  it('yields bundles that all pass validateBundle, as many as countBundles says', () => {
    expect(small).toHaveLength(countBundles(SMALL));
    expect(small).toHaveLength(40);
    for (const b of small) expect(() => validateBundle(b)).not.toThrow();
    expect(eventsOf(small)).toHaveLength(2_000);
  });

  it('draws only CAMEO codes that exist in the codebook', () => {
    const codes = new Set(readCodebook().map((t) => t.code));
    for (const [code] of CAMEO_WEIGHTS) expect(codes, code).toContain(code);
    expect(eventsOf(big).filter((e) => !codes.has(e.cameoCode))).toEqual([]);
  });

  it('gives every article, actor, event and document one id across all bundles', () => {
    for (const kind of ['article', 'actor', 'event', 'document'] as const) {
      const ids = small.flatMap((b) => {
        if (kind === 'article') return [b.article.id];
        if (kind === 'actor') return (b.actors ?? []).map((x) => x.id);
        if (kind === 'event') return (b.events ?? []).map((x) => x.id);
        return (b.documents ?? []).map((x) => x.id);
      });
      expect(new Set(ids).size, kind).toBe(ids.length);
    }
    const actors = small.flatMap((b) => b.actors ?? []);
    expect(actors).toHaveLength(1_000);
    expect(actors[0]!.id).toMatch(/^g-actor-\d{6}$/);
    expect(eventsOf(small)[0]!.id).toBe('g-event-0000000');
    expect(small.at(-1)!.article.id).toBe('g-article-000039');
    const facts = small.flatMap((b) => (b.facts ?? []).map((f) => `${f.type}:${f.subjectId}:${f.objectId}`));
    expect(facts.length).toBeGreaterThan(100);
    expect(new Set(facts).size).toBe(facts.length);
  });

  it('gives each event 2 to 4 distinct participants, led by an ACTOR or a SPEAKER', () => {
    for (const e of eventsOf(small)) {
      const ids = e.participants.map((p) => p.actorId);
      expect(ids.length).toBeGreaterThanOrEqual(2);
      expect(ids.length).toBeLessThanOrEqual(4);
      expect(new Set(ids).size).toBe(ids.length);
      expect(['ACTOR', 'SPEAKER']).toContain(e.participants[0]!.role);
    }
    const second = eventsOf(small).filter((e) =>
      ['RECIPIENT', 'ADDRESSEE'].includes(e.participants[1]!.role),
    );
    expect(second.length / 2_000).toBeGreaterThan(0.7);
  });

  it('quotes every event by exactly one sentence of its article, and publishes after its events', () => {
    for (const b of small) {
      for (const e of b.events ?? []) {
        expect(e.mentions).toHaveLength(1);
        const m = e.mentions[0]!;
        expect(b.article.text.slice(m.start, m.end)).toBe(m.quote);
        expect(m.quote.endsWith('.')).toBe(true);
        expect(b.article.publishedAt >= e.date.latest).toBe(true);
      }
      expect(['en', 'fr', 'ru', 'de']).toContain(b.article.language);
    }
  });

  it('defines every actor, event and document before a bundle references it', () => {
    const defined = new Set<string>();
    let links = 0;
    let documentRefs = 0;
    for (const [i, b] of small.entries()) {
      const { external } = validateBundle(b);
      for (const refs of [external.actors, external.events, external.documents])
        for (const [id, where] of refs) expect(defined.has(id), `bundle ${i}: ${where} = ${id}`).toBe(true);
      for (const x of [...(b.actors ?? []), ...(b.events ?? []), ...(b.documents ?? [])]) defined.add(x.id);
      for (const l of b.eventLinks ?? []) {
        expect(['RESPONDS_TO', 'FOLLOWS_UP']).toContain(l.type);
        expect(l.to < l.from).toBe(true);
        links += 1;
      }
      documentRefs += (b.events ?? []).filter((e) => e.documents?.length).length;
    }
    expect(links).toBeGreaterThan(50);
    expect(documentRefs).toBeGreaterThan(50);
  });

  it('follows a power law: the top hub, a country, takes part in at least 10% of events', () => {
    const counts = new Map<string, number>();
    for (const e of eventsOf(big))
      for (const p of new Set(e.participants.map((x) => x.actorId))) counts.set(p, (counts.get(p) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const [topId, top] = ranked[0]!;
    expect(top).toBeGreaterThanOrEqual(2_000);
    expect(top / 20_000).toBeGreaterThanOrEqual(0.1);
    const hub = big.flatMap((b) => b.actors ?? []).find((a) => a.id === topId);
    expect(hub?.kind).toBe('COUNTRY');
    expect(ranked.at(-1)![1]).toBeLessThan(top / 50);
  });

  it('mixes date precisions: ~80% DAY, ~15% MONTH, ~5% YEAR, within the years asked for', () => {
    const events = eventsOf(big);
    const share = (p: string) => events.filter((e) => e.date.precision === p).length / events.length;
    expect(share('DAY')).toBeGreaterThan(0.75);
    expect(share('DAY')).toBeLessThan(0.85);
    expect(share('MONTH')).toBeGreaterThan(0.11);
    expect(share('MONTH')).toBeLessThan(0.19);
    expect(share('YEAR')).toBeGreaterThan(0.025);
    expect(share('YEAR')).toBeLessThan(0.075);
    for (const e of events) {
      const { earliest, latest, precision, qualifier } = e.date;
      expect(earliest >= '2018-01-01' && latest <= '2023-12-31').toBe(true);
      if (precision === 'DAY') expect(latest).toBe(earliest);
      if (precision === 'MONTH') {
        expect(latest.slice(0, 7)).toBe(earliest.slice(0, 7));
        if (!qualifier) expect(earliest.endsWith('-01')).toBe(true);
      }
      if (precision === 'YEAR') expect([earliest.slice(5), latest.slice(5)]).toEqual(['01-01', '12-31']);
    }
    expect(events.some((e) => e.date.qualifier === 'LATE')).toBe(true);
    expect(events.some((e) => e.date.text === null)).toBe(true);
    const statuses = new Set(events.map((e) => e.status));
    expect([...statuses].sort()).toEqual(['ASSERTED', 'HYPOTHETICAL', 'NEGATED', 'PLANNED']);
  });

  it('defines the actors no event reaches in leading actors-only bundles', () => {
    const options = { seed: 3, actors: 5_000, events: 500 };
    const bundles = run(options);
    expect(bundles).toHaveLength(countBundles(options));
    expect(bundles[0]!.events).toHaveLength(0);
    const ids = bundles.flatMap((b) => (b.actors ?? []).map((a) => a.id));
    expect(new Set(ids).size).toBe(5_000);
    expect(ids).toHaveLength(5_000);
    for (const b of bundles) expect(() => validateBundle(b)).not.toThrow();
  });

  it('has the sizes the benchmarks use', () => {
    expect(sizes.small).toEqual({ actors: 1_000, events: 10_000 });
    expect(sizes.medium).toEqual({ actors: 10_000, events: 200_000 });
    expect(sizes.large).toEqual({ actors: 40_000, events: 1_000_000 });
  });

  it('refuses options it cannot honour', () => {
    expect(() => generateBundles({ seed: 1, actors: 1, events: 10 })).toThrow(/actors/);
    expect(() => generateBundles({ seed: 0.5, actors: 10, events: 10 })).toThrow(/seed/);
    expect(() => generateBundles({ seed: 1, actors: 10, events: 10, idPrefix: 'No Slug' })).toThrow(
      /idPrefix/,
    );
  });
});

describe('generatorActors', () => {
  const actors = generatorActors({ seed: 42, actors: 1_000 });

  it('names the same actors as the bundles carry', () => {
    const inBundles = new Map(small.flatMap((b) => b.actors ?? []).map((a) => [a.id, a]));
    for (const g of actors) expect(inBundles.get(g.actor.id)).toEqual(g.actor);
  });

  it('mixes kinds, with hubs as countries, 1–4 aliases and some non-ASCII ones', () => {
    const kinds = new Set(actors.map((g) => g.actor.kind));
    for (const k of ['COUNTRY', 'PERSON', 'GOVERNMENT_BODY', 'ALLIANCE', 'IGO', 'THINK_TANK', 'GROUP'])
      expect(kinds).toContain(k);
    for (const k of kinds) expect(ACTOR_KINDS).toContain(k);
    const countries = actors.filter((g) => g.actor.kind === 'COUNTRY');
    expect(countries.length / actors.length).toBeGreaterThan(0.15);
    expect(actors.slice(0, 5).every((g) => g.actor.kind === 'COUNTRY')).toBe(true);
    for (const g of countries) expect(g.actor.countryCode).toMatch(/^[A-Z]{3}$/);
    expect(new Set(countries.map((g) => g.actor.countryCode)).size).toBe(countries.length);
    for (const g of actors) {
      expect(g.actor.aliases?.length).toBeGreaterThanOrEqual(1);
      expect(g.actor.aliases?.length).toBeLessThanOrEqual(4);
    }
    const nonAscii = actors.filter((g) => g.actor.aliases?.some((a) => /[^\x20-\x7e]/.test(a)));
    expect(nonAscii.length / actors.length).toBeGreaterThan(0.3);
    expect(new Set(actors.map((g) => g.actor.name)).size).toBeGreaterThan(990);
  });
});
