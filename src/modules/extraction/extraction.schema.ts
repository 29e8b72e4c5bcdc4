import { ErrorCode, ParleyError } from '../../errors.ts';
import { builder } from '../../schema/builder.ts';
import { cameoNames } from './extraction.repository.ts';
import { extract } from './extraction.service.ts';
import { ExtractionInputError, latestToday, MAX_TEXT_LENGTH } from './input.ts';
import type {
  ActorMention,
  Draft,
  DraftActor,
  DraftDate,
  DraftEvent,
  DraftFact,
  DraftRole,
  DraftWarning,
  Evidence,
  Scored,
  Span,
} from './types.ts';

/** The GraphQL face of extraction (docs/extraction.md; the contract the explorer's review page reads). */

const TextSpanRef = builder.objectRef<Span>('TextSpan').implement({
  description: 'A stretch of the submitted text: `text.slice(start, end) === quote` (UTF-16 offsets).',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'UTF-16 offset of the first character.' }),
    end: t.exposeInt('end', { description: 'UTF-16 offset after the last character (exclusive).' }),
    quote: t.exposeString('quote', { description: 'The exact words of the text.' }),
  }),
});

const EvidenceRef = builder.objectRef<Evidence>('ExtractionEvidence').implement({
  description: 'Why an item is in the draft: a rule that fired, and the lexicon entry it used.',
  fields: (t) => ({
    rule: t.exposeString('rule', { description: 'A stable rule name ("trigger.lexicon", "date.chrono").' }),
    entry: t.string({
      nullable: true,
      description: 'The lexicon entry (`fr/triggers.json#declarer`) or gazetteer source, if any.',
      resolve: (e) => e.entry ?? null,
    }),
    detail: t.string({
      nullable: true,
      description: 'More about the match.',
      resolve: (e) => e.detail ?? null,
    }),
  }),
});

const WarningRef = builder.objectRef<DraftWarning>('ExtractionWarning').implement({
  description: 'Something the editor should look at before ingesting.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'A stable code (UPPER_SNAKE), e.g. DATE_NOT_IN_TEXT.' }),
    message: t.exposeString('message', { description: 'What to check, for a person.' }),
  }),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** confidence, evidence and warnings: every item of a draft has them. */
function scoredFields<T extends Scored>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, T>) {
  return {
    confidence: t.float({ description: 'How sure the engine is, 0 to 1.', resolve: (x) => x.confidence }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'The rules and lexicon entries that produced it.',
      resolve: (x) => x.evidence,
    }),
    warnings: t.field({ type: [WarningRef], description: 'What to check.', resolve: (x) => x.warnings }),
  };
}

const MentionRef = builder.objectRef<ActorMention>('DraftActorMention').implement({
  description: 'One place the text names an actor.',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'UTF-16 offset of the first character.' }),
    end: t.exposeInt('end', { description: 'UTF-16 offset after the last character.' }),
    quote: t.exposeString('quote', { description: 'The words that name the actor.' }),
    sentence: t.exposeInt('sentence', { description: 'Index of the sentence in `sentences`.' }),
    via: t.exposeString('via', {
      description: 'How it was recognised: NAME, ALIAS, METONYM, DEMONYM, TITLE_AND_NAME or PATTERN.',
    }),
    ...scoredFields(t),
  }),
});

const DraftActorRef = builder.objectRef<DraftActor>('DraftActor').implement({
  description: 'An actor the text names: LINKED to one of the graph, or NEW (the bundle defines it).',
  fields: (t) => ({
    id: t.exposeString('id', { description: "The graph's id, or the id the bundle gives a new actor." }),
    name: t.exposeString('name', { description: 'Canonical English name.' }),
    kind: t.exposeString('kind', { description: 'COUNTRY, PERSON, IGO… (ActorKind).' }),
    status: t.exposeString('status', { description: 'LINKED (in the graph) or NEW.' }),
    countryCode: t.string({
      nullable: true,
      description: 'ISO 3166-1 alpha-3 code, when known.',
      resolve: (a) => a.countryCode ?? null,
    }),
    newAliases: t.exposeStringList('newAliases', {
      description: 'Forms the text uses that the graph does not know yet (for NEW: all of them).',
    }),
    mentions: t.field({
      type: [MentionRef],
      description: 'Where the text names it.',
      resolve: (a) => a.mentions,
    }),
    ...scoredFields(t),
  }),
});

const DraftRoleRef = builder.objectRef<DraftRole>('DraftRole').implement({
  description: 'The part an actor plays in a draft event.',
  fields: (t) => ({
    actorId: t.exposeString('actorId', { description: 'The actor (one of `actors`).' }),
    role: t.exposeString('role', { description: 'ACTOR, RECIPIENT, SPEAKER… (Role).' }),
    mention: t.field({
      type: TextSpanRef,
      nullable: true,
      description: "The mention that fills the role, when it is in the event's sentence.",
      resolve: (r) => r.mention ?? null,
    }),
    ...scoredFields(t),
  }),
});

const DraftDateRef = builder.objectRef<DraftDate>('DraftDate').implement({
  description: "A draft event's date: an interval resolved against the publication date.",
  fields: (t) => ({
    earliest: t.field({
      type: 'Date',
      description: 'First day it may have happened.',
      resolve: (d) => d.earliest,
    }),
    latest: t.field({
      type: 'Date',
      description: 'Last day it may have happened.',
      resolve: (d) => d.latest,
    }),
    precision: t.exposeString('precision', { description: 'DAY, MONTH or YEAR.' }),
    qualifier: t.string({
      nullable: true,
      description: 'EARLY, MID, LATE or APPROX.',
      resolve: (d) => d.qualifier,
    }),
    text: t.string({
      nullable: true,
      description: "The article's words for the date; null when the text does not date the event.",
      resolve: (d) => d.text,
    }),
    span: t.field({
      type: TextSpanRef,
      nullable: true,
      description: 'Where those words are.',
      resolve: (d) => d.span,
    }),
    sentence: t.int({
      nullable: true,
      description: "The sentence they are in (may precede the event's: an inherited date).",
      resolve: (d) => d.sentence,
    }),
    ...scoredFields(t),
  }),
});

type EventShape = DraftEvent & { cameoName: string | null };

const DraftEventRef = builder.objectRef<EventShape>('DraftEvent').implement({
  description: "An event the engine found: the bundle's event of the same id, with how it was found.",
  fields: (t) => ({
    id: t.exposeString('id', { description: "The bundle's event id." }),
    cameoCode: t.exposeString('cameoCode', { description: 'The CAMEO code ("036").' }),
    cameoName: t.string({
      nullable: true,
      description: "The code's name in the codebook; null when the codebook lacks it.",
      resolve: (e) => e.cameoName,
    }),
    status: t.exposeString('status', { description: 'ASSERTED, PLANNED, HYPOTHETICAL or NEGATED.' }),
    summary: t.exposeString('summary', { description: 'One line in English.' }),
    sentence: t.exposeInt('sentence', { description: 'Index of its sentence in `sentences`.' }),
    trigger: t.field({ type: TextSpanRef, description: 'The trigger words.', resolve: (e) => e.trigger }),
    mention: t.field({
      type: TextSpanRef,
      description: "The bundle mention's quote.",
      resolve: (e) => e.mention,
    }),
    roles: t.field({
      type: [DraftRoleRef],
      description: 'Who takes part, and how.',
      resolve: (e) => e.roles,
    }),
    date: t.field({ type: DraftDateRef, description: 'When.', resolve: (e) => e.date }),
    ...scoredFields(t),
  }),
});

const DraftFactRef = builder.objectRef<DraftFact>('DraftFact').implement({
  description: 'A structural fact the text states (membership, part of, holds a position).',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'MEMBER_OF, PART_OF or HOLDS_POSITION.' }),
    subjectId: t.exposeString('subjectId', { description: 'The actor the fact is about.' }),
    objectId: t.exposeString('objectId', { description: 'The other actor.' }),
    title: t.string({
      nullable: true,
      description: 'The position, for HOLDS_POSITION.',
      resolve: (f) => f.title,
    }),
    mention: t.field({
      type: TextSpanRef,
      description: 'The words that state it.',
      resolve: (f) => f.mention,
    }),
    sentence: t.exposeInt('sentence', { description: 'Index of its sentence in `sentences`.' }),
    ...scoredFields(t),
  }),
});

type DraftShape = Draft & { cameoNames: Map<string, string> };

const ExtractionDraftRef = builder.objectRef<DraftShape>('ExtractionDraft').implement({
  description:
    'A draft bundle extracted from an article, for an editor to review. Nothing is written: send the (edited) `bundle` to ingestArticle.',
  fields: (t) => ({
    engine: t.exposeString('engine', { description: 'The engine and its version ("rules-1").' }),
    language: t.exposeString('language', { description: 'The language read: fr, en, ru, de or pl.' }),
    languageSource: t.exposeString('languageSource', {
      description: 'METADATA (given with the input) or DETECTED.',
    }),
    languageConfidence: t.exposeFloat('languageConfidence', {
      description: 'How sure the detection is, 0 to 1 (1 when given).',
    }),
    bundle: t.field({
      type: 'JSON',
      description: 'The draft bundle, valid against schema/bundle.schema.json.',
      resolve: (d) => d.bundle,
    }),
    sentences: t.field({
      type: [TextSpanRef],
      description: 'The sentences of the text; a sentence index is a position in this list.',
      resolve: (d) => d.sentences,
    }),
    actors: t.field({
      type: [DraftActorRef],
      description: 'The actors the text names.',
      resolve: (d) => d.actors,
    }),
    events: t.field({
      type: [DraftEventRef],
      description: 'The events found.',
      resolve: (d) => d.events.map((e) => ({ ...e, cameoName: d.cameoNames.get(e.cameoCode) ?? null })),
    }),
    facts: t.field({
      type: [DraftFactRef],
      description: 'The structural facts found.',
      resolve: (d) => d.facts,
    }),
    warnings: t.field({
      type: [WarningRef],
      description: 'About the whole draft (NOTHING_FOUND when no event was found).',
      resolve: (d) => d.warnings,
    }),
  }),
});

const ExtractionLanguageEnum = builder.enumType('ExtractionLanguage', {
  description: 'The language of an article to extract from.',
  values: {
    FR: { description: 'French.' },
    EN: { description: 'English.' },
    RU: { description: 'Russian.' },
    DE: { description: 'German.' },
    PL: { description: 'Polish.' },
    AUTO: { description: 'Detect it from the text.' },
  } as const,
});

const ExtractArticleInput = builder.inputType('ExtractArticleInput', {
  description: 'An article to extract a draft bundle from.',
  fields: (t) => ({
    text: t.string({
      required: true,
      description: `The article's text, at most ${MAX_TEXT_LENGTH} characters (TEXT_TOO_LARGE beyond).`,
    }),
    publishedAt: t.field({
      type: 'Date',
      required: true,
      description: 'Publication date, YYYY-MM-DD, not after today (PUBLISHED_AT_IN_FUTURE).',
    }),
    language: t.field({
      type: ExtractionLanguageEnum,
      required: false,
      defaultValue: 'AUTO',
      description: 'The language, or AUTO to detect it (LANGUAGE_UNDETECTED when it cannot be told).',
    }),
    url: t.string({ required: false, description: 'Where it was published (http or https).' }),
    title: t.string({
      required: false,
      description: 'Its headline; the first line of the text when absent.',
    }),
    publisher: t.string({ required: false, description: 'Who published it ("bbabo.net").' }),
  }),
});

builder.queryFields((t) => ({
  extractArticle: t.field({
    type: ExtractionDraftRef,
    description:
      'Editors only (it costs CPU): extracts a draft bundle from an article text in fr, en, ru, de or pl, for review. Writes nothing. Bad input fails with a stable code (TEXT_EMPTY, TEXT_TOO_LARGE, TEXT_BINARY, TEXT_IS_HTML, TEXT_INVALID_UNICODE, LANGUAGE_UNSUPPORTED, LANGUAGE_UNDETECTED, PUBLISHED_AT_IN_FUTURE…); a text with nothing to extract gives an empty draft with the warning NOTHING_FOUND.',
    authScopes: { editor: true },
    // The Query type's reader scope would word the refusal as "needs a reader key".
    skipTypeScopes: true,
    unauthorizedError: (_p, _a, ctx) => {
      if (!ctx.identity.presented) {
        return new ParleyError(
          ErrorCode.UNAUTHENTICATED,
          'extractArticle needs an editor key: send "Authorization: Bearer <key>".',
          { http: { status: 401 } },
        );
      }
      if (ctx.identity.role === null) {
        return new ParleyError(ErrorCode.UNAUTHENTICATED, 'The API key is not valid.', {
          http: { status: 401 },
        });
      }
      return new ParleyError(
        ErrorCode.FORBIDDEN,
        `extractArticle needs an editor key; this key has the ${ctx.identity.role} role.`,
        { http: { status: 403 } },
      );
    },
    args: { input: t.arg({ type: ExtractArticleInput, required: true, description: 'The article.' }) },
    resolve: async (_r, { input }, ctx) => {
      try {
        const draft = await extract(
          ctx.db,
          {
            text: input.text,
            publishedAt: input.publishedAt,
            language: input.language ?? 'AUTO',
            url: input.url,
            title: input.title,
            publisher: input.publisher,
          },
          { today: latestToday(), pool: ctx.extraction },
        );
        const names = await cameoNames(
          ctx.db,
          draft.events.map((e) => e.cameoCode),
        );
        return { ...draft, cameoNames: names };
      } catch (err) {
        if (err instanceof ExtractionInputError) {
          throw new ParleyError(err.code, err.message, { argument: `input.${err.field}` });
        }
        throw err;
      }
    },
  }),
}));
