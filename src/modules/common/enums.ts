import { builder } from '../../schema/builder.ts';
import {
  ACTOR_KINDS,
  DOCUMENT_KINDS,
  EVENT_LINK_TYPES,
  EVENT_STATUSES,
  PRECISIONS,
  QUALIFIERS,
  ROLES,
} from './vocabulary.ts';

const described = <T extends readonly string[]>(values: T, descriptions: Record<T[number], string>) =>
  Object.fromEntries(values.map((v) => [v, { description: descriptions[v as T[number]] }])) as {
    [K in T[number]]: { description: string };
  };

export const ActorKindEnum = builder.enumType('ActorKind', {
  description: 'What sort of actor a node is.',
  values: described(ACTOR_KINDS, {
    COUNTRY: 'A sovereign state, including its government when the text speaks for it ("Minsk").',
    ALLIANCE: 'A military or political alliance (NATO).',
    IGO: 'An intergovernmental organization (CSTO, UN).',
    GOVERNMENT_BODY: 'A ministry, agency or other body of a government.',
    THINK_TANK: 'A think tank or discussion club (Valdai Discussion Club).',
    PERSON: 'A named person.',
    GROUP: 'A loose group of actors named together ("the West", "several European countries").',
    MEDIA: 'A news outlet or agency.',
    NGO: 'A non-governmental organization.',
    COMPANY: 'A company.',
  }),
});

export const RoleEnum = builder.enumType('Role', {
  description: 'The part an actor plays in an event.',
  values: described(ROLES, {
    ACTOR: 'Does the thing the event is about (proposes, publishes, replies).',
    RECIPIENT: 'Receives it (the proposal, the reply).',
    SPEAKER: 'Says it (a statement, a remark).',
    ADDRESSEE: 'Is addressed (a letter, a message).',
    SUBJECT: 'Is spoken about.',
    HOST: 'Hosts it (a conference, a visit).',
    PARTICIPANT: 'Takes part (in a meeting, a conference).',
    ON_BEHALF_OF: 'The actor a speaker or signatory acts for (the country of a deputy minister).',
  }),
});

export const EventStatusEnum = builder.enumType('EventStatus', {
  description: 'Whether the event happened, as the article reports it.',
  values: described(EVENT_STATUSES, {
    ASSERTED: 'Reported as having happened.',
    PLANNED: 'Announced or scheduled, not yet happened at publication.',
    HYPOTHETICAL: 'Conditional or speculative.',
    NEGATED: 'Reported as not having happened.',
  }),
});

export const PrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How precisely the article dates an event.',
  values: described(PRECISIONS, {
    DAY: 'Known to the day.',
    MONTH: 'Known to the month (possibly narrowed by a qualifier).',
    YEAR: 'Known to the year.',
  }),
});

export const QualifierEnum = builder.enumType('DateQualifier', {
  description: 'A narrowing of an imprecise date.',
  values: described(QUALIFIERS, {
    EARLY: 'Early in the period ("début janvier").',
    MID: 'Mid-period.',
    LATE: 'Late in the period ("fin janvier").',
    APPROX: 'Approximately.',
  }),
});

export const DocumentKindEnum = builder.enumType('DocumentKind', {
  description: 'What sort of document an event concerns.',
  values: described(DOCUMENT_KINDS, {
    DRAFT_TREATY: 'A proposed treaty text.',
    DRAFT_AGREEMENT: 'A proposed agreement text.',
    TREATY: 'A signed treaty.',
    LETTER: 'A letter.',
    WRITTEN_REPLY: 'A written answer to a proposal or letter.',
    MESSAGE: 'A message sent to one or more addressees.',
    STATEMENT: 'A published statement.',
    REPORT: 'A report.',
    OTHER: 'Anything else.',
  }),
});

export const EventLinkTypeEnum = builder.enumType('EventLinkType', {
  description: 'How two events are related.',
  values: described(EVENT_LINK_TYPES, {
    RESPONDS_TO: 'The event answers the other (a written reply to a proposal).',
    PART_OF: 'The event happened within the other (a statement at a conference).',
    FOLLOWS_UP: 'The event follows up on the other (awaiting a reply to a message).',
  }),
});
