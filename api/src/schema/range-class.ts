import type { RangeClassDefinition } from '@portbook/core';
import { builder, connectionCost } from '../builder.ts';
import { arrayConnection, countOf } from '../pagination.ts';
import { DateScalar } from './date.ts';
import { RangeSchemeEnum } from './enums.ts';

/** A named port range (an IANA class, or an OS ephemeral range) quoted from its document. */
export const RangeClass = builder.objectRef<RangeClassDefinition>('RangeClass');

builder.node(RangeClass, {
  description: 'A named range of ports with the document that defines it, quoted.',
  id: { resolve: (rangeClass) => rangeClass.id },
  loadMany: (ids, context) => ids.map((id) => context.snapshot.rangeClass(id) ?? null),
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
      complexity: connectionCost(1),
      description:
        "IANA's port classes in force on `at`; without `at`, every class through history (1977-), by port.",
      args: { at: t.arg({ type: DateScalar }) },
      resolve: (_root, args, context) =>
        arrayConnection(args, [...context.snapshot.rangeClasses(args.at ?? undefined)]),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
  ),
);

builder.queryField('ephemeralRanges', (t) =>
  t.connection(
    {
      type: RangeClass,
      complexity: connectionCost(1),
      description:
        "Operating systems' default ephemeral (dynamic, client-side) port ranges, quoted from their vendors; `at` keeps those in force that day.",
      args: { at: t.arg({ type: DateScalar }) },
      resolve: (_root, args, context) =>
        arrayConnection(args, context.snapshot.ephemeralRanges(args.at ?? undefined)),
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
  ),
);
