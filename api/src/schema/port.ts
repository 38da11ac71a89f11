import {
  classOf,
  ephemeralRangesContaining,
  nearestFree,
  PORT_MAX,
  PORT_MIN,
  PortbookError,
  portEvents,
  type TimelineChange,
} from '@portbook/core';
import {
  type Change as ChangeRow,
  occupiedRanges,
  portStatus,
  type Source as SourceRow,
} from '@portbook/db';
import { resolveArrayConnection } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import { checkPageArgs, countOf } from '../pagination.ts';
import { Assignment } from './assignment.ts';
import { Change } from './change.ts';
import { DateScalar } from './date.ts';
import { ProtocolEnum, StatusEnum } from './enums.ts';
import { RangeClass } from './range-class.ts';

/** A port number as seen on one date (`at`), or today when `at` is undefined. */
export interface PortShape {
  number: number;
  at: string | undefined;
}

export function checkPortNumber(number: number): number {
  if (!Number.isInteger(number) || number < PORT_MIN || number > PORT_MAX) {
    throw new PortbookError(
      'PORT_OUT_OF_RANGE',
      `port must be an integer from ${PORT_MIN} to ${PORT_MAX}, got ${number}`,
    );
  }
  return number;
}

/**
 * A port's events as core's `portEvents` orders and merges them (a protocol-less record continued
 * by tcp and udp repeats its early history in both lineages: one event; a note restating a diff
 * joins it as its evidence), as the change rows.
 */
function portHistory(rows: readonly ChangeRow[], sources: readonly SourceRow[]): ChangeRow[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return portEvents(rows as unknown as TimelineChange[], sources).flatMap((event) => {
    const row = byId.get(event.id);
    return row ? [{ ...row, evidence: event.evidence }] : [];
  });
}

/** How far either side of a port `nearestUnassigned` looks before reading the whole space. */
const NEAR_WINDOW = 4096;

export const Port = builder.objectRef<PortShape>('Port');

builder.node(Port, {
  description: 'A port number, 0-65535, assigned or not, as the registry stood on `at` (or today).',
  id: { resolve: (port) => port.number, parse: (id) => checkPortNumber(Number(id)) },
  loadOne: (number) => ({ number, at: undefined }),
  fields: (t) => ({
    number: t.exposeInt('number'),
    at: t.field({
      type: DateScalar,
      nullable: true,
      description: 'The date this port is seen on; null for the current registry.',
      resolve: (port) => port.at ?? null,
    }),
    status: t.field({
      type: StatusEnum,
      description: 'The strongest status among the records containing it; UNASSIGNED if none.',
      resolve: async (port, _args, context) =>
        portStatus(await context.loaders.portAssignments.load({ port: port.number, at: port.at })),
    }),
    rangeClass: t.field({
      type: RangeClass,
      nullable: true,
      description:
        'The IANA port class the number belongs to on `at` (the narrowest, where documents overlap).',
      resolve: (port, _args, context) => classOf(port.number, port.at ?? context.today) ?? null,
    }),
    ephemeralRanges: t.field({
      type: [RangeClass],
      description:
        "Operating systems' default ephemeral ranges holding this port on `at` (or ever, without it).",
      resolve: (port) => ephemeralRangesContaining(port.number, port.at),
    }),
    assignments: t.connection(
      {
        type: Assignment,
        description: 'Records whose port or range contains this port (6010 lists x11 6000-6063).',
        args: {
          protocol: t.arg({ type: ProtocolEnum }),
          at: t.arg({ type: DateScalar, description: "Defaults to the port's own `at`." }),
        },
        resolve: async (port, args, context) => {
          const rows = await context.loaders.portAssignments.load({
            port: port.number,
            at: args.at ?? port.at,
            protocol: args.protocol ?? undefined,
          });
          return resolveArrayConnection({ args: checkPageArgs(args) }, rows);
        },
      },
      { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
    ),
    history: t.connection(
      {
        type: Change,
        description:
          'Dated events of every record containing this port, oldest first, each with its source document (the same list the site shows).',
        resolve: async (port, args, context) => {
          checkPageArgs(args);
          const [rows, sources] = await Promise.all([
            context.loaders.portChanges.load({ port: port.number, at: undefined }),
            context.registry.sources(),
          ]);
          return resolveArrayConnection({ args }, portHistory(rows, sources));
        },
      },
      { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
    ),
    previousAssigned: t.field({
      type: Port,
      nullable: true,
      description: 'The nearest lower port an assigned record covers.',
      resolve: async (port, _args, context) => {
        const near = await context.loaders.neighbours.load({ port: port.number, at: port.at });
        return near?.previousAssigned == null
          ? null
          : { number: near.previousAssigned, at: port.at };
      },
    }),
    nextAssigned: t.field({
      type: Port,
      nullable: true,
      description: 'The nearest higher port an assigned record covers.',
      resolve: async (port, _args, context) => {
        const near = await context.loaders.neighbours.load({ port: port.number, at: port.at });
        return near?.nextAssigned == null ? null : { number: near.nextAssigned, at: port.at };
      },
    }),
    nearestUnassigned: t.field({
      type: Port,
      nullable: true,
      description:
        'The closest port no assigned or reserved record claims (this one, if it is free), for choosing a port.',
      args: { protocols: t.arg({ type: [ProtocolEnum] }) },
      resolve: async (port, args, context) => {
        const protocols = args.protocols ?? undefined;
        const window = {
          low: Math.max(PORT_MIN, port.number - NEAR_WINDOW),
          high: Math.min(PORT_MAX, port.number + NEAR_WINDOW),
        };
        const near = await occupiedRanges(context.db, { at: port.at, protocols, within: window });
        const nearest = nearestFree(port.number, near);
        // A block running past the window may hide its far end: only an answer inside it is sure.
        if (nearest !== null && nearest > window.low && nearest < window.high) {
          return { number: nearest, at: port.at };
        }
        const all = await occupiedRanges(context.db, {
          at: port.at,
          protocols,
          within: { low: PORT_MIN, high: PORT_MAX },
        });
        const anywhere = nearestFree(port.number, all);
        return anywhere === null ? null : { number: anywhere, at: port.at };
      },
    }),
  }),
});

builder.queryField('port', (t) =>
  t.field({
    type: Port,
    nullable: true,
    description: 'Any port number 0-65535, assigned or not; `at` reads the registry of that day.',
    args: {
      number: t.arg.int({ required: true }),
      at: t.arg({ type: DateScalar }),
    },
    resolve: (_root, args) => ({ number: checkPortNumber(args.number), at: args.at ?? undefined }),
  }),
);
