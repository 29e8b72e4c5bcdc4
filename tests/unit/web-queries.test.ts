import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema, Kind, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as queries from '../../web/src/queries.ts';

// The explorer writes its operations by hand. Checked here against the committed schema, a
// schema change that breaks a page fails in milliseconds instead of in the browser tests.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const schema: GraphQLSchema = buildSchema(readFileSync(path.join(ROOT, 'schema/schema.graphql'), 'utf8'));

/** What is wrong with one operation against the schema: nothing, for a page that works. */
function problems(source: string): string[] {
  let document: ReturnType<typeof parse>;
  try {
    document = parse(source);
  } catch (err) {
    return [(err as Error).message];
  }
  const found = validate(schema, document).map((e) => e.message);
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || !operations[0]?.name) found.push('not exactly one named operation');
  return found;
}

const exported = Object.entries(queries as Record<string, unknown>).filter(
  (e): e is [string, string] => typeof e[1] === 'string',
);

/**
 * Operations written elsewhere in web/src as plain template literals (they belong in
 * queries.ts; until then they are checked where they are). One with `${…}` in it cannot be
 * read from the source: it must move to queries.ts.
 */
function operationsOutsideQueries(): [string, string][] {
  const found: [string, string][] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts') && entry.name !== 'queries.ts') {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/`((?:query|mutation|subscription)\s+\w+[^`]*)`/g)) {
          found.push([`${path.relative(ROOT, file)}: ${/\w+\s+(\w+)/.exec(m[1]!)?.[1]}`, m[1]!]);
        }
      }
    }
  };
  walk(path.join(ROOT, 'web/src'));
  return found;
}

describe("the explorer's operations against schema/schema.graphql", () => {
  it('finds the operations web/src/queries.ts exports', () => {
    const names = exported.map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['SEARCH', 'ACTOR', 'EVENT', 'PATHS', 'RELATION', 'HOME']));
    expect(names.length).toBeGreaterThanOrEqual(12);
  });

  it.each(exported)('%s is valid against the schema', (_name, source) => {
    expect(problems(source)).toEqual([]);
  });

  it('checks the operations written outside queries.ts too', () => {
    const outside = operationsOutsideQueries();
    for (const [where, source] of outside) {
      expect(source, `${where}: move it to web/src/queries.ts`).not.toContain('${');
      expect(problems(source), where).toEqual([]);
    }
  });

  it('fails an operation that asks for a field the schema does not have (control)', () => {
    // A real operation with one field renamed, as a schema change would leave it.
    const broken = queries.SEARCH.replace('score', 'relevance');
    expect(broken).not.toBe(queries.SEARCH);
    expect(problems(broken)).toEqual([expect.stringContaining('Cannot query field "relevance"')]);
    // A renamed argument and a wrong variable type are caught as well.
    expect(problems(queries.SEARCH.replace('first: $first', 'limit: $first'))).toEqual([
      expect.stringContaining('Unknown argument "limit"'),
    ]);
    expect(problems(queries.ACTOR_NAME.replace('$id: ID!', '$id: Int!')).join('\n')).toContain('"$id"');
    expect(problems('query { nope }')).toEqual([
      expect.stringContaining('Cannot query field "nope"'),
      'not exactly one named operation',
    ]);
  });
});
