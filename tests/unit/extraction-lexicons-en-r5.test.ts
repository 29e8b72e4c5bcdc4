import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../src/modules/extraction/actors/gazetteer.ts';
import { defaultLexicons } from '../../src/modules/extraction/lexicons.ts';
import { rulesEngine } from '../../src/modules/extraction/rules/engine.ts';
import type { Draft } from '../../src/modules/extraction/types.ts';
import { expectSelected, selectTriggers } from '../support/triggers.ts';

/**
 * Round 5 of the English lexicons: each family added for a phrasing the new dev articles
 * missed, checked on sentences of our own through the engine's overlap rule; the narrowings
 * (a bare "support" or "approved", a background "warning") checked by what no longer fires;
 * and the actor and status entries (demonyms, agencies, envoys, "would" in reported speech)
 * checked through the engine on an empty graph.
 */
const ids = (sentence: string) => selectTriggers('en', sentence).map((s) => `${s.id}:${s.code}`);

// Each sentence names the entry the engine should keep in it and that entry's code.
const POSITIVE: [string, string, string][] = [
  ['Seoul filed an official complaint with Tokyo over the textbooks.', 'lodge-protest-det', '114'],
  ['The embassy handed a strong protest to the host government.', 'lodge-protest-det', '114'],
  ['The minister brushed the criticism aside as election noise.', 'brush-aside-object', '120'],
  ['Ankara shrugged off the warnings from its partners.', 'brush-aside', '120'],
  ['The spokesman waved aside questions about the convoy.', 'brush-aside', '120'],
  ['“The raid was a flagrant breach of our sovereignty,” the minister said.', 'is-provocation', '111'],
  ['The envoy spoke of the junta’s contempt for the courts.', 'disregard-for', '111'],
  ['Rome said Malta had its complete solidarity over the migrant boats.', 'full-solidarity', '051'],
  ['Caracas said it remained open for talks with the opposition.', 'ready-for-dialogue', '036'],
  ['Tehran is ready for dialogue with the agency.', 'ready-for-dialogue', '036'],
  ['Austria held up the aid package for a month.', 'hold-up-measures', '129'],
  ['Two members are holding up approval of the new budget.', 'hold-up-measures', '129'],
  ['Beijing said it would provide Laos with all the help it needed.', 'will-give-support', '033'],
  ['The alliance agreed on Friday to send two more frigates.', 'agree-to-send', '033'],
  ['Canada offered to supply the hospital with generators.', 'agree-to-send', '033'],
  ['Minsk said Vilnius would bear all the consequences.', 'will-bear-responsibility', '130'],
  ['Kyiv says Moscow bears full responsibility for the blast.', 'bears-responsibility', '112'],
  ['Riga rejected the allegation that its police had used force.', 'reject-accusations', '016'],
  ['It is a charge the government denies.', 'charge-rejected', '016'],
  ['Twelve fishermen were handed back to their families on Sunday.', 'handed-over-passive', '084'],
  ['The militia handed over three captured sailors at the port.', 'hand-over-persons', '0841'],
  ['Hanoi accused Manila of stalling the talks.', 'accuse-of-doing', '112'],
  ['The opposition blamed the army for shelling the market.', 'accuse-of-doing', '112'],
  ['The two ministries are working towards a summit in the autumn.', 'work-towards-meeting', '040'],
  ['The regional bloc postponed its summit until next year.', 'postpone-meeting', '164'],
  ['Both sides agreed to put off the next round of consultations.', 'put-off-meeting', '164'],
  ['The vote was delayed by a week after the walkout.', 'meeting-postponed', '164'],
  ['The meeting may be pushed back to December.', 'meeting-put-off', '164'],
  ['Ottawa banned the export of drones to the region.', 'ban-exports', '163'],
  ['Qatar offered to host the next round between the two sides.', 'ready-to-host', '039'],
  ['The mayor said the activist would not be allowed to return.', 'not-allowed-enter', '172'],
  ['The Baltic states will support the request.', 'support-verb', '051'],
  ['Rabat approved of the compromise text.', 'approve-of', '051'],
  ['The council approved the accession of the two countries.', 'approve-bid', '051'],
  ['The utility threatened to halt electricity exports to its neighbour.', 'threaten-cut-supplies', '1312'],
  ['The port authority suspended grain shipments after the strike.', 'halt-deliveries', '163'],
  ['The envoy shuttled between Baku and Yerevan all week.', 'shuttle-between', '045'],
  ['The delegates left the chamber in protest.', 'in-protest', '140'],
  ['Three deputies walked out of the session on Tuesday.', 'walk-out', '164'],
  ['The ministers agreed on the wording of the communique.', 'agree-on-deal', '057'],
  ['The battalion withdrew from the buffer zone overnight.', 'withdraw-from-border', '087'],
  ['The general ordered his troops to pull back from the hills.', 'order-withdrawal', '087'],
];

// What a narrowing stops: the entry that should no longer be kept in the sentence.
const NARROWED: [string, string][] = [
  ['The plan won the support of three provinces.', 'support:051'],
  ['The plan won the support of three provinces.', 'support-verb:051'],
  ['Parliament approved the budget for next year.', 'endorse:051'],
  ['The villagers had been given ample warning of the flood.', 'warn:130'],
  ['The minister shrugged and left the podium.', 'brush-aside:120'],
  ['The bridge was handed over to the city in May.', 'hand-over-persons:0841'],
];

const NEGATIVE = [
  'The bakery on the corner opened a second shop last spring.',
  'A strong wind brushed the leaves off the terrace.',
  'The new library holds more than a million books.',
  'Students are working towards their final exams.',
  'The train was delayed by snow near the mountain pass.',
  'The orchestra will give a free concert in the park.',
  'Her brother bears a striking resemblance to their father.',
  'The ferry carried tourists to the island every morning.',
  'A small cat slept on the warm windowsill.',
  'The farmers harvested the wheat before the rain came.',
];

describe('en triggers, round 5: new families are chosen in hand-written sentences', () => {
  it.each(POSITIVE)('"%s" selects %s (%s)', (sentence, id, code) => {
    expectSelected('en', sentence, id, code);
  });
});

describe('en triggers, round 5: narrowed entries no longer fire where they misread', () => {
  it.each(NARROWED)('"%s" does not select %s', (sentence, idCode) => {
    expect(ids(sentence)).not.toContain(idCode);
  });
});

describe('en triggers, round 5: ordinary sentences fire nothing', () => {
  it.each(NEGATIVE)('"%s" selects no trigger', (sentence) => {
    expect(ids(sentence)).toEqual([]);
  });
});

const lexicons = defaultLexicons();
const gazetteer = buildGazetteer([], lexicons);
const draftOf = (text: string): Draft =>
  rulesEngine.extract(
    { text, publishedAt: '2025-05-20', language: 'en', title: null, publisher: null },
    { gazetteer, lexicons },
  );

describe('en actors, round 5: demonyms, agencies and envoys', () => {
  it.each([
    ['The Emirati foreign minister praised the deal.', 'united-arab-emirates'],
    ['A Kosovar delegation criticised the decision.', 'kosovo'],
    ['Saudi officials welcomed the ceasefire.', 'saudi-arabia'],
    ['The EU border agency agreed to send more officers.', 'frontex'],
    ['The ICRC condemned the attack on the convoy.', 'international-committee-of-the-red-cross'],
    ['The European Council welcomed the agreement.', 'european-council'],
  ])('"%s" names %s', (text, id) => {
    expect(draftOf(text).actors.map((a) => a.id)).toContain(id);
  });

  it('an ambassador acts for the country, with no foreign ministry implied', () => {
    const ids = draftOf('Greek Ambassador Nikos Pappas condemned the raid.').actors.map((a) => a.id);
    expect(ids).toContain('greece');
    expect(ids).not.toContain('greece-foreign-ministry');
  });
});

describe('en grammar, round 5: "would" in reported speech', () => {
  const statusOf = (text: string, code: string) =>
    draftOf(text).events.find((e) => e.cameoCode === code)?.status;

  it('a reported promise stays an assertion', () => {
    expect(statusOf('Paris said on Monday that it would give Chad every support.', '033')).toBe('ASSERTED');
  });

  it('a reported action is still a plan', () => {
    expect(statusOf('Oslo said it would host the talks in June.', '043')).toBe('PLANNED');
  });

  it('working towards a meeting is a plan', () => {
    expect(statusOf('Peru and Ecuador are working towards a summit in June.', '040')).toBe('PLANNED');
  });
});
