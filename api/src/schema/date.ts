import { PortbookError } from '@portbook/core';
import { Kind } from 'graphql';
import { builder } from '../builder.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Accepts real calendar days only (`2026-02-30` is refused). */
export function parseDate(value: unknown): string {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return value as string;
  }
  throw new PortbookError(
    'INVALID_DATE',
    `expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`,
  );
}

export const DateScalar = builder.scalarType('Date', {
  description: 'A calendar day, `YYYY-MM-DD` (ISO 8601), as the registry dates its records.',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (node) => parseDate(node.kind === Kind.STRING ? node.value : undefined),
});
