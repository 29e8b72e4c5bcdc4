/**
 * The operations GraphiQL opens with: real questions about the seed article. A test runs each
 * one against the seed, so they keep working as the schema changes.
 */
export interface ExampleOperation {
  title: string;
  query: string;
}

export const EXAMPLE_OPERATIONS: ExampleOperation[] = [
  {
    title: 'Who said what on 9 February 2022',
    query: `# Who said what on 9 February 2022, and on whose word?
query WhoSaidWhat {
  events(filter: { from: "2022-02-09", to: "2022-02-09", role: SPEAKER }) {
    totalCount
    nodes {
      summary
      type { code name goldstein }
      speakers: participants(role: SPEAKER) { actor { name } }
      onBehalfOf: participants(role: ON_BEHALF_OF) { actor { name } }
      partOf { summary }
      mentions { quote article { publisher publishedAt } }
    }
  }
}`,
  },
  {
    title: "Russia's proposals and the replies to them",
    query: `# Russia's security-guarantee proposals, the documents, and the replies they got.
query ProposalsAndReplies {
  actor(id: "russia") {
    name
    events(filter: { typePrefix: "02" }) {
      nodes {
        summary
        date { earliest latest precision text }
        documents { kind title addressedTo { name } }
        responses {
          summary
          date { earliest latest precision qualifier text }
          participants(role: ACTOR) { actor { name } }
          documents { title }
        }
        followedBy { summary }
      }
    }
  }
}`,
  },
  {
    title: 'Everything about Belarus',
    query: `# Everything the graph knows about Belarus: names, structure, events, neighbours.
query Belarus {
  actor(id: "belarus") {
    __typename
    name
    aliases
    wikidataId
    memberships { object { name } sources }
    parts { subject { name positionHolders { subject { name } title } } }
    events(first: 10) {
      totalCount
      edges {
        cursor
        node {
          date { earliest text }
          summary
          participants { role actor { name } }
          mentions { quote }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
    neighbors(first: 5) { actor { name } sharedEvents }
  }
  search(text: "biélorussie") { score node { id name kind } }
}`,
  },
];
