import { ErrorCode, ParleyError } from '../../errors.ts';
import { builder } from '../../schema/builder.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCMonth() === m - 1 && check.getUTCDate() === d) return value;
  }
  throw new ParleyError(
    ErrorCode.BAD_USER_INPUT,
    `"${String(value).slice(0, 40)}" is not a calendar date (YYYY-MM-DD).`,
  );
}

export const DateScalar = builder.scalarType('Date', {
  description: 'A calendar date, ISO 8601 `YYYY-MM-DD` (e.g. `2022-02-09`).',
  serialize: (value) => String(value),
  parseValue: parseDate,
});

export const SortOrder = builder.enumType('SortOrder', {
  description: 'Direction of a date ordering.',
  values: {
    ASC: { description: 'Oldest first.' },
    DESC: { description: 'Newest first.' },
  } as const,
});

export const JSONScalar = builder.scalarType('JSON', {
  description:
    'Any JSON value; used for whole article bundles, which are validated against their own schema.',
  serialize: (value) => value,
  parseValue: (value) => value,
});
