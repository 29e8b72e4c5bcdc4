import { findAll, type PatternMatch } from '../text/patterns.ts';
import type { Token } from '../text/tokens.ts';
import type { Trigger } from './lexicon.ts';

export interface TriggerMatch extends PatternMatch {
  trigger: Trigger;
}

/**
 * Every trigger of the lexicon found in a sentence's tokens, then the non-overlapping set:
 * patterns that name more words first (they are more specific), then content before speech, then the shorter span.
 */
export function matchTriggers(triggers: readonly Trigger[], tokens: readonly Token[]): TriggerMatch[] {
  const all: TriggerMatch[] = [];
  for (const trigger of triggers) {
    for (const m of findAll(trigger.pattern, tokens)) all.push({ ...m, trigger });
  }
  all.sort(
    (a, b) =>
      b.trigger.length - a.trigger.length ||
      Number(a.trigger.frame === 'SPEECH') - Number(b.trigger.frame === 'SPEECH') ||
      a.last - a.first - (b.last - b.first) ||
      a.first - b.first ||
      a.trigger.id.localeCompare(b.trigger.id),
  );
  const taken: TriggerMatch[] = [];
  for (const m of all) {
    if (taken.some((t) => m.first <= t.last && t.first <= m.last)) continue;
    taken.push(m);
  }
  return taken.sort((a, b) => a.first - b.first);
}
