import { builder } from '../../schema/builder.ts';
import { SortOrder } from './scalars.ts';

/** The time window every exploration and dashboard field takes: events whose interval overlaps it. */
export const windowArgs = builder.args((t) => ({
  from: t.field({
    type: 'Date',
    required: false,
    description: 'Only events that may have happened on or after this day.',
  }),
  to: t.field({
    type: 'Date',
    required: false,
    description: 'Only events that may have happened on or before this day.',
  }),
}));

/** Forward keyset pagination, as every connection takes it. */
export const pageArgs = builder.args((t) => ({
  first: t.int({ required: false, defaultValue: 20, description: 'Page size, at most 100.' }),
  after: t.string({ required: false, description: 'endCursor of the previous page.' }),
}));

export const orderArgs = builder.args((t) => ({
  order: t.field({
    type: SortOrder,
    required: false,
    defaultValue: 'ASC',
    description: 'ASC: oldest first (default).',
  }),
}));
