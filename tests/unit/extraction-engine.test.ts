import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphActorsOfBundle } from '../../src/modules/extraction/actors/from-bundle.ts';
import { buildGazetteer, type GraphActor } from '../../src/modules/extraction/actors/gazetteer.ts';
import { checkDraft, draftIssues } from '../../src/modules/extraction/checks.ts';
import { defaultLexicons, type LexiconSet } from '../../src/modules/extraction/lexicons.ts';
import { rulesEngine } from '../../src/modules/extraction/rules/engine.ts';
import type { Draft } from '../../src/modules/extraction/types.ts';
import { bundleSchema } from '../../src/modules/ingest/bundle.ts';

const seedBundle = JSON.parse(
  readFileSync(new URL('../../data/seed/bbabo-2022-02-09.bundle.json', import.meta.url), 'utf8'),
);
const seedText = readFileSync(new URL('../../data/seed/bbabo-2022-02-09.txt', import.meta.url), 'utf8');
const seedActors: GraphActor[] = graphActorsOfBundle(seedBundle);
const real = defaultLexicons();

/**
 * The rules engine's own behaviour, on a small English lexicon written here, so that these tests
 * say what the engine does with any lexicon rather than what today's lexicon contains.
 */
const lexicons: LexiconSet = {
  shared: real.shared,
  byLanguage: {
    ...real.byLanguage,
    en: {
      ...real.byLanguage.en,
      triggers: {
        language: 'en',
        patterns: [
          {
            id: 'say',
            pattern: 'said|says|say',
            code: '010',
            pos: 'VERB',
            frame: 'SPEECH',
            summary: 'makes a statement',
          },
          {
            id: 'reject',
            pattern: 'reject*',
            code: '120',
            pos: 'VERB',
            frame: 'DEFAULT',
            summary: 'rejects',
          },
          {
            id: 'criticise',
            pattern: 'criticis*',
            code: '111',
            pos: 'VERB',
            frame: 'DEFAULT',
            summary: 'criticises',
          },
          { id: 'visit', pattern: 'visit*', code: '042', pos: 'VERB', frame: 'MEET', summary: 'visits' },
          {
            id: 'sanction',
            pattern: 'impose ~ sanctions',
            code: '163',
            pos: 'VERB',
            frame: 'DEFAULT',
            summary: 'imposes sanctions',
          },
          {
            id: 'letter',
            pattern: 'sent ~ letter',
            code: '020',
            pos: 'VERB',
            frame: 'ADDRESS',
            summary: 'sends a letter',
          },
          {
            id: 'receive',
            pattern: 'received ~ replies|reply',
            code: '040',
            pos: 'VERB',
            frame: 'RECEIVE',
            summary: 'replies',
          },
        ],
      },
      grammar: {
        language: 'en',
        negation: [
          { id: 'not', pattern: 'not|never' },
          { id: 'did-not', pattern: 'did|does ~1 not' },
        ],
        planned: [{ id: 'will', pattern: 'will' }],
        hypothetical: [
          { id: 'could', pattern: 'could|might' },
          { id: 'if', pattern: 'if' },
        ],
        passiveAgent: ['by'],
        sourcePrepositions: ['from'],
        addresseePrepositions: ['to'],
        withPrepositions: ['with'],
        pastTense: [{ id: 'past', pattern: 'said|rejected|sent|received|was|were|visited|criticised' }],
        futureTense: [{ id: 'will', pattern: 'will' }],
      },
    },
  },
};
const gazetteer = buildGazetteer(seedActors, lexicons);

function extract(text: string, publishedAt = '2022-02-09'): Draft {
  const draft = rulesEngine.extract(
    { text, publishedAt, language: 'en', title: 'Test', publisher: 'Test' },
    { gazetteer, lexicons },
  );
  checkDraft(draft, text);
  return draft;
}
const rolesOf = (d: Draft, i = 0) =>
  Object.fromEntries(d.events[i]!.roles.filter((r) => r.confidence >= 0.5).map((r) => [r.actorId, r.role]));

describe('the rules engine, on a lexicon of its own', () => {
  it('reads the subject as the actor and the object as the recipient', () => {
    const d = extract('Russia rejected the proposal of NATO on Tuesday.');
    expect(d.events.map((e) => e.cameoCode)).toEqual(['120']);
    expect(rolesOf(d)).toMatchObject({ russia: 'ACTOR' });
  });

  it('reads a passive agent after "by" as the actor and the subject as the recipient', () => {
    const d = extract('Belarus was criticised by the United States.');
    expect(rolesOf(d)).toEqual({ 'united-states': 'ACTOR', belarus: 'RECIPIENT' });
  });

  it('gives negated, planned and hypothetical events their status, never ASSERTED', () => {
    expect(extract('Russia did not reject the proposal.').events[0]!.status).toBe('NEGATED');
    expect(extract('Lavrov will visit Minsk.').events[0]!.status).toBe('PLANNED');
    expect(extract('The United States could impose new sanctions on Russia.').events[0]!.status).toBe(
      'HYPOTHETICAL',
    );
    expect(extract('Russia rejected the proposal.').events[0]!.status).toBe('ASSERTED');
  });

  it('reports the main clause of a condition, not what the condition says may happen', () => {
    const after = extract(
      'The United States could impose new sanctions on Russia if Belarus rejected the proposal.',
    );
    expect(after.events.map((e) => [e.cameoCode, e.status])).toEqual([['163', 'HYPOTHETICAL']]);
    const before = extract(
      'If Belarus rejected the proposal, the United States could impose new sanctions on Russia.',
    );
    expect(before.events.map((e) => e.cameoCode)).toEqual(['163']);
    // "Even if" concedes what happened: the event stays.
    const even = extract('Even if Belarus rejected the proposal, the United States visited Minsk.');
    expect(even.events.map((e) => e.cameoCode).sort()).toEqual(['042', '120']);
  });

  it('makes the speaker of a quotation the speaker of what it says', () => {
    const d = extract('"Russia rejects the proposal of NATO entirely," Sergey Lavrov said on Tuesday.');
    const reject = d.events.find((e) => e.cameoCode === '120')!;
    expect(reject.roles.find((r) => r.role === 'SPEAKER')?.actorId).toBe('sergey-lavrov');
    expect(d.events.some((e) => e.cameoCode === '010')).toBe(false);
  });

  it('splits a reception from two senders into one event each', () => {
    const d = extract('In late January, Russia received written replies from Washington and from NATO.');
    expect(d.events.map((e) => rolesOf(d, d.events.indexOf(e)))).toEqual([
      { russia: 'RECIPIENT', 'united-states': 'ACTOR' },
      { russia: 'RECIPIENT', nato: 'ACTOR' },
    ]);
    for (const e of d.events)
      expect(e.date).toMatchObject({
        earliest: '2022-01-21',
        latest: '2022-01-31',
        precision: 'MONTH',
        qualifier: 'LATE',
      });
  });

  it('gives an undated event the week before publication with a warning, never a day', () => {
    const d = extract('Russia rejected the proposal of NATO.');
    expect(d.events[0]!.date).toMatchObject({
      earliest: '2022-02-02',
      latest: '2022-02-09',
      precision: 'MONTH',
      qualifier: 'APPROX',
      text: null,
    });
    expect(d.events[0]!.date.warnings.map((w) => w.code)).toContain('DATE_NOT_IN_TEXT');
  });

  it('reads an addressee after "to" in a letter', () => {
    const d = extract('Lavrov sent a letter to Canada on 28 January.');
    expect(rolesOf(d)).toMatchObject({ 'sergey-lavrov': 'ACTOR', canada: 'ADDRESSEE' });
    expect(d.events[0]!.date).toMatchObject({
      earliest: '2022-01-28',
      latest: '2022-01-28',
      precision: 'DAY',
    });
  });

  it('gives the same draft for the same input', () => {
    const text = 'Russia rejected the proposal of NATO on Tuesday. Lavrov sent a letter to Canada.';
    expect(JSON.stringify(extract(text))).toBe(JSON.stringify(extract(text)));
  });

  it('gives two articles different event ids', () => {
    const a = extract('Russia rejected the proposal of NATO.');
    const b = rulesEngine.extract(
      {
        text: 'Russia rejected the proposal of NATO.',
        publishedAt: '2022-02-09',
        language: 'en',
        title: 'Other',
        publisher: 'Test',
      },
      { gazetteer, lexicons },
    );
    expect(a.events[0]!.id).not.toBe(b.events[0]!.id);
  });
});

describe('the seed article with the repository lexicons', () => {
  const draft = rulesEngine.extract(
    { text: seedText, publishedAt: '2022-02-09', language: 'fr', title: 'Seed again', publisher: 'Test' },
    { gazetteer: buildGazetteer(seedActors, real), lexicons: real },
  );

  it('passes the draft checks and validates as a bundle', () => {
    expect(draftIssues(draft, seedText)).toEqual([]);
    expect(bundleSchema.safeParse(draft.bundle).success).toBe(true);
  });

  it('links every actor it finds to the graph: no second Belarus, Russia or Lavrov', () => {
    const seedIds = new Set(seedActors.map((a) => a.id));
    const newOnes = (draft.bundle.actors ?? []).filter((a) => !seedIds.has(a.id));
    const names = new Set(seedActors.flatMap((a) => [a.name, ...a.aliases].map((n) => n.toLowerCase())));
    expect(newOnes.filter((a) => names.has(a.name.toLowerCase()))).toEqual([]);
  });

  it('dates «Fin janvier» as late January, not a day', () => {
    const late = draft.events.filter((e) => e.date.text?.toLowerCase().includes('fin janvier'));
    expect(late.length).toBeGreaterThan(0);
    for (const e of late)
      expect(e.date).toMatchObject({
        earliest: '2022-01-21',
        latest: '2022-01-31',
        precision: 'MONTH',
        qualifier: 'LATE',
      });
  });
});
