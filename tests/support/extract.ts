import { readFileSync } from 'node:fs';
import { graphActorsOfBundle } from '../../src/modules/extraction/actors/from-bundle.ts';
import { buildGazetteer } from '../../src/modules/extraction/actors/gazetteer.ts';
import { checkDraft } from '../../src/modules/extraction/checks.ts';
import { defaultLexicons } from '../../src/modules/extraction/lexicons.ts';
import { rulesEngine } from '../../src/modules/extraction/rules/engine.ts';
import type { Draft, Language } from '../../src/modules/extraction/types.ts';

// The seed graph as the gazetteer, as `parley extract` has it on a freshly seeded database.
const seedBundle = JSON.parse(
  readFileSync(new URL('../../data/seed/bbabo-2022-02-09.bundle.json', import.meta.url), 'utf8'),
);
const lexicons = defaultLexicons();
const gazetteer = buildGazetteer(graphActorsOfBundle(seedBundle), lexicons);

/**
 * The rules engine's draft of an invented text against the seed gazetteer, published on
 * Thursday 14 March 2024 unless said otherwise; every draft's invariants (offsets, quotes)
 * are checked on the way.
 */
export function extractWithSeed(language: Language, text: string, publishedAt = '2024-03-14'): Draft {
  const draft = rulesEngine.extract(
    { text, publishedAt, language, title: 'Test', publisher: 'Test' },
    { gazetteer, lexicons },
  );
  checkDraft(draft, text);
  return draft;
}
