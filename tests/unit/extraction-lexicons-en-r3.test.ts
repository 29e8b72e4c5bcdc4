import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/modules/extraction/lexicons.ts';
import { ruleLexicon } from '../../src/modules/extraction/rules/lexicon.ts';
import { matchTriggers } from '../../src/modules/extraction/rules/triggers.ts';
import { tokenize } from '../../src/modules/extraction/text/tokens.ts';

/**
 * Round 3 of the English trigger lexicon: phrasings written from how agencies report diplomacy
 * (light verbs, passives, nominalisations, synonyms), each checked through the engine's own
 * overlap rule, so that a broader pattern elsewhere in the file cannot silently shadow it.
 */
const { triggers } = ruleLexicon(loadLexicons(), 'en');

function selected(sentence: string): { id: string; code: string }[] {
  return matchTriggers(triggers, tokenize(sentence)).map((m) => ({
    id: m.trigger.id.replace(/^en\/triggers#/, ''),
    code: m.trigger.code,
  }));
}

// Our own sentences; each names the new pattern the engine should choose in it and its code.
const POSITIVE: [string, string, string][] = [
  ['The spokesman declined to elaborate on the timing of the talks.', 'decline-elaborate', '011'],
  ['Officials in Vilnius voiced concern about the new checkpoints.', 'voice-concern', '012'],
  ['The government has not ruled out closing the border crossing.', 'not-rule-out', '014'],
  ['Minsk dismissed the story as a crude fabrication.', 'dismiss-baseless', '016'],
  ['The two presidents laid flowers at the memorial.', 'lay-flowers', '017'],
  ['The two ministers see eye to eye on energy security.', 'see-eye-to-eye', '019'],
  ['Berlin encouraged both governments to resume contacts.', 'encourage-to', '020'],
  ['Kyiv asked its allies for more air defence systems.', 'ask-air-defence', '0232'],
  ['Helsinki expressed its readiness for talks with Moscow.', 'willingness-talks', '036'],
  ['The chancellor conferred with the Italian premier on Tuesday.', 'confer-with', '040'],
  ['Consultations were held in Geneva on Monday.', 'talks-held', '040'],
  ['The president welcomed his Georgian counterpart at the airport.', 'welcome-visitor', '043'],
  ['Both capitals have pledged to improve relations after the dispute.', 'improve-ties', '050'],
  ['Tbilisi and Baku sealed a deal on gas transit.', 'clinch-deal', '057'],
  ['A new agreement was reached after three days of negotiations.', 'agreement-reached', '057'],
  ['Norway will deliver air defence units to Kyiv in spring.', 'deliver-air-defence', '072'],
  ['The two sides swapped prisoners at the border.', 'swap-prisoners', '084'],
  ['The prosecutor opened a criminal case against the governor.', 'criminal-case', '091'],
  ['The foreign minister lashed out at the Baltic states.', 'hit-out-at', '111'],
  ['The Polish charge d’affaires was summoned to the ministry.', 'ambassador-summoned', '114'],
  ['Hungary blocked the statement on the new package.', 'block-decision', '129'],
  ['Thousands took to the streets of the capital on Saturday.', 'take-to-streets', '141'],
  ['North Korea test-fired two ballistic missiles on Sunday.', 'test-fire', '150'],
  ['Moscow massed troops along the northern border.', 'mass-troops', '154'],
  ['Riga tore up the agreement on cross-border trade.', 'tear-up-treaty', '160'],
  ['The army opened fire on the convoy.', 'open-fire', '193'],
  ['Washington waived sanctions on the pipeline operator.', 'waive-sanctions', '085'],
];

// Ordinary sentences about nothing a state does: no trigger of the whole file may fire in them.
const NEGATIVE: string[] = [
  'The train to the coast leaves at seven in the morning.',
  'Fresh snow covered the hills above the town overnight.',
  'The library keeps old maps of the river in its basement.',
  'Her new novel is about a family of fishermen.',
  'The bakery on the corner sells bread and pastries.',
  'Tickets for the concert sold out within an hour.',
  'The bridge over the river was painted green last summer.',
  'A new school building opened its doors in the suburb.',
  'The orchestra will play works by three young composers.',
  'Farmers in the valley began harvesting apples this week.',
];

describe('en triggers, round 3: new phrasings are chosen in hand-written sentences', () => {
  it.each(POSITIVE)('"%s" selects %s (%s)', (sentence, id, code) => {
    const hit = selected(sentence).find((s) => s.id === id);
    expect(hit, JSON.stringify(selected(sentence))).toBeDefined();
    expect(hit?.code).toBe(code);
  });
});

describe('en triggers, round 3: ordinary sentences fire nothing', () => {
  it.each(NEGATIVE)('"%s" selects no trigger', (sentence) => {
    expect(selected(sentence)).toEqual([]);
  });
});
