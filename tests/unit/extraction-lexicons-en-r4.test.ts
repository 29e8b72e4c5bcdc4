import { describe, expect, it } from 'vitest';
import { selectTriggers } from '../support/triggers.ts';

/**
 * Round 4 of the English trigger lexicon: each family added for a phrasing the dev articles
 * missed, checked on sentences of our own through the engine's overlap rule, and the
 * narrowings (a held veto, "the host country", an appeal's complement, a trip's purpose)
 * checked by what no longer fires.
 */
const ids = (sentence: string) => selectTriggers('en', sentence).map((s) => `${s.id}:${s.code}`);

// Each sentence names the entry the engine should keep in it and that entry's code.
const POSITIVE: [string, string, string][] = [
  ['The two presidents talked by telephone for an hour on Sunday.', 'by-phone', '041'],
  ['The premier spoke with the king on the phone late on Friday.', 'spoke-by-phone', '041'],
  ['The ministers held talks over the phone about grain exports.', 'talks-by-phone', '041'],
  ['Beijing said it would veto any text that named its ally.', 'veto-verb', '129'],
  ['The resolution failed after Moscow cast its veto.', 'wield-veto-det', '129'],
  ['Paris threatened to veto the trade agreement.', 'threaten-veto', '130'],
  ['Tbilisi will host the next round of consultations.', 'host-verb', '043'],
  ['The two agencies cooperated on the search for the missing crew.', 'cooperate', '060'],
  ['The defence ministers opened their two-day meeting in Vilnius.', 'open-meeting', '040'],
  ['The summit of Nordic leaders opened in Reykjavik on Tuesday.', 'meeting-opened', '040'],
  ['The Czech president attended the inauguration in Bratislava.', 'attend', '040'],
  ['The deal was first sketched by the two leaders at their summit in Malta.', 'at-their-meeting', '040'],
  ['Talks between Serbian and Kosovan officials resumed in Brussels.', 'talks-between', '040'],
  ['Negotiations between the two governments stalled over customs duties.', 'negotiations-between', '046'],
  ['Proximity talks between the rival delegations opened in Doha.', 'indirect-talks-between', '046'],
  ['The Finnish president talked with his Swedish counterpart on Monday.', 'talked-with', '040'],
  ['Norway put forward a draft resolution on the fishing dispute.', 'put-forward', '020'],
  ['Mexico tabled an amendment to the final declaration.', 'submit-proposal', '020'],
  ['The envoy asked both governments for a swift reply.', 'ask-for', '020'],
  ['Warsaw urged its partners to condemn the attack on the consulate.', 'urge-to-act', '020'],
  ['The envoy asked the council members to reject the motion.', 'ask-to-act', '020'],
  ['The bloc called on its members to expel the diplomats.', 'call-on-to-act', '020'],
  ['Ottawa encouraged its allies to boycott the games.', 'encourage-to-act', '020'],
  ['The spokeswoman declined to say when the minister would travel.', 'decline-elaborate', '011'],
  ['The ministry refused to give a date for the withdrawal.', 'decline-give-details', '011'],
  ['Baku threatened to scale back its cooperation with the mission.', 'scale-back-cooperation', '160'],
  ['The government decided to curtail its contacts with the junta.', 'curtail-cooperation', '160'],
  ['Contacts with the junta were scaled back last year.', 'cooperation-scaled-back', '160'],
  ['Oslo reduced its diplomatic presence in the capital.', 'downgrade-diplomatic', '161'],
  ['Pyongyang has not responded to the proposal from Seoul.', 'respond-to', '040'],
  ['The journalist was not allowed to enter the courtroom.', 'not-allowed-enter', '172'],
  ['Two opposition leaders were prevented from boarding the flight.', 'barred-from-entering', '172'],
  ['The authorities denied the delegation permission to land.', 'denied-permission', '172'],
  ['The senator flew to Taipei to meet the island’s leaders.', 'visit-to-discuss', '042'],
  ['“The new law is a blatant provocation,” the ambassador said.', 'is-provocation', '111'],
  ['The mediator said a settlement was within reach.', 'within-reach', '013'],
  ['Both delegations said they were close to a deal on prisoners.', 'close-to-deal', '013'],
];

// What a narrowing stops: the entry that should no longer be kept in the sentence.
const NARROWED: [string, string][] = [
  ['Each permanent member of the council has a veto.', 'veto:129'],
  ['The host country paid for the delegates’ hotels.', 'host-verb:043'],
  ['The host country paid for the delegates’ hotels.', 'host:043'],
  ['The Organization for Security and Co-operation in Europe met in Vienna.', 'cooperate:060'],
  ['The Organization for Security and Co-operation in Europe met in Vienna.', 'co-operate:060'],
  ['The two negotiators left the hotel before dawn.', 'negotiate:046'],
  ['Lapid urged Washington to reject the text.', 'reject:120'],
  ['The minister will visit Kyiv next week to discuss reconstruction.', 'discuss:040'],
  ['The town is within reach of the enemy artillery.', 'within-reach:013'],
  ['Asked for comment, the ministry pointed to an earlier statement.', 'ask-for:020'],
  ['The mediator arrived at the airport in the evening.', 'mediate:045'],
];

// Ordinary sentences about nothing a state does: no trigger of the whole file may fire in them.
const NEGATIVE: string[] = [
  'The ferry to the island was delayed by fog this morning.',
  'A local baker won the regional prize for rye bread.',
  'The museum reopened its gallery of medieval tapestries.',
  'Rain is expected across the north on Thursday evening.',
  'The football club bought a young goalkeeper from the academy.',
  'Her grandmother grew tomatoes and beans in a small garden.',
  'The new tram line links the station with the university.',
  'Children painted the fence of the playground in bright colours.',
  'The choir sang old folk songs in the village church.',
  'A herd of deer crossed the road near the forest.',
];

describe('en triggers, round 4: new families are chosen in hand-written sentences', () => {
  it.each(POSITIVE)('"%s" selects %s (%s)', (sentence, id, code) => {
    const hit = selectTriggers('en', sentence).find((s) => s.id === id);
    expect(hit, JSON.stringify(ids(sentence))).toBeDefined();
    expect(hit?.code).toBe(code);
  });
});

describe('en triggers, round 4: narrowed entries no longer fire where they misread', () => {
  it.each(NARROWED)('"%s" does not select %s', (sentence, idCode) => {
    expect(ids(sentence)).not.toContain(idCode);
  });
});

describe('en triggers, round 4: ordinary sentences fire nothing', () => {
  it.each(NEGATIVE)('"%s" selects no trigger', (sentence) => {
    expect(ids(sentence)).toEqual([]);
  });
});
