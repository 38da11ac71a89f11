import { serviceKey, validOn } from '@portbook/core';
import { builder, connectionCost } from '../builder.ts';
import type { Context } from '../context.ts';
import { arrayConnection, countOf, keysetConnection, pageInMemory } from '../pagination.ts';
import { Assignment } from './assignment.ts';
import { AssignmentFilter, checkLength, toAssignmentFilter } from './assignment-filter.ts';
import { DateScalar } from './date.ts';
import { ProtocolEnum } from './enums.ts';
import { PortRange } from './port-range.ts';

/** A service name, as the newest record spells it. */
export interface ServiceShape {
  name: string;
}

/** The service as its records spell it, or null when no record ever used the name. */
export function loadService(name: string, context: Context): ServiceShape | null {
  const service = context.snapshot.service(name);
  return service ? { name: service.name } : null;
}

export const Service = builder.objectRef<ServiceShape>('Service');

builder.node(Service, {
  description:
    'A service name with its assignments across protocols and ports, and its other names.',
  id: { resolve: (service) => serviceKey(service.name) },
  loadOne: (name, context) => loadService(name, context),
  fields: (t) => ({
    name: t.exposeString('name'),
    assignments: t.connection(
      {
        type: Assignment,
        complexity: connectionCost(1),
        description: "Its records on `at` (default: the current registry), in IANA's order.",
        args: { at: t.arg({ type: DateScalar }), protocol: t.arg({ type: ProtocolEnum }) },
        resolve: (service, args, context) => {
          const rows = context.snapshot
            .serviceRecords(service.name)
            .filter((row) => validOn(row, args.at ?? undefined))
            .filter((row) => !args.protocol || row.protocol === args.protocol)
            .sort((a, b) => (a.portLow ?? 0) - (b.portLow ?? 0) || a.position - b.position);
          return arrayConnection(args, rows);
        },
      },
      { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
    ),
    history: t.connection(
      {
        type: Assignment,
        description: 'Every version of every record with this name, current first, then newest.',
        complexity: connectionCost(10),
        resolve: (service, args, context) =>
          arrayConnection(args, [...context.snapshot.serviceRecords(service.name)]),
      },
      { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
    ),
    ports: t.field({
      type: [PortRange],
      description: 'The ports and ranges its current records use, ascending.',
      resolve: (service, _args, context) => {
        const ranges = new Map<string, { low: number; high: number }>();
        for (const row of context.snapshot.serviceRecords(service.name)) {
          if (row.validTo !== null || row.portLow === null || row.portHigh === null) continue;
          ranges.set(`${row.portLow}-${row.portHigh}`, { low: row.portLow, high: row.portHigh });
        }
        return [...ranges.values()].sort((a, b) => a.low - b.low || a.high - b.high);
      },
    }),
    formerNames: t.field({
      type: [Service],
      description: 'Names this service was known by before a rename or RFC 6335 replacement.',
      resolve: (service, _args, context) =>
        (context.snapshot.service(service.name)?.formerNames ?? []).map(({ name }) => ({ name })),
    }),
    laterNames: t.field({
      type: [Service],
      description: 'Names that replaced this one.',
      resolve: (service, _args, context) =>
        (context.snapshot.service(service.name)?.laterNames ?? []).map(({ name }) => ({ name })),
    }),
  }),
});

builder.queryField('service', (t) =>
  t.field({
    type: Service,
    nullable: true,
    description:
      'A service by name, in any case (`SSH` finds `ssh`); null if no record ever used it.',
    args: { name: t.arg.string({ required: true }) },
    resolve: (_root, args, context) => {
      checkLength(args.name, 'name');
      return loadService(args.name, context);
    },
  }),
);

builder.queryField('services', (t) =>
  t.connection(
    {
      type: Service,
      description: 'Service names of the records matching the filter, alphabetically.',
      // A filter reads every record of every era once per snapshot and filter.
      complexity: connectionCost(20),
      args: {
        filter: t.arg({ type: AssignmentFilter }),
        at: t.arg({ type: DateScalar }),
      },
      resolve: (_root, args, context) => {
        const filter = toAssignmentFilter(args.filter, args.at, context);
        const names = context.snapshot.serviceNames(filter);
        return keysetConnection<ServiceShape, string>(args, {
          cursor: { kind: 'service', of: (service) => serviceKey(service.name), parse: (v) => v },
          load: (page) => pageInMemory(names, serviceKey, page).map((name) => ({ name })),
          totalCount: () => names.length,
        });
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
  ),
);
