import { matchAt, type PatternMatch, PREFIX_KEY } from '../text/patterns.ts';
import type { Token } from '../text/tokens.ts';
import type { Trigger } from './lexicon.ts';

export interface TriggerMatch extends PatternMatch {
  trigger: Trigger;
}

/**
 * Every trigger of the lexicon found in a sentence's tokens, then the non-overlapping set:
 * patterns that name more words first (they are more specific), then content before speech, then the shorter span.
 */
interface TriggerIndex {
  exact: Map<string, Trigger[]>;
  prefix: Map<string, Trigger[]>;
  any: Trigger[];
}

const indexes = new WeakMap<readonly Trigger[], TriggerIndex>();

/** Triggers by what their first word can be, so a token is tried only against those it may start. */
function indexOf(triggers: readonly Trigger[]): TriggerIndex {
  let index = indexes.get(triggers);
  if (index) return index;
  index = { exact: new Map(), prefix: new Map(), any: [] };
  const push = (map: Map<string, Trigger[]>, key: string, t: Trigger) => {
    const list = map.get(key);
    if (list) list.push(t);
    else map.set(key, [t]);
  };
  for (const t of triggers) {
    const keys = t.pattern.steps[0]!.keys;
    if (keys.any) {
      index.any.push(t);
      continue;
    }
    for (const k of new Set(keys.exact)) push(index.exact, k, t);
    for (const k of new Set(keys.prefixes)) push(index.prefix, k, t);
  }
  indexes.set(triggers, index);
  return index;
}

export function matchTriggers(triggers: readonly Trigger[], tokens: readonly Token[]): TriggerMatch[] {
  const index = indexOf(triggers);
  const all: TriggerMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const folded = tokens[i]!.folded;
    const candidates = new Set<Trigger>(index.any);
    for (const t of index.exact.get(folded) ?? []) candidates.add(t);
    if (folded.length >= PREFIX_KEY)
      for (const t of index.prefix.get(folded.slice(0, PREFIX_KEY)) ?? []) candidates.add(t);
    for (const trigger of candidates) {
      const m = matchAt(trigger.pattern, tokens, i);
      if (m) all.push({ ...m, trigger });
    }
  }
  // findAll's rule, per trigger: its matches do not overlap one another.
  all.sort((a, b) => a.first - b.first);
  const lastEnd = new Map<Trigger, number>();
  const own = all.filter((m) => {
    const end = lastEnd.get(m.trigger) ?? -1;
    if (m.first <= end) return false;
    lastEnd.set(m.trigger, m.last);
    return true;
  });
  all.length = 0;
  all.push(...own);
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
