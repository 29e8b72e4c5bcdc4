import { describe, expect, it } from 'vitest';
import type { DraftActor, DraftEvent, DraftFact, ExtractionDraft, Role } from '../../web/src/queries.ts';
import {
  type Bundle,
  dateIssues,
  dateLabel,
  initialDecisions,
  intervalLabel,
  isIsoDate,
  reviewBundle,
} from '../../web/src/review.ts';

// The explorer's review rules, without a browser: a small invented draft (two linked
// countries, one new person, three events, two facts) and the decisions an editor makes on it.

const TEXT =
  'Ruritania and Freedonia signed a trade pact on 3 March. Anna Kowal praised it. Ruritania threatened Freedonia later. Anna Kowal heads the Ruritanian trade office.';

function span(quote: string) {
  const start = TEXT.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  return { start, end: start + quote.length, quote };
}

const scored = (confidence: number) => ({
  confidence,
  evidence: [{ rule: 'test', entry: null, detail: null }],
  warnings: [],
});

function actor(
  id: string,
  name: string,
  status: 'LINKED' | 'NEW',
  quote: string,
  confidence = 0.9,
): DraftActor {
  return {
    id,
    name,
    kind: status === 'NEW' ? 'PERSON' : 'COUNTRY',
    status,
    countryCode: null,
    newAliases: status === 'NEW' ? [name] : [],
    ...scored(confidence),
    mentions: [{ ...span(quote), sentence: 0, via: 'NAME', confidence }],
  };
}

function event(
  id: string,
  sentence: string,
  trigger: string,
  code: string,
  roles: [string, Role, number][],
  confidence = 0.8,
): DraftEvent {
  return {
    id,
    cameoCode: code,
    cameoName: null,
    status: 'ASSERTED',
    summary: `summary of ${id}`,
    sentence: 0,
    trigger: span(trigger),
    mention: span(sentence),
    roles: roles.map(([actorId, role, c]) => ({ actorId, role, mention: null, ...scored(c) })),
    date: {
      earliest: '2023-03-03',
      latest: '2023-03-03',
      precision: 'DAY',
      qualifier: null,
      text: '3 March',
      span: span('3 March'),
      sentence: 0,
      ...scored(0.9),
    },
    ...scored(confidence),
  };
}

function makeDraft(): ExtractionDraft {
  const actors = [
    actor('ruritania', 'Ruritania', 'LINKED', 'Ruritania'),
    actor('freedonia', 'Freedonia', 'LINKED', 'Freedonia'),
    actor('anna-kowal', 'Anna Kowal', 'NEW', 'Anna Kowal'),
  ];
  const events = [
    event('evt-pact', 'Ruritania and Freedonia signed a trade pact on 3 March.', 'signed', '057', [
      ['ruritania', 'ACTOR', 0.9],
      ['freedonia', 'ACTOR', 0.9],
    ]),
    event('evt-praise', 'Anna Kowal praised it.', 'praised', '051', [['anna-kowal', 'SPEAKER', 0.8]]),
    event(
      'evt-threat',
      'Ruritania threatened Freedonia later.',
      'threatened',
      '130',
      [
        ['ruritania', 'ACTOR', 0.7],
        ['freedonia', 'RECIPIENT', 0.4],
      ],
      0.45,
    ),
  ];
  const facts: DraftFact[] = [
    {
      type: 'HOLDS_POSITION',
      subjectId: 'anna-kowal',
      objectId: 'ruritania',
      title: 'Head of the trade office',
      mention: span('Anna Kowal heads the Ruritanian trade office.'),
      sentence: 3,
      ...scored(0.7),
    },
    {
      type: 'PART_OF',
      subjectId: 'freedonia',
      objectId: 'ruritania',
      title: null,
      mention: span('Freedonia'),
      sentence: 0,
      ...scored(0.3),
    },
  ];
  const bundle: Bundle = {
    bundleVersion: 1,
    article: { id: 'test-2023-03-04-pact', text: TEXT },
    actors: [{ id: 'anna-kowal', kind: 'PERSON', name: 'Anna Kowal', aliases: ['Anna Kowal'] }],
    documents: [{ id: 'doc-pact', kind: 'OTHER', title: 'The pact', authoredBy: ['ruritania', 'freedonia'] }],
    events: events.map((e) => ({
      id: e.id,
      summary: e.summary,
      cameoCode: e.cameoCode,
      status: e.status,
      date: {
        earliest: '2023-03-03',
        latest: '2023-03-03',
        precision: 'DAY',
        qualifier: null,
        text: '3 March',
      },
      participants: e.roles.map((r) => ({ actorId: r.actorId, role: r.role })),
      documents: e.id === 'evt-pact' ? ['doc-pact'] : [],
      mentions: [{ ...e.mention, confidence: e.confidence }],
    })),
    eventLinks: [{ type: 'FOLLOWS_UP', from: 'evt-threat', to: 'evt-pact' }],
    facts: facts.map((f) => ({
      type: f.type,
      subjectId: f.subjectId,
      objectId: f.objectId,
      title: f.title,
      source: null,
      mentions: [{ ...f.mention, confidence: f.confidence }],
    })),
  };
  return {
    engine: 'test',
    language: 'en',
    languageSource: 'METADATA',
    languageConfidence: 1,
    bundle,
    sentences: [span('Ruritania and Freedonia signed a trade pact on 3 March.')],
    actors,
    events,
    facts,
    warnings: [],
  };
}

const eventIds = (b: Bundle) => (b.events ?? []).map((e) => e.id);

describe('initialDecisions', () => {
  it('accepts what is above confidence 0.5 and leaves the rest unchecked', () => {
    const d = initialDecisions(makeDraft());
    expect(d.events['evt-pact']?.accepted).toBe(true);
    expect(d.events['evt-threat']?.accepted).toBe(false); // 0.45
    expect(d.events['evt-threat']?.roles.map((r) => r.accepted)).toEqual([true, false]); // 0.7, 0.4
    expect(d.facts).toEqual([true, false]); // 0.7, 0.3
    expect(d.actors['anna-kowal']).toEqual({
      accepted: true,
      linkTo: { id: 'anna-kowal', name: 'Anna Kowal' },
    });
  });
});

describe('reviewBundle', () => {
  it('keeps the accepted items as the draft has them, and drops what starts rejected', () => {
    const draft = makeDraft();
    const r = reviewBundle(draft, initialDecisions(draft));
    expect(r.issues).toEqual([]);
    expect(eventIds(r.bundle)).toEqual(['evt-pact', 'evt-praise']);
    // The link from the rejected event goes with it.
    expect(r.bundle.eventLinks).toEqual([]);
    expect(r.bundle.facts?.map((f) => f.type)).toEqual(['HOLDS_POSITION']);
    expect(r.bundle.actors?.map((a) => a.id)).toEqual(['anna-kowal']);
    expect(r.bundle.documents?.map((d) => d.id)).toEqual(['doc-pact']);
    expect(r.participants.map((p) => p.id)).toEqual(['ruritania', 'freedonia', 'anna-kowal']);
    // The article and its text are untouched.
    expect(r.bundle.article).toEqual((draft.bundle as Bundle).article);
  });

  it('removes a rejected event and, with its last role rejected, an event with a note', () => {
    const draft = makeDraft();
    const d = initialDecisions(draft);
    d.events['evt-pact']!.accepted = false;
    d.events['evt-praise']!.roles[0]!.accepted = false;
    const r = reviewBundle(draft, d);
    expect(eventIds(r.bundle)).toEqual([]);
    expect(r.notes).toContain(
      'The event “summary of evt-praise” was removed: none of its participants is left.',
    );
    // Nothing was rejected by hand about the pact's document: unreferenced, it goes.
    expect(r.bundle.documents).toEqual([]);
    // Anna Kowal still holds a kept fact, so her definition stays.
    expect(r.bundle.actors?.map((a) => a.id)).toEqual(['anna-kowal']);
  });

  it('removes an actor no kept event or fact uses, and says so', () => {
    const draft = makeDraft();
    const d = initialDecisions(draft);
    d.events['evt-praise']!.accepted = false;
    d.facts[0] = false;
    const r = reviewBundle(draft, d);
    expect(r.bundle.actors).toEqual([]);
    expect(r.notes).toContain('Anna Kowal is no longer in any kept event or fact: left out of the bundle.');
  });

  it('applies an edited role, CAMEO code and date, and keeps the article’s words for the date', () => {
    const draft = makeDraft();
    const d = initialDecisions(draft);
    const pact = d.events['evt-pact']!;
    pact.roles[1]!.role = 'RECIPIENT';
    pact.cameoCode = '0571';
    pact.date = { earliest: '2023-03-01', latest: '2023-03-10', precision: 'MONTH', qualifier: 'EARLY' };
    const r = reviewBundle(draft, d);
    const e = r.bundle.events?.find((x) => x.id === 'evt-pact');
    expect(e?.participants).toEqual([
      { actorId: 'ruritania', role: 'ACTOR' },
      { actorId: 'freedonia', role: 'RECIPIENT' },
    ]);
    expect(e?.cameoCode).toBe('0571');
    expect(e?.date).toEqual({
      earliest: '2023-03-01',
      latest: '2023-03-10',
      precision: 'MONTH',
      qualifier: 'EARLY',
      text: '3 March',
    });
    expect(r.issues).toEqual([]);
  });

  it('reports a CAMEO code that is not digits and a date that ends before it starts', () => {
    const draft = makeDraft();
    const d = initialDecisions(draft);
    d.events['evt-pact']!.cameoCode = '05a';
    d.events['evt-praise']!.date = {
      earliest: '2023-03-05',
      latest: '2023-03-01',
      precision: 'DAY',
      qualifier: null,
    };
    const r = reviewBundle(draft, d);
    expect(r.issues).toEqual([
      { where: 'event “summary of evt-pact”', message: 'the CAMEO code “05a” is not 2 to 4 digits' },
      { where: 'event “summary of evt-praise”', message: 'the earliest date is after the latest' },
    ]);
  });

  it('relinks a new actor to a graph actor: roles and facts follow, the new definition goes', () => {
    const draft = makeDraft();
    const d = initialDecisions(draft);
    d.actors['anna-kowal']!.linkTo = { id: 'anna-kowalska', name: 'Anna Kowalska' };
    const r = reviewBundle(draft, d);
    expect(r.bundle.events?.find((e) => e.id === 'evt-praise')?.participants).toEqual([
      { actorId: 'anna-kowalska', role: 'SPEAKER' },
    ]);
    expect(r.bundle.facts?.[0]).toMatchObject({ subjectId: 'anna-kowalska', objectId: 'ruritania' });
    expect(r.bundle.actors).toEqual([]);
    // Relinked by hand: no note for the definition it makes unused.
    expect(r.notes).toEqual([]);
    expect(r.participants).toContainEqual({ id: 'anna-kowalska', name: 'Anna Kowalska' });
  });

  it('merges duplicate participants and drops a fact whose two ends became one actor', () => {
    const draft = makeDraft();
    const d = initialDecisions(draft);
    d.facts[1] = true; // freedonia PART_OF ruritania
    d.actors.freedonia!.linkTo = { id: 'ruritania', name: 'Ruritania' };
    const r = reviewBundle(draft, d);
    expect(r.bundle.events?.find((e) => e.id === 'evt-pact')?.participants).toEqual([
      { actorId: 'ruritania', role: 'ACTOR' },
    ]);
    expect(r.bundle.facts?.map((f) => f.type)).toEqual(['HOLDS_POSITION']);
    expect(r.notes).toContain(
      'The fact Freedonia part of Ruritania was removed: both its ends are now the same actor.',
    );
    expect(r.bundle.documents?.[0]?.authoredBy).toEqual(['ruritania']);
  });

  it('takes a rejected actor’s roles and facts with it', () => {
    const draft = makeDraft();
    const d = initialDecisions(draft);
    d.actors.ruritania!.accepted = false;
    const r = reviewBundle(draft, d);
    expect(r.bundle.events?.find((e) => e.id === 'evt-pact')?.participants).toEqual([
      { actorId: 'freedonia', role: 'ACTOR' },
    ]);
    expect(r.bundle.facts).toEqual([]);
    expect(r.notes).toContain(
      'The fact Anna Kowal holds position Ruritania was removed: one of its actors was rejected.',
    );
  });

  it('does not change the draft it reviews', () => {
    const draft = makeDraft();
    const before = JSON.stringify(draft);
    const d = initialDecisions(draft);
    d.events['evt-pact']!.roles[0]!.role = 'HOST';
    d.actors['anna-kowal']!.accepted = false;
    reviewBundle(draft, d);
    expect(JSON.stringify(draft)).toBe(before);
  });
});

describe('dates', () => {
  it('says the article’s words, the interval, the precision and the qualifier', () => {
    expect(
      dateLabel({
        text: 'Fin janvier',
        earliest: '2022-01-21',
        latest: '2022-01-31',
        precision: 'MONTH',
        qualifier: 'LATE',
      }),
    ).toBe('«Fin janvier» → 21–31 Jan 2022, MONTH, LATE');
    expect(
      dateLabel({
        text: null,
        earliest: '2022-02-02',
        latest: '2022-02-09',
        precision: 'MONTH',
        qualifier: 'APPROX',
      }),
    ).toBe('date not in text → 2–9 Feb 2022, MONTH, APPROX');
    expect(intervalLabel('2022-02-09', '2022-02-09')).toBe('9 Feb 2022');
    expect(intervalLabel('2022-01-28', '2022-02-09')).toBe('28 Jan – 9 Feb 2022');
    expect(intervalLabel('2021-12-17', '2022-01-02')).toBe('17 Dec 2021 – 2 Jan 2022');
  });

  it('refuses days that do not exist and unknown precisions', () => {
    expect(isIsoDate('2022-02-28')).toBe(true);
    expect(isIsoDate('2022-02-30')).toBe(false);
    expect(isIsoDate('22-02-09')).toBe(false);
    expect(
      dateIssues({ earliest: '2022-02-30', latest: '2022-03-01', precision: 'WEEK', qualifier: 'SOON' }),
    ).toEqual([
      'the earliest date is not a YYYY-MM-DD day',
      'unknown precision “WEEK”',
      'unknown qualifier “SOON”',
    ]);
  });
});

describe('a new actor only an opted-in role uses', () => {
  it('is defined in the reviewed bundle from the draft, so ingest knows its id', () => {
    const draft = makeDraft();
    draft.actors.push(actor('zenda', 'Zenda', 'NEW', 'Freedonia', 0.35));
    draft.actors[3]!.kind = 'COUNTRY';
    draft.events[2]!.roles.push({ actorId: 'zenda', role: 'SUBJECT', mention: null, ...scored(0.35) });
    const d = initialDecisions(draft);
    d.events['evt-threat']!.accepted = true;
    for (const r of d.events['evt-threat']!.roles) r.accepted = true;
    d.actors.zenda!.accepted = true;
    const { bundle } = reviewBundle(draft, d);
    expect(bundle.events?.find((e) => e.id === 'evt-threat')?.participants).toContainEqual({
      actorId: 'zenda',
      role: 'SUBJECT',
    });
    expect(bundle.actors?.find((a) => a.id === 'zenda')).toMatchObject({ kind: 'COUNTRY', name: 'Zenda' });
  });
});
