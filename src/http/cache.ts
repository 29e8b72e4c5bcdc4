import { createHash } from 'node:crypto';
import { type Cache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { type DocumentNode, type ExecutionResult, getOperationAST, Kind, parse, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type ApiKey, identify } from '../auth.ts';

/** Fields whose answers are for editors only: never cached (extraction is also not a read). */
const UNCACHED_FIELDS = new Set(['extractArticle']);

export interface ResponseCacheOptions {
  /** How long an answer may live without a write being seen (bounds writes made around the API). */
  ttlMs: number;
  maxEntries: number;
  /** The graph version; a write bumps it before its response is sent. */
  version: () => number;
  /** False while this process might miss other processes' writes: nothing is served from the cache. */
  coherent: () => boolean;
  apiKeys: ApiKey[];
  /** Whether `extensions.parley` is added (config.queryStats, or the request's stats header). */
  reportStats: (request: Request) => boolean;
}

const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');

interface Entry {
  result: ExecutionResult;
  expires: number;
}

/**
 * Answers keyed by `<version>:<hash>`. An answer is found only under the version it was asked
 * at, and the store empties itself when the version moves: a read that began before a write and
 * ended after it is stored under a version no one asks for any more, so it is never served.
 */
export class VersionedCache implements Cache {
  private readonly entries = new Map<string, Entry>();
  private seen: number;

  constructor(
    private readonly version: () => number,
    private readonly maxEntries: number,
  ) {
    this.seen = version();
  }

  get size(): number {
    this.sync();
    return this.entries.size;
  }

  private sync(): string {
    const v = this.version();
    if (v !== this.seen) {
      this.entries.clear();
      this.seen = v;
    }
    return `${v}:`;
  }

  get(key: string): ExecutionResult | undefined {
    if (!key.startsWith(this.sync())) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Least recently used goes first: a hit moves to the end.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.result;
  }

  set(key: string, result: ExecutionResult, _entities: unknown, ttl: number): void {
    if (!key.startsWith(this.sync())) return;
    this.entries.set(key, { result, expires: Date.now() + ttl });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Entity invalidation is not used: a write moves the version, which empties the store. */
  invalidate(): void {}
}

/** Whether a document's answers may be cached: a query, and none of the editor-only fields. */
function cacheableDocument(document: DocumentNode, operationName: string | undefined): boolean {
  const op = getOperationAST(document, operationName);
  if (op?.operation !== 'query') return false;
  let ok = true;
  visit(document, {
    [Kind.FIELD](node) {
      if (UNCACHED_FIELDS.has(node.name.value) || node.name.value.startsWith('__')) {
        // __typename is data like any other; introspection is not worth caching.
        if (node.name.value !== '__typename') ok = false;
      }
    },
  });
  return ok;
}

/**
 * The response cache of public reads (`@graphql-yoga/plugin-response-cache`): a repeated query
 * is answered from memory without touching Neo4j, and `extensions.responseCache` says `hit` or
 * not. Keyed on the graph version, the document, its variables and the caller's role, so that a
 * role never gets an answer computed for another (an unauthorised one is an error, and errors
 * are never cached). Mutations, subscriptions, extraction and introspection are never cached.
 */
export function responseCachePlugin(options: ResponseCacheOptions): Plugin {
  const cache = new VersionedCache(options.version, options.maxEntries);
  /** Per document text and operation name; bounded, since clients choose the documents. */
  const documents = new Map<string, boolean>();
  const decisions = new WeakMap<Request, boolean>();
  const cacheable = (query: string, operationName: string | undefined): boolean => {
    const memo = `${operationName ?? ''}\u0000${query}`;
    let ok = documents.get(memo);
    if (ok === undefined) {
      try {
        ok = cacheableDocument(parse(query, { noLocation: true }), operationName);
      } catch {
        ok = false;
      }
      if (documents.size >= 1_000) documents.clear();
      documents.set(memo, ok);
    }
    return ok;
  };
  const roleOf = (request: Request): string => {
    const identity = identify(request.headers.get('authorization'), options.apiKeys);
    return identity.role ?? (identity.presented ? 'invalid-key' : 'anonymous');
  };
  const responseCache = useResponseCache({
    cache,
    ttl: options.ttlMs,
    invalidateViaMutation: false,
    includeExtensionMetadata: true,
    session: (request) => roleOf(request),
    buildResponseCacheKey: ({ documentString, variableValues, operationName, sessionId, request }) => {
      // The version is read here, when the request's parameters arrive: an answer is stored
      // under the version its read began at.
      const version = options.version();
      decisions.set(request, options.coherent() && cacheable(documentString, operationName ?? undefined));
      const hash = createHash('sha256')
        .update(
          JSON.stringify([
            documentString,
            operationName ?? '',
            sortedJson(variableValues ?? {}),
            sessionId ?? '',
          ]),
        )
        .digest('hex');
      return `${version}:${hash}`;
    },
    enabled: (request) => decisions.get(request) ?? false,
    shouldCacheResult: ({ result }) => !result.errors?.length,
  });
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(responseCache);
    },
    onResultProcess({ request, result, setResult }) {
      // A hit never runs the operation, so the stats plugin never sees it: it cost no database time.
      if (!result || typeof result !== 'object' || !(SERVED_FROM_CACHE in result)) return;
      if (!options.reportStats(request)) return;
      const r = result as ExecutionResult;
      setResult({
        ...r,
        extensions: {
          ...r.extensions,
          parley: { cypherQueries: 0, cypherMs: 0, serverMs: 0, statements: [] },
        },
      });
    },
  };
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` share a key. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
