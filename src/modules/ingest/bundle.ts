import { z } from 'zod';
import { ID_PATTERN } from '../common/identity.ts';
import {
  ACTOR_KINDS,
  DOCUMENT_KINDS,
  EVENT_LINK_TYPES,
  EVENT_STATUSES,
  FACT_TYPES,
  PRECISIONS,
  QUALIFIERS,
  ROLES,
} from '../common/vocabulary.ts';

/**
 * The article bundle: the one shape in which data enters Parley (docs/bundle-format.md).
 * This schema is the authority; schema/bundle.schema.json is generated from it.
 */

const id = z.string().max(120).regex(ID_PATTERN, 'a lowercase slug such as "sergei-aleinik"');
const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const mentionSchema = z
  .object({
    quote: z.string().min(1).max(5_000).describe('An exact excerpt of article.text.'),
    start: z.number().int().min(0).describe('UTF-16 offset of the quote in article.text.'),
    end: z.number().int().min(1).describe('Exclusive UTF-16 end offset.'),
    confidence: z.number().min(0).max(1).describe('How sure the extraction is, 0 to 1.'),
  })
  .strict()
  .refine((m) => m.end > m.start, { message: 'end must be greater than start', path: ['end'] });

export const actorSchema = z
  .object({
    id,
    kind: z.enum(ACTOR_KINDS),
    name: text(300).describe('Canonical English name.'),
    aliases: z.array(text(300)).max(200).default([]).describe('Every surface form seen, any language.'),
    wikidataId: z
      .string()
      .regex(/^Q\d+$/)
      .nullish(),
    countryCode: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as "BLR"')
      .nullish(),
  })
  .strict();

export const documentSchema = z
  .object({
    id,
    kind: z.enum(DOCUMENT_KINDS),
    title: text(500),
    authoredBy: z.array(id).max(50).default([]),
    addressedTo: z.array(id).max(50).default([]),
  })
  .strict();

export const dateSchema = z
  .object({
    earliest: isoDate,
    latest: isoDate,
    precision: z.enum(PRECISIONS),
    qualifier: z.enum(QUALIFIERS).nullish(),
    text: z.string().max(200).nullish().describe("The article's own words for the date."),
  })
  .strict()
  .refine((d) => d.earliest <= d.latest, { message: 'earliest must not be after latest', path: ['latest'] });

export const participantSchema = z.object({ actorId: id, role: z.enum(ROLES) }).strict();

export const eventSchema = z
  .object({
    id,
    summary: text(2_000),
    cameoCode: z
      .string()
      .regex(/^\d{2,4}$/, 'a CAMEO code as a string, e.g. "036"')
      .describe('CAMEO event code; must exist in the codebook.'),
    status: z.enum(EVENT_STATUSES),
    date: dateSchema,
    participants: z.array(participantSchema).min(1).max(100),
    documents: z.array(id).max(50).default([]),
    mentions: z.array(mentionSchema).min(1, 'every event needs at least one quote').max(100),
  })
  .strict();

export const eventLinkSchema = z
  .object({ type: z.enum(EVENT_LINK_TYPES), from: id, to: id })
  .strict()
  .refine((l) => l.from !== l.to, { message: 'an event cannot link to itself', path: ['to'] });

export const factSchema = z
  .object({
    type: z.enum(FACT_TYPES),
    subjectId: id,
    objectId: id,
    title: z.string().trim().min(1).max(300).nullish(),
    since: isoDate.nullish(),
    until: isoDate.nullish(),
    source: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]*$/)
      .max(100)
      .nullish()
      .describe('null: this article (mentions required); otherwise the register it came from.'),
    mentions: z.array(mentionSchema).max(100).default([]),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.type === 'HOLDS_POSITION' && !f.title) {
      ctx.addIssue({ code: 'custom', message: 'HOLDS_POSITION needs a title', path: ['title'] });
    }
    if (f.type !== 'HOLDS_POSITION' && (f.title || f.since || f.until)) {
      ctx.addIssue({
        code: 'custom',
        message: 'only HOLDS_POSITION has title, since and until',
        path: ['title'],
      });
    }
    if (!f.source && f.mentions.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'a fact from this article needs at least one quote (or a register as its source)',
        path: ['mentions'],
      });
    }
    if (f.subjectId === f.objectId) {
      ctx.addIssue({ code: 'custom', message: 'subject and object must differ', path: ['objectId'] });
    }
  });

export const articleSchema = z
  .object({
    id,
    url: z
      .url({ protocol: /^https?$/ })
      .max(2_000)
      .nullish(),
    title: text(1_000),
    publisher: text(300),
    publishedAt: isoDate,
    language: z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as "fr"'),
    text: z.string().min(1).max(2_000_000),
  })
  .strict();

export const bundleSchema = z
  .object({
    bundleVersion: z.literal(1),
    article: articleSchema,
    actors: z.array(actorSchema).max(10_000).default([]),
    documents: z.array(documentSchema).max(10_000).default([]),
    events: z.array(eventSchema).max(10_000).default([]),
    eventLinks: z.array(eventLinkSchema).max(50_000).default([]),
    facts: z.array(factSchema).max(10_000).default([]),
  })
  .strict();

export type Bundle = z.infer<typeof bundleSchema>;
export type BundleInput = z.input<typeof bundleSchema>;
export type Mention = z.infer<typeof mentionSchema>;
export type Fact = z.infer<typeof factSchema>;
