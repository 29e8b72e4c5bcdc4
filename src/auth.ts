import { createHash, timingSafeEqual } from 'node:crypto';

/** Who may do what: readers read, editors also write, admins also administer. */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKey {
  role: Role;
  /** SHA-256 of the key. Keys themselves are never configured or stored. */
  hash: Buffer;
}

export interface Identity {
  role: Role | null;
  /** A token was sent. */
  presented: boolean;
}

export const hashKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * Parses `role:sha256hex` pairs separated by commas, e.g.
 * `editor:9f86d08…,admin:60303ae…`. Throws on anything else, so a typo fails at start-up.
 */
export function parseApiKeys(spec: string | undefined): ApiKey[] {
  if (!spec?.trim()) return [];
  return spec.split(',').map((entry, i) => {
    const [role, hex, extra] = entry.trim().split(':');
    if (
      extra !== undefined ||
      !role ||
      !hex ||
      !ROLES.includes(role as Role) ||
      !/^[0-9a-f]{64}$/i.test(hex)
    ) {
      throw new Error(`entry ${i + 1} must be role:sha256hex with role one of ${ROLES.join(', ')}`);
    }
    return { role: role as Role, hash: Buffer.from(hex, 'hex') };
  });
}

/**
 * Finds the role of the bearer token, comparing its hash with every configured hash in
 * constant time (no early exit, so timing tells nothing about which key nearly matched).
 */
export function identify(authorization: string | null, keys: ApiKey[]): Identity {
  if (!authorization) return { role: null, presented: false };
  const m = /^Bearer\s+(\S{1,512})\s*$/i.exec(authorization);
  if (!m) return { role: null, presented: true };
  const digest = createHash('sha256').update(m[1]!, 'utf8').digest();
  let role: Role | null = null;
  for (const key of keys) {
    if (
      timingSafeEqual(digest, key.hash) &&
      (role === null || ROLES.indexOf(key.role) > ROLES.indexOf(role))
    ) {
      role = key.role;
    }
  }
  return { role, presented: true };
}

export function hasRole(identity: Identity, needed: Role): boolean {
  return identity.role !== null && ROLES.indexOf(identity.role) >= ROLES.indexOf(needed);
}
