import neo4j from 'neo4j-driver';

/**
 * Converts what the driver returns into plain values: integers to numbers, temporal values to
 * ISO strings, nodes and relationships to their properties. Nothing driver-specific leaves the
 * data layer.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (neo4j.isInt(value)) {
    return value.inSafeRange() ? value.toNumber() : value.toString();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    if (
      neo4j.isDate(value) ||
      neo4j.isDateTime(value) ||
      neo4j.isLocalDateTime(value) ||
      neo4j.isTime(value) ||
      neo4j.isLocalTime(value) ||
      neo4j.isDuration(value)
    ) {
      return value.toString();
    }
    if (neo4j.isNode(value) || neo4j.isRelationship(value)) {
      return toPlain(value.properties);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  return value;
}
