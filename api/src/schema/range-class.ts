import type { RangeClass as RangeClassRow } from '@portbook/db';
import { builder } from '../builder.ts';
import { DateScalar } from './date.ts';
import { RangeSchemeEnum } from './enums.ts';

/** A named port range (an IANA class, or an OS ephemeral range) quoted from its document. */
export const RangeClass = builder.objectRef<RangeClassRow>('RangeClass');

builder.node(RangeClass, {
  description: 'A named range of ports with the document that defines it, quoted.',
  id: { resolve: (rangeClass) => rangeClass.id },
  loadMany: async (ids, context) => {
    const classes = await context.registry.rangeClasses();
    return ids.map((id) => classes.find((c) => c.id === id) ?? null);
  },
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
  t.field({
    type: [RangeClass],
    description:
      "IANA's port classes in force on `at`; without `at`, every class through history (1977-).",
    args: { at: t.arg({ type: DateScalar }) },
    resolve: async (_root, args, context) =>
      (await context.registry.rangeClasses()).filter(
        (c) =>
          c.scheme === 'iana' &&
          (args.at == null ||
            (c.validFrom <= args.at && (c.validTo === null || c.validTo > args.at))),
      ),
  }),
);

builder.queryField('ephemeralRanges', (t) =>
  t.field({
    type: [RangeClass],
    description: "Operating systems' default ephemeral (dynamic) port ranges, with their sources.",
    args: { at: t.arg({ type: DateScalar }) },
    resolve: async (_root, args, context) =>
      (await context.registry.rangeClasses()).filter(
        (c) =>
          c.scheme === 'ephemeral' &&
          (args.at == null ||
            (c.validFrom <= args.at && (c.validTo === null || c.validTo > args.at))),
      ),
  }),
);
