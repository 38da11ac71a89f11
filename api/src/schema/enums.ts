import {
  CHANGE_KINDS,
  type ChangeKind,
  PROTOCOLS,
  type Protocol,
  RANGE_SCHEMES,
  type RangeScheme,
  STATUSES,
  type Status,
} from '@portbook/core';
import { builder } from '../builder.ts';

/** GraphQL enum values are upper case; the stored values are the registry's lower-case words. */
function enumValues<T extends string>(values: readonly T[], describe: (value: T) => string) {
  return Object.fromEntries(
    values.map((value) => [value.toUpperCase(), { value, description: describe(value) }]),
  ) as Record<Uppercase<T>, { value: T; description: string }>;
}

export const ProtocolEnum = builder.enumType('Protocol', {
  description: 'Transport protocol of an assignment.',
  values: enumValues<Protocol>(PROTOCOLS, (p) => p.toUpperCase()),
});

export const StatusEnum = builder.enumType('Status', {
  description: "A record's status, derived from its text; the original description is kept too.",
  values: enumValues<Status>(STATUSES, (s) => `The registry says the port is ${s}.`),
});

export const ChangeKindEnum = builder.enumType('ChangeKind', {
  description: 'What happened to a record between two documents, or according to a note.',
  values: enumValues<ChangeKind>(CHANGE_KINDS, (k) => `The record was ${k}.`),
});

export const RangeSchemeEnum = builder.enumType('RangeScheme', {
  description: "Whose ranges: IANA's port classes, or operating systems' ephemeral ranges.",
  values: enumValues<RangeScheme>(RANGE_SCHEMES, (s) =>
    s === 'iana' ? "IANA's port classes through history" : "Operating systems' ephemeral ranges",
  ),
});
