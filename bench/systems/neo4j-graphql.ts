/**
 * @neo4j/graphql 7 on the same Neo4j, with its own neo4j-driver at the driver's defaults (not
 * Parley's tuned pool), served by its own graphql-yoga on 127.0.0.1. The type definitions describe Parley's graph model as it is stored. Every Cypher
 * statement it sends is counted per request (the driver handed to it wraps transaction.run) and
 * reported in `extensions.cypherQueries`, as Parley reports its own in `extensions.parley`.
 *
 * What it can and cannot say natively is written next to each operation in bench/operations.ts.
 * What it cannot express at all (neighborhood, paths), and the @cypher variants of histogram
 * and topActors, are Query fields whose @cypher statements are generated from Parley's own
 * (bench/systems/peer-cypher.ts): the escape hatch, which the report marks as such.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { ExecutionResult } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import {
  countsByTypeCypher,
  histogramCypher,
  neighborhoodCypher,
  pathsCypher,
  topActorsCypher,
} from './peer-cypher.ts';

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

  type HistogramBucket {
    start: String!
    end: String!
    count: Float!
    exactCount: Int!
    goldsteinSum: Float!
  }

  type Article @node {
    id: ID!
    title: String!
    publisher: String!
    publishedAt: Date!
    url: String
  }

  type TypeCountRow {
    code: String!
    count: Int!
    goldsteinSum: Float!
  }

  type Ranking {
    actor: PathActor!
    events: Int!
    partners: Int!
  }

  type Query {
    "Escape hatch: Parley's neighbourhood (depth 2), generated from cypher/exploration/*.cypher."
    neighborhood(actorId: ID!, limit: Int!): NbGraph
      @cypher(statement: ${block(neighborhoodCypher())}, columnName: "graph")
    "Escape hatch: Parley's SHORTEST 3 statement (maxHops 3)."
    paths(from: ID!, to: ID!, windowFrom: String, windowTo: String): [PathResult!]!
      @cypher(statement: ${block(pathsCypher())}, columnName: "path")
    "@cypher variant: Parley's interval rows, spread over months in Cypher as Parley spreads them."
    monthlyHistogram: [HistogramBucket!]!
      @cypher(statement: ${block(histogramCypher())}, columnName: "bucket")
    "@cypher variant: Parley's top-actors statement, by EVENTS."
    topActorsByEvents(from: String, to: String, first: Int!): [Ranking!]!
      @cypher(statement: ${block(topActorsCypher())}, columnName: "ranking")
    "@cypher variant: Parley's counts-by-type statement over the whole graph."
    countsByType(level: Int!): [TypeCountRow!]!
      @cypher(statement: ${block(countsByTypeCypher())}, columnName: "row")
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
  /** The peer's own driver (closed by close()). */
  driver: Driver;
  close(): Promise<void>;
}

interface NgqlContext {
  executionContext: Driver;
  benchCounter: Counter;
  sessionConfig: { database: string };
}

export interface PeerConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/**
 * The peer's own driver, with neo4j-driver's defaults (pool of 100, 60 s acquisition timeout):
 * what an application built on @neo4j/graphql gets unless it tunes them.
 */
export async function startNeo4jGraphQLServer(connection: PeerConnection): Promise<Neo4jGraphQLServer> {
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password));
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
      return {
        executionContext: countingDriver(driver, benchCounter),
        benchCounter,
        sessionConfig: { database: connection.database },
      };
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
    driver,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await driver.close();
    },
  };
}
