import { parseDate } from '@portbook/core';
import { Kind } from 'graphql';
import { builder } from '../builder.ts';

/** Real calendar days only (`2026-02-30` is refused), by core's `parseDate`. */
export const DateScalar = builder.scalarType('Date', {
  description: 'A calendar day, `YYYY-MM-DD` (ISO 8601), as the registry dates its records.',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (node) => parseDate(node.kind === Kind.STRING ? node.value : undefined),
});
