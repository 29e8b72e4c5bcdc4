import { ErrorCode, ParleyError } from '../../errors.ts';
import { builder } from '../../schema/builder.ts';
import { PrecisionEnum, QualifierEnum } from '../common/enums.ts';
import { checkId } from '../common/ids.ts';
import { dateSchema } from '../ingest/bundle.ts';
import { writeBundles } from '../ingest/ingest.ts';
import { BundleValidationError, formatPath, validateBundle } from '../ingest/validate.ts';
import { liveEvents } from '../live/changes.ts';
import { ActorRef, EventRef } from '../refs.ts';
import { addAlias, correctEvent, eventTypeExists, mergeActors } from './curation.repository.ts';

const MAX_ALIAS = 300;

export const IngestOutcomeEnum = builder.enumType('IngestOutcome', {
  description: 'What an ingest did to the graph.',
  values: {
    CREATED: { description: 'The article was new.' },
    UPDATED: { description: 'The article was there, and the bundle differed from the last one ingested.' },
    UNCHANGED: { description: 'The same bundle was ingested before; nothing was written.' },
  } as const,
});

const IngestResultRef = builder
  .objectRef<{
    articleId: string;
    outcome: string;
    nodesCreated: number;
    relationshipsCreated: number;
    propertiesSet: number;
  }>('IngestResult')
  .implement({
    description: 'The result of ingesting one article bundle.',
    fields: (t) => ({
      articleId: t.exposeID('articleId', { description: 'The article ingested.' }),
      outcome: t.field({
        type: IngestOutcomeEnum,
        description: 'Created, updated or unchanged.',
        resolve: (r) => r.outcome as never,
      }),
      nodesCreated: t.exposeInt('nodesCreated', { description: 'Nodes the write created.' }),
      relationshipsCreated: t.exposeInt('relationshipsCreated', {
        description: 'Relationships the write created.',
      }),
      propertiesSet: t.exposeInt('propertiesSet', {
        description: 'Properties the write set (rewriting a value counts).',
      }),
    }),
  });

const MergeResultRef = builder
  .objectRef<{ actorId: string; participations: number; facts: number; documentLinks: number }>(
    'MergeActorsResult',
  )
  .implement({
    description: 'What a merge moved onto the surviving actor.',
    fields: (t) => ({
      actor: t.field({ type: ActorRef, description: 'The surviving actor.', resolve: (r) => r.actorId }),
      participations: t.exposeInt('participations', { description: 'Event participations moved.' }),
      facts: t.exposeInt('facts', { description: 'Structural facts moved (with their quotes).' }),
      documentLinks: t.exposeInt('documentLinks', {
        description: 'Document author and addressee links moved.',
      }),
    }),
  });

const DateCorrectionInput = builder.inputType('EventDateInput', {
  description: 'A corrected event date: an interval with its precision.',
  fields: (t) => ({
    earliest: t.field({ type: 'Date', required: true, description: 'First day it may have happened.' }),
    latest: t.field({ type: 'Date', required: true, description: 'Last day it may have happened.' }),
    precision: t.field({ type: PrecisionEnum, required: true, description: 'DAY, MONTH or YEAR.' }),
    qualifier: t.field({ type: QualifierEnum, required: false, description: 'EARLY, MID, LATE or APPROX.' }),
    text: t.string({ required: false, description: "The source's words for the date." }),
  }),
});

builder.mutationFields((t) => ({
  ingestArticle: t.field({
    type: IngestResultRef,
    description:
      'Ingests one article bundle (docs/bundle-format.md) through the same path as `parley ingest`: validated, then written in one transaction. An invalid bundle writes nothing and fails with BUNDLE_INVALID, listing each bad field by path in `extensions.issues`.',
    args: {
      bundle: t.arg({ type: 'JSON', required: true, description: 'The article bundle.' }),
      force: t.arg.boolean({
        required: false,
        defaultValue: false,
        description: 'Rewrite even an unchanged bundle.',
      }),
    },
    resolve: async (_r, args, ctx) => {
      try {
        // ingestBundle's two steps, so that the change can name the bundle's events.
        const valid = validateBundle(args.bundle);
        const { bundle } = valid;
        const [result] = await writeBundles(ctx.db, [valid], { force: args.force ?? false });
        if (!result) throw new Error('writeBundles returned no result for one bundle');
        ctx.logger.info({ articleId: result.articleId, outcome: result.outcome }, 'article ingested');
        if (result.outcome !== 'unchanged') {
          const eventIds = bundle.events.map((e) => e.id);
          const events = await liveEvents(ctx.db, eventIds, ctx.logger);
          const actorIds = new Set(bundle.actors.map((a) => a.id));
          for (const e of events) for (const p of e.participants) actorIds.add(p.actorId);
          ctx.live.changed({
            kind: 'ARTICLE_INGESTED',
            articleId: result.articleId,
            outcome: result.outcome === 'created' ? 'CREATED' : 'UPDATED',
            actorIds: [...actorIds],
            events,
            eventCount: eventIds.length,
          });
        }
        return {
          articleId: result.articleId,
          outcome: result.outcome.toUpperCase(),
          nodesCreated: result.counters.nodesCreated,
          relationshipsCreated: result.counters.relationshipsCreated,
          propertiesSet: result.counters.propertiesSet,
        };
      } catch (err) {
        if (err instanceof BundleValidationError) {
          throw new ParleyError(ErrorCode.BUNDLE_INVALID, err.message, { issues: err.issues.slice(0, 100) });
        }
        throw err;
      }
    },
  }),
  addAlias: t.field({
    type: ActorRef,
    description: "Adds a surface form to an actor's aliases (a set: adding one twice changes nothing).",
    args: {
      actorId: t.arg.id({ required: true, description: 'The actor.' }),
      alias: t.arg.string({ required: true, description: `The new form, 1 to ${MAX_ALIAS} characters.` }),
    },
    resolve: async (_r, args, ctx) => {
      const alias = args.alias.normalize('NFC').trim();
      if (!alias || alias.length > MAX_ALIAS || /\p{Cc}/u.test(alias)) {
        throw new ParleyError(
          ErrorCode.BAD_USER_INPUT,
          `alias must be 1 to ${MAX_ALIAS} printable characters.`,
          { argument: 'alias' },
        );
      }
      const actor = await addAlias(ctx.db, checkId(String(args.actorId), 'actorId'), alias);
      if (!actor)
        throw new ParleyError(ErrorCode.NOT_FOUND, `No actor with id "${args.actorId}".`, {
          argument: 'actorId',
        });
      ctx.live.changed({
        kind: 'ALIAS_ADDED',
        articleId: null,
        outcome: null,
        actorIds: [actor.id],
        events: [],
        eventCount: 0,
      });
      return actor;
    },
  }),
  mergeActors: t.field({
    type: MergeResultRef,
    description:
      'Merges two actors that are the same: everything of `mergeId` — participations, structural facts and their quotes, document links, names — moves onto `keepId`, and `mergeId` then redirects to it (later bundles using it land on `keepId`).',
    args: {
      keepId: t.arg.id({ required: true, description: 'The actor that survives.' }),
      mergeId: t.arg.id({ required: true, description: 'The actor merged into it and removed.' }),
    },
    resolve: async (_r, args, ctx) => {
      const keepId = checkId(String(args.keepId), 'keepId');
      const mergeId = checkId(String(args.mergeId), 'mergeId');
      if (keepId === mergeId)
        throw new ParleyError(
          ErrorCode.BAD_USER_INPUT,
          `keepId and mergeId are both "${keepId}": an actor cannot be merged into itself; give two different actors.`,
          { argument: 'mergeId' },
        );
      const result = await mergeActors(ctx.db, keepId, mergeId);
      if (!result)
        throw new ParleyError(ErrorCode.NOT_FOUND, `Both "${keepId}" and "${mergeId}" must exist.`);
      ActorRef.getDataloader(ctx).clear(mergeId).prime(keepId, result.actor);
      ctx.logger.info({ keepId, mergeId }, 'actors merged');
      ctx.live.changed({
        kind: 'ACTORS_MERGED',
        articleId: null,
        outcome: null,
        actorIds: [keepId, mergeId],
        events: [],
        eventCount: result.participations,
      });
      return {
        actorId: keepId,
        participations: result.participations,
        facts: result.facts,
        documentLinks: result.documentLinks,
      };
    },
  }),
  correctEvent: t.field({
    type: EventRef,
    description:
      "Corrects an event's date or CAMEO type. The correction is marked as curated, so re-ingesting the bundle it came from does not undo it.",
    args: {
      eventId: t.arg.id({ required: true, description: 'The event.' }),
      date: t.arg({ type: DateCorrectionInput, required: false, description: 'The corrected date.' }),
      cameoCode: t.arg.string({ required: false, description: 'The corrected CAMEO code ("036").' }),
    },
    resolve: async (_r, args, ctx) => {
      if (!args.date && !args.cameoCode) {
        throw new ParleyError(ErrorCode.BAD_USER_INPUT, 'Give a date, a cameoCode, or both.');
      }
      let date = null;
      if (args.date) {
        const parsed = dateSchema.safeParse({
          ...args.date,
          qualifier: args.date.qualifier ?? null,
          text: args.date.text ?? null,
        });
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw new ParleyError(
            ErrorCode.BAD_USER_INPUT,
            `date.${formatPath(issue.path)}: ${issue.message}`,
            { argument: 'date' },
          );
        }
        date = { ...parsed.data, qualifier: parsed.data.qualifier ?? null, text: parsed.data.text ?? null };
      }
      if (args.cameoCode && !(await eventTypeExists(ctx.db, args.cameoCode))) {
        throw new ParleyError(
          ErrorCode.BAD_USER_INPUT,
          `"${args.cameoCode.slice(0, 10)}" is not a CAMEO code in the codebook.`,
          {
            argument: 'cameoCode',
          },
        );
      }
      const event = await correctEvent(
        ctx.db,
        checkId(String(args.eventId), 'eventId'),
        date,
        args.cameoCode ?? null,
      );
      if (!event)
        throw new ParleyError(ErrorCode.NOT_FOUND, `No event with id "${args.eventId}".`, {
          argument: 'eventId',
        });
      EventRef.getDataloader(ctx).clear(event.id).prime(event.id, event);
      const events = await liveEvents(ctx.db, [event.id], ctx.logger);
      ctx.live.changed({
        kind: 'EVENT_CORRECTED',
        articleId: null,
        outcome: null,
        actorIds: [...new Set(events.flatMap((e) => e.participants.map((p) => p.actorId)))],
        events,
        eventCount: 1,
      });
      return event;
    },
  }),
}));
