import {
  classesAt,
  EPHEMERAL_RANGES,
  IANA_RANGE_CLASSES,
  type RangeClassDefinition,
} from '@portbook/core';
import { resolveArrayConnection } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import { checkPageArgs, countOf } from '../pagination.ts';
import { DateScalar } from './date.ts';
import { RangeSchemeEnum } from './enums.ts';

/** A named port range (an IANA class, or an OS ephemeral range) quoted from its document. */
/** Range classes are domain data kept in code (core), each quoted from its defining document. */
const ALL_CLASSES: readonly RangeClassDefinition[] = [...IANA_RANGE_CLASSES, ...EPHEMERAL_RANGES];

function inForce(definition: RangeClassDefinition, date: string) {
  return definition.validFrom <= date && (definition.validTo === null || date < definition.validTo);
}

const byPortThenDate = (a: RangeClassDefinition, b: RangeClassDefinition) =>
  a.low - b.low || a.validFrom.localeCompare(b.validFrom) || a.high - b.high;

export const RangeClass = builder.objectRef<RangeClassDefinition>('RangeClass');

builder.node(RangeClass, {
  description: 'A named range of ports with the document that defines it, quoted.',
  id: { resolve: (rangeClass) => rangeClass.id },
  loadMany: (ids) => ids.map((id) => ALL_CLASSES.find((c) => c.id === id) ?? null),
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable slug, e.g. `rfc6335-system`.' }),
    scheme: t.expose('scheme', { type: RangeSchemeEnum }),
    name: t.exposeString('name'),
    low: t.exposeInt('low'),
    high: t.exposeInt('high'),
    validFrom: t.expose('validFrom', { type: DateScalar }),
    validTo: t.expose('validTo', {
      type: DateScalar,
      nullable: true,
      description: 'The first day it no longer applied; null while in force.',
    }),
    definedBy: t.exposeString('definedBy'),
    definedByUrl: t.exposeString('definedByUrl'),
    quotation: t.exposeString('quotation'),
    note: t.exposeString('note', { nullable: true }),
  }),
});

builder.queryField('rangeClasses', (t) =>
  t.connection(
    {
      type: RangeClass,
      description:
        "IANA's port classes in force on `at`; without `at`, every class through history (1977-), by port.",
      args: { at: t.arg({ type: DateScalar }) },
      resolve: (_root, args) =>
        resolveArrayConnection(
          { args: checkPageArgs(args) },
          args.at ? classesAt(args.at) : [...IANA_RANGE_CLASSES].sort(byPortThenDate),
        ),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
  ),
);

builder.queryField('ephemeralRanges', (t) =>
  t.connection(
    {
      type: RangeClass,
      description:
        "Operating systems' default ephemeral (dynamic, client-side) port ranges, quoted from their vendors; `at` keeps those in force that day.",
      args: { at: t.arg({ type: DateScalar }) },
      resolve: (_root, args) =>
        resolveArrayConnection(
          { args: checkPageArgs(args) },
          EPHEMERAL_RANGES.filter((r) => !args.at || inForce(r, args.at)).sort(byPortThenDate),
        ),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
  ),
);
