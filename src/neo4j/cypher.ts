import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

/** A Cypher statement loaded from cypher/<name>.cypher; the name travels with it into logs. */
export interface Cypher {
  readonly name: string;
  readonly text: string;
}

const cache = new Map<string, Cypher>();

/** Reads cypher/<name>.cypher once. Call it at module load so a missing file fails at start-up. */
export function cypher(name: string): Cypher {
  let found = cache.get(name);
  if (!found) {
    const text = readFileSync(new URL(`${name}.cypher`, `file://${CYPHER_DIR}`), 'utf8').trim();
    found = { name, text: text.replace(/;\s*$/, '') };
    cache.set(name, found);
  }
  return found;
}
