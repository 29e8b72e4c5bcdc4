import { describe, expect, it } from 'vitest';
import { expectSelected, selectTriggers } from '../support/triggers.ts';

/**
 * Round 6 of the English triggers: a coverage pass over the CAMEO roots the product covers,
 * written from common wire-agency phrasings rather than from the dev articles' misses. Each
 * family added gets one invented sentence that the engine's overlap rule must resolve to it;
 * the ordinary sentences (several reuse the new words in everyday senses) must fire nothing.
 */
const ids = (sentence: string) => selectTriggers('en', sentence).map((s) => `${s.id}:${s.code}`);

// Each sentence names the entry the engine should keep in it and that entry's code.
const POSITIVE: [string, string, string][] = [
  ['The ministry disclosed that two ships had been turned back.', 'disclose-that', '010'],
  ['The Kremlin signalled that it was open to a deal.', 'signal-that', '010'],
  ['The minister wrote in an op-ed that the alliance must act.', 'op-ed', '010'],
  ['In an opinion piece, the senator urged calm.', 'opinion-piece', '010'],
  ['Berlin is deeply concerned by the reports of arrests.', 'concerned-by', '012'],
  ['Both sides described the talks as constructive.', 'described-constructive', '013'],
  ['The envoy said the talks were productive.', 'talks-were-constructive', '013'],
  ['The two leaders reaffirmed their shared commitment to peace.', 'shared-commitment', '019'],
  ['The ministers agreed that the crisis needed a political answer.', 'agreed-that', '019'],
  ['The council called for an immediate cessation of hostilities.', 'call-cessation-hostilities', '0256'],
  ['Rights groups called for the journalist to be freed.', 'call-to-be-freed', '0253'],
  ['The family demanded that the two sailors be released at once.', 'demand-to-be-freed', '1053'],
  ['The emir played host to the delegations.', 'play-host', '043'],
  ['Egypt, a longtime go-between, hosted the talks.', 'go-between', '045'],
  ['Oman served as an intermediary between the two capitals.', 'act-as-mediator', '045'],
  ['Paris threw its weight behind the proposal.', 'throw-weight-behind', '051'],
  ['The party came out in favour of the treaty.', 'come-out-in-favour', '051'],
  ['The two countries agreed to boost bilateral trade.', 'boost-trade', '061'],
  ['The fund will invest in a new port near the border.', 'invest-in-project', '061'],
  ['The two armies will conduct joint training next spring.', 'joint-training', '062'],
  ['The ministers discussed defence cooperation.', 'defence-cooperation', '062'],
  ['The ministers discussed defence co-operation.', 'defence-co-operation', '062'],
  ['The agency airlifted food to the stranded villages.', 'airlift-aid', '073'],
  ['The government bowed to pressure and withdrew the bill.', 'bow-to-pressure', '080'],
  ['The ministry climbed down after a week of protests.', 'climb-down', '080'],
  ['The army pulled out of the city overnight.', 'pull-out-of-city', '087'],
  ['The militia withdrew from the town on Sunday.', 'withdraw-from-city', '087'],
  ['The general rejected calls for a ceasefire.', 'reject-calls-ceasefire', '1246'],
  ['Tens of thousands staged a protest in the capital.', 'stage-protest', '141'],
  ['The president cancelled his trip to Washington.', 'cancel-trip-to', '164'],
  ['Washington stepped up pressure on the junta.', 'step-up-pressure', '170'],
  ['Security forces detained dozens of protesters.', 'detained-active', '173'],
  ['Troops raided the camp before dawn.', 'forces-raided', '190'],
  ['The crowd stormed the parliament building.', 'stormed-target', '190'],
  ['The two armies fought for control of the town.', 'fight-for-control', '190'],
  ['Rebel columns advanced on the capital.', 'advance-on', '190'],
  ['A missile hit an apartment block in the east.', 'missile-hit', '195'],
  ['The rebels broke the truce within hours.', 'break-truce', '196'],
  ['The minister underscored the need for unity.', 'underscore', '010'],
  ['Aid groups sounded the alarm over the famine.', 'sound-alarm', '012'],
  ['The two sides kicked off talks on Monday.', 'kick-off-talks', '040'],
  ['The foreign minister led a delegation to Beijing.', 'lead-delegation', '042'],
  ['Paris rolled out the red carpet for the emir.', 'red-carpet', '043'],
  ['The new president reached out to the opposition.', 'reach-out-to', '036'],
  ['Canada provided funding for the clinics.', 'provide-funding', '071'],
  ['The minister chided the allies for their slowness.', 'chide', '111'],
  ['The ministry cautioned against any escalation.', 'caution-against', '130'],
  ['The army vowed to hit back.', 'vow-hit-back', '130'],
  ['The spokesman hit back at the critics.', 'hit-back-at', '111'],
  ['Prosecutors charged the activist with treason.', 'charged-with-crime', '173'],
  ['The former minister was indicted on corruption charges.', 'indict', '173'],
  ['Students staged a sit-in outside the ministry.', 'sit-in', '141'],
  ['The navy intercepted the vessel off the coast.', 'intercept-vessel', '171'],
  ['Air defences downed ten drones overnight.', 'downed-aircraft', '190'],
  ['The two sides exchanged fire across the border.', 'exchanged-fire', '193'],
  ['Soldiers skirmished with rebels near the pass.', 'skirmish', '190'],
  ['The navy sank a patrol boat.', 'sink-vessel', '190'],
  ['Rebels overran the base after a long siege.', 'overrun-positions', '192'],
  ['The air force struck rebel positions.', 'air-force-struck', '195'],
  ['The country withdrew from the nuclear deal.', 'withdraw-from-deal', '160'],
  ['The parties put pen to paper on the accord.', 'put-pen-to-paper', '057'],
  ['Protesters torched police cars.', 'torch', '145'],
  ['Rioters set fire to the town hall.', 'set-fire-to', '145'],
  ['Three members voted against the resolution.', 'vote-against', '120'],
  ['The general said all options were on the table.', 'options-on-table', '130'],
  ['Dock workers walked off the job on Monday.', 'walk-off-job', '143'],
  ['The EU agreed a new package of sanctions.', 'agree-sanctions-package', '163'],
  ['Washington targeted ten companies with sanctions.', 'target-with-sanctions', '163'],
  ['Police took the activist into custody.', 'into-custody', '173'],
  ['Troops entered the town on Friday.', 'troops-entered', '192'],
  ['Tanks rolled into the border town.', 'troops-rolled-into', '192'],
  ['Russia carried out a massive air attack on the capital.', 'carry-out-air-attack', '195'],
  ['The president sought help from his allies.', 'seek-help', '023'],
  ['Kyiv pleaded for more ammunition.', 'plead-for-weapons', '0232'],
  ['The ministers huddled in Brussels.', 'huddle', '040'],
  ['The envoy was received by the king.', 'received-by', '043'],
  ['The president touched down in Hanoi.', 'touch-down-in', '042'],
  ['The EU lent its support to the initiative.', 'lend-support', '051'],
  ['The two agencies will coordinate their efforts.', 'coordinate-efforts', '060'],
  ['The government reversed its decision on the visas.', 'reverse-decision', '080'],
  ['The minister said Moscow was behind the attack.', 'behind-the-attack', '112'],
  ['The country declined the offer.', 'decline-offer', '125'],
  ['The parliament voted down the bill.', 'vote-down', '120'],
  ['Thousands demonstrated against the war.', 'demonstrate-against', '141'],
  ['Crowds rallied in support of the president.', 'rally-in-support', '141'],
  ['Dock workers staged a strike.', 'stage-strike', '143'],
  ['The ruling sparked an outcry.', 'outcry', '111'],
  ['The suspension of cooperation was announced on Friday.', 'suspension-of-cooperation', '160'],
  ['The severing of ties shocked the region.', 'severing-of-ties', '161'],
];

const NEGATIVE = [
  'The chef set fire to the brandy in the pan.',
  'The two detained cats were moved to a new shelter.',
  'Sales of the novel hit a record in May.',
  'The crew sank into their chairs after the long shift.',
  'The old ferry pulled out of the harbour at noon.',
  'The team stormed back in the final quarter.',
  'The hikers advanced slowly up the ridge.',
  'The bakery will invest in a new oven next year.',
  'The ferry crossed into calmer water after midnight.',
  'The gardener rolled the lawn before the frost.',
  'The novel was translated into twelve languages.',
  'The choir rehearsed in the old chapel every Thursday.',
  'The river burst its banks after a week of heavy rain.',
];

describe('en triggers, round 6: coverage families are chosen in hand-written sentences', () => {
  it.each(POSITIVE)('"%s" selects %s (%s)', (sentence, id, code) => {
    expectSelected('en', sentence, id, code);
  });
});

describe('en triggers, round 6: ordinary sentences fire nothing', () => {
  it.each(NEGATIVE)('"%s" selects no trigger', (sentence) => {
    expect(ids(sentence)).toEqual([]);
  });
});
