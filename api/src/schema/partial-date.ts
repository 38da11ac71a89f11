import { Kind } from 'graphql';
import { builder } from '../builder.ts';
import { badUserInput } from '../errors.ts';

const PARTIAL_DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

function parsePartialDate(value: unknown): string {
  if (typeof value === 'string' && PARTIAL_DATE.test(value)) return value;
  throw badUserInput(`expected a date as YYYY-MM-DD or YYYY-MM, got ${JSON.stringify(value)}`);
}

/** IANA dates about 2,600 records by month only; those are kept as the registry wrote them. */
export const PartialDateScalar = builder.scalarType('PartialDate', {
  description:
    'A registry date as IANA wrote it: `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.',
  serialize: (value) => value,
  parseValue: parsePartialDate,
  parseLiteral: (node) => parsePartialDate(node.kind === Kind.STRING ? node.value : undefined),
});
