/**
 * @neo4j/graphql 7 on the same Neo4j and the same driver, served by its own graphql-yoga on
 * 127.0.0.1. The type definitions describe Parley's graph model as it is stored. Every Cypher
 * statement it sends is counted per request (the driver handed to it wraps transaction.run) and
 * reported in `extensions.cypherQueries`, as Parley reports its own in `extensions.parley`.
 *
 * What it can and cannot say natively is written next to each operation in bench/operations.ts.
 * The two operations it cannot express at all (neighborhood, paths) are Query fields with a
 * hand-written @cypher statement below: the escape hatch, which the report marks as such.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { ExecutionResult } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { pathQuery } from '../../src/modules/exploration/exploration.repository.ts';

/** Parley's neighbourhood (depth 2) as one statement: the same rings, weights, limits and ordering. */
export const NEIGHBORHOOD_CYPHER = `
MATCH (c:Actor {id: $actorId})
CALL (c) {
  MATCH (c)-[:PARTICIPATED_IN]->(e:Event)
  WITH DISTINCT e ORDER BY e.earliest DESC, e.id DESC LIMIT 200
  MATCH (e)<-[:PARTICIPATED_IN]-(b:Actor)
  WHERE b <> c
  WITH b, count(DISTINCT e) AS weight
  ORDER BY weight DESC, b.id
  LIMIT $limit
  RETURN collect({actor: b, weight: weight}) AS ranked1
}
WITH c, ranked1[0..($limit - 1)] AS ring1, size(ranked1) > $limit - 1 AS cut1, $limit - 1 - size(ranked1[0..($limit - 1)]) AS budget
CALL (c, ring1, budget) {
  WITH c, ring1, budget WHERE budget > 0
  WITH [c] + [r IN ring1 | r.actor] AS seen, ring1
  UNWIND ring1[0..25] AS f
  WITH seen, f.actor AS fa
  CALL (fa, seen) {
    MATCH (fa)-[:PARTICIPATED_IN]->(e:Event)
    WITH DISTINCT e ORDER BY e.earliest DESC, e.id DESC LIMIT 200
    MATCH (e)<-[:PARTICIPATED_IN]-(b:Actor)
    WHERE NOT b IN seen
    RETURN b, count(DISTINCT e) AS shared
  }
  WITH b, sum(shared) AS weight
  ORDER BY weight DESC, b.id
  RETURN collect({actor: b, weight: weight}) AS ranked2
}
WITH c, ring1, cut1, ranked2[0..budget] AS ring2, size(ranked2) > budget AS cut2
WITH c, ring1, ring2, cut1, cut2, [c] + [r IN ring1 | r.actor] + [r IN ring2 | r.actor] AS kept
CALL (kept) {
  UNWIND kept AS a
  CALL (a) {
    MATCH (a)-[:PARTICIPATED_IN]->(e:Event)
    WITH DISTINCT e ORDER BY e.earliest DESC, e.id DESC LIMIT 200
    RETURN e
  }
  WITH DISTINCT e, kept
  MATCH (e)<-[p:PARTICIPATED_IN]-(x:Actor)
  WHERE x IN kept
  WITH e, collect({actorId: x.id, role: p.role}) AS participations, count(DISTINCT x) AS keptCount
  WHERE keptCount >= 2
  WITH e, participations, keptCount
  ORDER BY keptCount DESC, e.earliest DESC, e.id
  RETURN collect({event: e, participations: participations, kept: keptCount}) AS tying
}
CALL (kept) {
  UNWIND kept AS x
  MATCH (x)-[r:MEMBER_OF|PART_OF|HOLDS_POSITION]->(y:Actor)
  WHERE y IN kept
  RETURN collect({source: x.id, target: y.id, type: type(r), role: null}) AS facts
}
WITH c, ring1, ring2, cut1, cut2, kept, facts, tying[0..(2 * $limit)] AS events, size(tying) > 2 * $limit AS cut3,
     [r IN ring1 | r.actor.id] AS ring1Ids
RETURN {
  center: c.id,
  truncated: cut1 OR cut2 OR cut3 OR size(kept) >= $limit,
  nodes: [{id: c.id, type: 'ACTOR', label: c.name, depth: 0, weight: 0.0}]
    + [r IN ring1 | {id: r.actor.id, type: 'ACTOR', label: r.actor.name, depth: 1, weight: toFloat(r.weight)}]
    + [r IN ring2 | {id: r.actor.id, type: 'ACTOR', label: r.actor.name, depth: 2, weight: toFloat(r.weight)}]
    + [t IN events | {
        id: t.event.id, type: 'EVENT', label: toString(t.event.earliest) + ' · ' + t.event.cameoCode,
        depth: reduce(d = 2, p IN t.participations |
          CASE WHEN p.actorId = c.id THEN 0 WHEN p.actorId IN ring1Ids AND d > 1 THEN 1 ELSE d END),
        weight: toFloat(t.kept)}],
  edges: reduce(acc = [], t IN events |
      acc + [p IN t.participations | {source: p.actorId, target: t.event.id, type: 'PARTICIPATED_IN', role: p.role}])
    + facts
} AS graph
`;

/** Parley's k-shortest-paths MATCH (k = 3, maxHops = 3), returning maps instead of rows. */
export function pathsCypher(): string {
  const text = pathQuery(3, 3).text;
  const match = text.slice(text.indexOf('MATCH (a:Actor'), text.indexOf('RETURN'));
  return `${match}
WITH p, nodes(p) AS ns, relationships(p) AS rs, [n IN nodes(p) WHERE NOT n:Event] AS actors
WHERE size(actors) - 1 <= 3
RETURN {
  length: size(actors) - 1,
  actors: [a IN actors | a {.id, .name}],
  hops: [i IN range(0, size(ns) - 2) WHERE NOT ns[i]:Event |
    CASE WHEN ns[i + 1]:Event
      THEN {kind: 'EVENT', fromRole: rs[i].role, toRole: rs[i + 1].role, eventId: ns[i + 1].id,
            eventSummary: ns[i + 1].summary, factId: null, factType: null}
      ELSE {kind: type(rs[i]), fromRole: null, toRole: null, eventId: null, eventSummary: null,
            factId: rs[i].id, factType: type(rs[i])}
    END]
} AS path`;
}

/** A GraphQL block string holds newlines and quotes; only a triple quote needs escaping. */
const block = (s: string) => `"""${s.replaceAll('"""', '\\"""')}"""`;

export function typeDefs(): string {
  return /* GraphQL */ `
  type Actor
    @node(labels: ["Actor"])
    @fulltext(indexes: [{ indexName: "actor_names", queryName: "searchActors", fields: ["name"] }]) {
    id: ID!
    name: String!
    kind: String!
    aliases: [String!]
    countryCode: String
    wikidataId: String
    events: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Participation")
  }

  type Participation @relationshipProperties {
    role: String!
  }

  type Event @node {
    id: ID!
    summary: String!
    cameoCode: String!
    status: String!
    earliest: Date!
    latest: Date!
    precision: String!
    qualifier: String
    dateText: String
    participants: [Actor!]! @relationship(type: "PARTICIPATED_IN", direction: IN, properties: "Participation")
    ofType: [CameoType!]! @relationship(type: "OF_TYPE", direction: OUT)
  }

  # "EventType" is taken by @neo4j/graphql's own subscription enum.
  type CameoType @node(labels: ["EventType"]) {
    code: String!
    name: String!
    goldstein: Float!
    quadClass: Int!
  }

  type NbGraph {
    center: ID!
    truncated: Boolean!
    nodes: [NbNode!]!
    edges: [NbEdge!]!
  }
  type NbNode {
    id: ID!
    type: String!
    label: String!
    depth: Int!
    weight: Float!
  }
  type NbEdge {
    source: ID!
    target: ID!
    type: String!
    role: String
  }

  type PathResult {
    length: Int!
    actors: [PathActor!]!
    hops: [PathHop!]!
  }
  type PathActor {
    id: ID!
    name: String!
  }
  type PathHop {
    kind: String!
    fromRole: String
    toRole: String
    eventId: ID
    eventSummary: String
    factId: ID
    factType: String
  }

  type Query {
    "Escape hatch: Parley's neighbourhood algorithm, hand-written in Cypher (depth 2)."
    neighborhood(actorId: ID!, limit: Int!): NbGraph
      @cypher(statement: ${block(NEIGHBORHOOD_CYPHER)}, columnName: "graph")
    "Escape hatch: Parley's SHORTEST 3 statement (maxHops 3), hand-written in Cypher."
    paths(from: ID!, to: ID!, windowFrom: String, windowTo: String): [PathResult!]!
      @cypher(statement: ${block(pathsCypher())}, columnName: "path")
  }
`;
}

interface Counter {
  n: number;
}

function countingTx(tx: ManagedTransaction, counter: Counter): ManagedTransaction {
  return new Proxy(tx, {
    get(target, prop) {
      if (prop === 'run') {
        return (...args: Parameters<ManagedTransaction['run']>) => {
          counter.n += 1;
          return target.run(...args);
        };
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

function countingSession(session: Session, counter: Counter): Session {
  return new Proxy(session, {
    get(target, prop) {
      if (prop === 'executeRead' || prop === 'executeWrite') {
        return (work: (tx: ManagedTransaction) => unknown, config?: unknown) =>
          (target[prop] as (w: (tx: ManagedTransaction) => unknown, c?: unknown) => unknown).call(
            target,
            (tx: ManagedTransaction) => work(countingTx(tx, counter)),
            config,
          );
      }
      if (prop === 'run') {
        return (...args: Parameters<Session['run']>) => {
          counter.n += 1;
          return target.run(...args);
        };
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/** The shared driver, seen through a proxy that counts this request's Cypher statements. */
export function countingDriver(driver: Driver, counter: Counter): Driver {
  return new Proxy(driver, {
    get(target, prop) {
      if (prop === 'session') {
        return (config?: Parameters<Driver['session']>[0]) =>
          countingSession(target.session(config), counter);
      }
      if (prop === 'executeQuery') {
        return (...args: Parameters<Driver['executeQuery']>) => {
          counter.n += 1;
          return target.executeQuery(...args);
        };
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

export interface Neo4jGraphQLServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

interface NgqlContext {
  executionContext: Driver;
  benchCounter: Counter;
}

export async function startNeo4jGraphQLServer(driver: Driver): Promise<Neo4jGraphQLServer> {
  const lib = new Neo4jGraphQL({ typeDefs: typeDefs(), driver });
  const schema = await lib.getSchema();
  const counterPlugin: Plugin<NgqlContext> = {
    onExecute({ args }) {
      const counter = (args.contextValue as NgqlContext).benchCounter;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const r = result as ExecutionResult;
          setResult({ ...r, extensions: { ...r.extensions, cypherQueries: counter.n } });
        },
      };
    },
  };
  const yoga = createYoga<Record<string, unknown>, NgqlContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: false,
    maskedErrors: false,
    context: () => {
      const benchCounter = { n: 0 };
      return { executionContext: countingDriver(driver, benchCounter), benchCounter };
    },
    plugins: [counterPlugin],
  });
  const server = createServer(yoga);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
