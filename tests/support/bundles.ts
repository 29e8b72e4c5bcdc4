import type { BundleInput } from '../../src/modules/ingest/bundle.ts';

/** A small, valid bundle whose ids all start with `prefix`, so a test owns what it writes. */
export function makeBundle(
  prefix: string,
  options: { sharedActors?: string[]; extraAlias?: string } = {},
): BundleInput {
  const text =
    `${prefix} report. Alpha met Beta in Gamma on 3 March 2023. ` +
    'Beta later sent a letter to Alpha. Alpha is a member of Gamma.';
  const at = (quote: string) => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`quote not in text: ${quote}`);
    return { quote, start, end: start + quote.length, confidence: 0.9 };
  };
  const shared = options.sharedActors ?? [];
  const alpha = shared[0] ?? `${prefix}-alpha`;
  const beta = shared[1] ?? `${prefix}-beta`;
  return {
    bundleVersion: 1,
    article: {
      id: `${prefix}-article`,
      url: `https://example.org/${prefix}`,
      title: `${prefix} report`,
      publisher: 'example.org',
      publishedAt: '2023-03-04',
      language: 'en',
      text,
    },
    actors: [
      {
        id: alpha,
        kind: 'COUNTRY',
        name: 'Alpha',
        aliases: ['Alpha', 'Alphaland', ...(options.extraAlias ? [options.extraAlias] : [])],
        countryCode: 'ALP',
      },
      { id: beta, kind: 'PERSON', name: 'Beta', aliases: ['Beta'] },
      { id: `${prefix}-gamma`, kind: 'IGO', name: 'Gamma', aliases: ['Gamma'], wikidataId: 'Q1' },
    ],
    documents: [
      {
        id: `${prefix}-letter`,
        kind: 'LETTER',
        title: 'Beta to Alpha',
        authoredBy: [beta],
        addressedTo: [alpha],
      },
    ],
    events: [
      {
        id: `${prefix}-meeting`,
        summary: 'Alpha met Beta in Gamma.',
        cameoCode: '040',
        status: 'ASSERTED',
        date: {
          earliest: '2023-03-03',
          latest: '2023-03-03',
          precision: 'DAY',
          qualifier: null,
          text: '3 March 2023',
        },
        participants: [
          { actorId: alpha, role: 'ACTOR' },
          { actorId: beta, role: 'PARTICIPANT' },
          { actorId: `${prefix}-gamma`, role: 'HOST' },
        ],
        documents: [],
        mentions: [at('Alpha met Beta in Gamma on 3 March 2023.')],
      },
      {
        id: `${prefix}-letter-sent`,
        summary: 'Beta sent a letter to Alpha.',
        cameoCode: '010',
        status: 'ASSERTED',
        date: {
          earliest: '2023-03-03',
          latest: '2023-03-04',
          precision: 'DAY',
          qualifier: 'APPROX',
          text: 'later',
        },
        participants: [
          { actorId: beta, role: 'SPEAKER' },
          { actorId: alpha, role: 'ADDRESSEE' },
        ],
        documents: [`${prefix}-letter`],
        mentions: [at('Beta later sent a letter to Alpha.')],
      },
    ],
    eventLinks: [{ type: 'FOLLOWS_UP', from: `${prefix}-letter-sent`, to: `${prefix}-meeting` }],
    facts: [
      {
        type: 'MEMBER_OF',
        subjectId: alpha,
        objectId: `${prefix}-gamma`,
        mentions: [at('Alpha is a member of Gamma.')],
      },
      { type: 'MEMBER_OF', subjectId: beta, objectId: `${prefix}-gamma`, source: 'wikidata' },
    ],
  };
}
