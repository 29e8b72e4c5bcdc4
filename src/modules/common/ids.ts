import { ErrorCode, ParleyError } from '../../errors.ts';
import { FACT_ID_PATTERN, ID_PATTERN } from './identity.ts';

/**
 * Checks that a client-given id has the shape of a Parley id (a lowercase slug of at most 120
 * characters) before it reaches a query: a malformed id is a client error, not "not found".
 */
export function checkId(id: unknown, argument: string): string {
  const s = String(id);
  if (s.length > 120 || !ID_PATTERN.test(s)) {
    throw new ParleyError(
      ErrorCode.BAD_USER_INPUT,
      `${argument} is not an id (a lowercase slug such as "belarus").`,
      {
        argument,
      },
    );
  }
  return s;
}

export function checkFactId(id: unknown, argument: string): string {
  const s = String(id);
  if (s.length > 400 || !FACT_ID_PATTERN.test(s)) {
    throw new ParleyError(ErrorCode.BAD_USER_INPUT, `${argument} is not a structural fact id.`, { argument });
  }
  return s;
}
