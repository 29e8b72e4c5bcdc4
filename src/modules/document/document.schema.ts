import { builder } from '../../schema/builder.ts';
import type { Context } from '../../schema/context.ts';
import { DocumentKindEnum } from '../common/enums.ts';
import { checkId } from '../common/ids.ts';
import { groupBy, keyedLoader } from '../common/loaders.ts';
import type { ActorRow, DocumentRow, EventRow } from '../common/rows.ts';
import { ActorRef, DocumentRef, EventRef, loadOrNull } from '../refs.ts';
import { eventsOfDocuments, partiesOfDocuments } from './document.repository.ts';

const partiesLoader = (ctx: Context) =>
  keyedLoader<{ type: string; actor: ActorRow }[]>(
    ctx,
    'document.parties',
    null,
    async (ids) => groupBy(await partiesOfDocuments(ctx.db, ids), (r) => r.documentId),
    () => [],
  );

const eventsLoader = (ctx: Context) =>
  keyedLoader<EventRow[]>(
    ctx,
    'document.events',
    null,
    async (ids) => {
      const grouped = groupBy(await eventsOfDocuments(ctx.db, ids), (r) => r.documentId);
      return new Map([...grouped].map(([k, v]) => [k, v.map((r) => r.event)]));
    },
    () => [],
  );

const parties = (type: string) => async (d: DocumentRow, _a: unknown, ctx: Context) =>
  (await partiesLoader(ctx).load(d.id)).filter((p) => p.type === type).map((p) => p.actor);

DocumentRef.implement({
  description: 'A text events are about: a draft treaty, a letter, a written reply, a message.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable slug.' }),
    kind: t.field({
      type: DocumentKindEnum,
      description: 'What sort of document.',
      resolve: (d) => d.kind as never,
    }),
    title: t.exposeString('title', { description: 'Its title or a description, in English.' }),
    authoredBy: t.field({
      type: [ActorRef],
      description: 'Who wrote or issued it.',
      resolve: parties('AUTHORED_BY'),
    }),
    addressedTo: t.field({ type: [ActorRef], description: 'To whom.', resolve: parties('ADDRESSED_TO') }),
    events: t.field({
      type: [EventRef],
      description: 'Events that concern it (its publication, replies to it), oldest first.',
      resolve: (d, _a, ctx) => eventsLoader(ctx).load(d.id),
    }),
  }),
});

builder.queryField('document', (t) =>
  t.field({
    type: DocumentRef,
    nullable: true,
    description: 'One document by id; null when there is none.',
    args: { id: t.arg.id({ required: true, description: 'The document id.' }) },
    resolve: (_r, { id }, ctx) => loadOrNull(DocumentRef.getDataloader(ctx), checkId(id, 'id')),
  }),
);
