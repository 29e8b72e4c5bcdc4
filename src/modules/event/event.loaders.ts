import type { Context } from '../../schema/context.ts';
import { groupBy, keyedLoader } from '../common/loaders.ts';
import type { DocumentRow, MentionRow } from '../common/rows.ts';
import {
  childrenOfEventTypes,
  documentsOfEvents,
  type EventTypeRow,
  type LinkRow,
  linksOfEvents,
  mentionsOfEvents,
  type ParticipantRow,
  participantsOfEvents,
} from './event.repository.ts';

// One-to-many loaders of the event module: each serves every event of an operation in one query.

export const participantsLoader = (ctx: Context) =>
  keyedLoader<ParticipantRow[]>(
    ctx,
    'event.participants',
    null,
    async (ids) => groupBy(await participantsOfEvents(ctx.db, ids), (r) => r.eventId),
    () => [],
  );

export const documentsLoader = (ctx: Context) =>
  keyedLoader<DocumentRow[]>(
    ctx,
    'event.documents',
    null,
    async (ids) => {
      const rows = await documentsOfEvents(ctx.db, ids);
      const grouped = groupBy(rows, (r) => r.eventId);
      return new Map([...grouped].map(([k, v]) => [k, v.map((r) => r.document)]));
    },
    () => [],
  );

export const mentionsLoader = (ctx: Context) =>
  keyedLoader<MentionRow[]>(
    ctx,
    'event.mentions',
    null,
    async (ids) => {
      const grouped = groupBy(await mentionsOfEvents(ctx.db, ids), (r) => r.eventId);
      return new Map([...grouped].map(([k, v]) => [k, v.map((r) => r.mention)]));
    },
    () => [],
  );

export const linksLoader = (ctx: Context) =>
  keyedLoader<LinkRow[]>(
    ctx,
    'event.links',
    null,
    async (ids) => groupBy(await linksOfEvents(ctx.db, ids), (r) => r.eventId),
    () => [],
  );

export const typeChildrenLoader = (ctx: Context) =>
  keyedLoader<EventTypeRow[]>(
    ctx,
    'eventType.children',
    null,
    async (codes) => {
      const grouped = groupBy(await childrenOfEventTypes(ctx.db, codes), (r) => r.code);
      return new Map([...grouped].map(([k, v]) => [k, v.map((r) => r.type)]));
    },
    () => [],
  );
