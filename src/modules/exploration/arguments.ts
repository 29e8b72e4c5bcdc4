import { ErrorCode, ParleyError } from '../../errors.ts';
import type { Context } from '../../schema/context.ts';
import { checkId } from '../common/ids.ts';
import type { ActorRow } from '../common/rows.ts';
import { ActorRef, loadOrNull } from '../refs.ts';
import type { Window } from './exploration.repository.ts';

/** Checks the arguments every exploration field shares, before anything reads the graph. */
export function checkWindow(w: Window): Window {
  if (w.from && w.to && w.from > w.to) {
    throw new ParleyError(ErrorCode.BAD_USER_INPUT, 'from must not be after to.', { argument: 'from' });
  }
  return w;
}

/** The actor an argument names, through the request's actor loader; NOT_FOUND when there is none. */
export async function mustExist(ctx: Context, id: string, argument: string): Promise<ActorRow> {
  checkId(id, argument);
  const actor = await loadOrNull(ActorRef.getDataloader(ctx), id);
  if (!actor) throw new ParleyError(ErrorCode.NOT_FOUND, `No actor with id "${id}".`, { argument, id });
  return actor;
}
