/**
 * The closed vocabularies of the model. The bundle schema validates against them and the
 * GraphQL enums expose them, so they live below both.
 */

export const ACTOR_KINDS = [
  'COUNTRY',
  'ALLIANCE',
  'IGO',
  'GOVERNMENT_BODY',
  'THINK_TANK',
  'PERSON',
  'GROUP',
  'MEDIA',
  'NGO',
  'COMPANY',
] as const;
export const ROLES = [
  'ACTOR',
  'RECIPIENT',
  'SPEAKER',
  'ADDRESSEE',
  'SUBJECT',
  'HOST',
  'PARTICIPANT',
  'ON_BEHALF_OF',
] as const;
export const EVENT_STATUSES = ['ASSERTED', 'PLANNED', 'HYPOTHETICAL', 'NEGATED'] as const;
export const PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;
export const QUALIFIERS = ['EARLY', 'MID', 'LATE', 'APPROX'] as const;
export const DOCUMENT_KINDS = [
  'DRAFT_TREATY',
  'DRAFT_AGREEMENT',
  'TREATY',
  'LETTER',
  'WRITTEN_REPLY',
  'MESSAGE',
  'STATEMENT',
  'REPORT',
  'OTHER',
] as const;
export const EVENT_LINK_TYPES = ['RESPONDS_TO', 'PART_OF', 'FOLLOWS_UP'] as const;
export const FACT_TYPES = ['MEMBER_OF', 'PART_OF', 'HOLDS_POSITION'] as const;
