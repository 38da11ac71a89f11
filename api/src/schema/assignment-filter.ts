import {
  type AssignmentFilter as AssignmentFilterShape,
  PORT_MAX,
  PORT_MIN,
  type PortRange,
} from '@portbook/core';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { badUserInput } from '../errors.ts';
import { ProtocolEnum, StatusEnum } from './enums.ts';
import { PartialDateScalar } from './partial-date.ts';
import { PortRangeInput } from './port-range.ts';

/** The one filter shared by `ports`, `services` and the `/services` export. */
export const AssignmentFilter = builder.inputType('AssignmentFilter', {
  description: 'Narrows a list to the records that match every given field.',
  fields: (t) => ({
    protocols: t.field({ type: [ProtocolEnum] }),
    within: t.field({ type: PortRangeInput, description: 'Records overlapping these ports.' }),
    rangeClass: t.string({
      description: 'A range class by slug or name (`rfc6335-user`, `User Ports`), on `at`.',
    }),
    statuses: t.field({ type: [StatusEnum] }),
    registeredFrom: t.field({ type: PartialDateScalar }),
    registeredTo: t.field({ type: PartialDateScalar }),
    modifiedFrom: t.field({ type: PartialDateScalar }),
    modifiedTo: t.field({ type: PartialDateScalar }),
    reference: t.string({ description: 'A cited document: `RFC6335`, `rfc 793`, `draft-…`.' }),
    person: t.string({ description: 'Assignee or contact: a person id or part of a name.' }),
    text: t.string({ description: 'Words in the service name, description or notes.' }),
  }),
});

export type AssignmentFilterInput = typeof AssignmentFilter.$inferInput;

export function checkPortRange(range: PortRange, name = 'within'): PortRange {
  const valid = (n: number) => Number.isInteger(n) && n >= PORT_MIN && n <= PORT_MAX;
  if (!valid(range.low) || !valid(range.high) || range.low > range.high) {
    throw badUserInput(
      `\`${name}\` must be ports ${PORT_MIN}-${PORT_MAX} with low <= high (got ${range.low}-${range.high})`,
      'PORT_OUT_OF_RANGE',
    );
  }
  return range;
}

/** The longest filter text accepted: longer than any name, reference or phrase the registry holds. */
export const MAX_FILTER_LENGTH = 200;

/** Refuses overlong text filters before any work: a 39 KB `text` is a mistake or an attack. */
function checkFilterLengths(input: AssignmentFilterInput | null | undefined): void {
  for (const name of ['rangeClass', 'reference', 'person', 'text'] as const) {
    checkLength(input?.[name], `filter.${name}`);
  }
}

/**
 * `BAD_USER_INPUT` when a string argument is longer than `max` characters, or holds a NUL
 * (no registry name, reference or word does, and the database could not store one).
 */
export function checkLength(
  value: string | null | undefined,
  name: string,
  max = MAX_FILTER_LENGTH,
): void {
  if (value == null) return;
  if (value.length > max) {
    throw badUserInput(`\`${name}\` must be at most ${max} characters (got ${value.length})`);
  }
  if (value.includes('\u0000')) throw badUserInput(`\`${name}\` must not hold a NUL character`);
}

/** Turns the GraphQL input into the snapshot's filter, resolving a range class to its ports. */
export function toAssignmentFilter(
  input: AssignmentFilterInput | null | undefined,
  at: string | null | undefined,
  context: Context,
): AssignmentFilterShape {
  checkFilterLengths(input);
  let within = input?.within ? checkPortRange(input.within) : undefined;
  if (input?.rangeClass) {
    const date = at ?? context.today;
    const wanted = input.rangeClass.toLowerCase();
    const rangeClass = context.snapshot
      .rangeClasses(date)
      .find((c) => c.id === wanted || c.name.toLowerCase() === wanted);
    if (!rangeClass)
      throw badUserInput(`no range class ${JSON.stringify(input.rangeClass)} on ${date}`);
    within = {
      low: Math.max(within?.low ?? PORT_MIN, rangeClass.low),
      high: Math.min(within?.high ?? PORT_MAX, rangeClass.high),
    };
  }
  return {
    at: at ?? undefined,
    protocols: input?.protocols ?? undefined,
    within,
    statuses: input?.statuses ?? undefined,
    registeredFrom: input?.registeredFrom ?? undefined,
    registeredTo: input?.registeredTo ?? undefined,
    modifiedFrom: input?.modifiedFrom ?? undefined,
    modifiedTo: input?.modifiedTo ?? undefined,
    reference: input?.reference ?? undefined,
    person: input?.person ?? undefined,
    text: input?.text ?? undefined,
  };
}
