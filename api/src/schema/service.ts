import type { Assignment as AssignmentRow } from '@portbook/db';
import { countServiceNames, listServiceNames, serviceKey } from '@portbook/db';
import { resolveArrayConnection } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { checkPageArgs, countOf, keysetConnection } from '../pagination.ts';
import { Assignment } from './assignment.ts';
import { AssignmentFilter, toAssignmentFilter } from './assignment-filter.ts';
import { DateScalar } from './date.ts';
import { ProtocolEnum } from './enums.ts';
import { PortRange } from './port-range.ts';

/** A service name, as the newest record spells it. */
export interface ServiceShape {
  name: string;
}

function validOn(row: AssignmentRow, at: string | undefined) {
  if (at === undefined) return row.validTo === null;
  return row.validFrom <= at && (row.validTo === null || row.validTo > at);
}

/** The service as its records spell it, or null when no record ever used the name. */
export async function loadService(name: string, context: Context): Promise<ServiceShape | null> {
  const [rows, links] = await Promise.all([
    context.loaders.serviceAssignments.load(name),
    context.loaders.nameLinks.load(name),
  ]);
  const spelled = rows[0]?.serviceName;
  if (spelled) return { name: spelled };
  const link = links.find((l) => serviceKey(l.formerName) === serviceKey(name)) ?? links[0];
  if (!link) return null;
  return {
    name: serviceKey(link.formerName) === serviceKey(name) ? link.formerName : link.laterName,
  };
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
        description: "Its records on `at` (default: the current registry), in IANA's order.",
        args: { at: t.arg({ type: DateScalar }), protocol: t.arg({ type: ProtocolEnum }) },
        resolve: async (service, args, context) => {
          const rows = (await context.loaders.serviceAssignments.load(service.name))
            .filter((row) => validOn(row, args.at ?? undefined))
            .filter((row) => !args.protocol || row.protocol === args.protocol)
            .sort((a, b) => (a.portLow ?? 0) - (b.portLow ?? 0) || a.position - b.position);
          return resolveArrayConnection({ args: checkPageArgs(args) }, rows);
        },
      },
      { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
    ),
    history: t.connection(
      {
        type: Assignment,
        description: 'Every version of every record with this name, current first, then newest.',
        resolve: async (service, args, context) =>
          resolveArrayConnection(
            { args: checkPageArgs(args) },
            await context.loaders.serviceAssignments.load(service.name),
          ),
      },
      { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
    ),
    ports: t.field({
      type: [PortRange],
      description: 'The ports and ranges its current records use, ascending.',
      resolve: async (service, _args, context) => {
        const ranges = new Map<string, { low: number; high: number }>();
        for (const row of await context.loaders.serviceAssignments.load(service.name)) {
          if (row.validTo !== null || row.portLow === null || row.portHigh === null) continue;
          ranges.set(`${row.portLow}-${row.portHigh}`, { low: row.portLow, high: row.portHigh });
        }
        return [...ranges.values()].sort((a, b) => a.low - b.low || a.high - b.high);
      },
    }),
    formerNames: t.field({
      type: [Service],
      description: 'Names this service was known by before a rename or RFC 6335 replacement.',
      resolve: async (service, _args, context) =>
        (await context.loaders.nameLinks.load(service.name))
          .filter((link) => serviceKey(link.laterName) === serviceKey(service.name))
          .map((link) => ({ name: link.formerName })),
    }),
    laterNames: t.field({
      type: [Service],
      description: 'Names that replaced this one.',
      resolve: async (service, _args, context) =>
        (await context.loaders.nameLinks.load(service.name))
          .filter((link) => serviceKey(link.formerName) === serviceKey(service.name))
          .map((link) => ({ name: link.laterName })),
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
    resolve: (_root, args, context) => loadService(args.name, context),
  }),
);

builder.queryField('services', (t) =>
  t.connection(
    {
      type: Service,
      description: 'Service names of the records matching the filter, alphabetically.',
      args: {
        filter: t.arg({ type: AssignmentFilter }),
        at: t.arg({ type: DateScalar }),
      },
      resolve: async (_root, args, context) => {
        const filter = await toAssignmentFilter(args.filter, args.at, context);
        return keysetConnection<ServiceShape, string>(args, {
          cursor: { kind: 'service', of: (service) => serviceKey(service.name), parse: (v) => v },
          load: async (page) =>
            (await listServiceNames(context.db, filter, page)).map((name) => ({ name })),
          totalCount: () => countServiceNames(context.db, filter),
        });
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
  ),
);
