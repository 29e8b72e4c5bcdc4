/**
 * The two operations of issue 12 that the node limit is measured by, shared by its unit and
 * integration tests.
 */

/** What a dashboard asks for: 50 actors, 20 events each, every event's participants (11 050 nodes). */
export const DASHBOARD = `{
  actors(first: 50) {
    totalCount
    edges { node { id name kind
      events(first: 20) { totalCount edges { node { id summary date { earliest }
        participants { role actor { id name } } } } }
    } }
  }
}`;

/** 100 actors × 100 events × their participants × 100 events of each participant (10 110 100 nodes). */
export const EXPLOSION = `{
  actors(first: 100) { edges { node {
    events(first: 100) { edges { node {
      participants { actor { events(first: 100) { totalCount } } }
    } } }
  } } }
}`;
