import { ErrorCode, ParleyError } from '../../errors.ts';
import { ID_PATTERN } from '../ingest/bundle.ts';

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

/** A structural fact id: TYPE:subject:object[:title-slug]. */
export function checkFactId(id: unknown, argument: string): string {
  const s = String(id);
  if (s.length > 400 || !/^(MEMBER_OF|PART_OF|HOLDS_POSITION)(:[a-z0-9]+(?:-[a-z0-9]+)*){2,3}$/.test(s)) {
    throw new ParleyError(ErrorCode.BAD_USER_INPUT, `${argument} is not a structural fact id.`, { argument });
  }
  return s;
}
