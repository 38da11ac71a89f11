import {
  type ChangeRow,
  PORT_MAX,
  PORT_MIN,
  PortbookError,
  type RegistrySnapshot,
} from '@portbook/core';
import { builder, connectionCost } from '../builder.ts';
import { arrayConnection, countOf } from '../pagination.ts';
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
 * A port's events as the snapshot's `portHistory` orders and merges them (the list the site
 * shows), as change rows carrying the event's evidence.
 */
function portHistory(snapshot: RegistrySnapshot, port: number): ChangeRow[] {
  return snapshot.portHistory(port).flatMap((event) => {
    const row = snapshot.change(event.id);
    return row ? [{ ...row, evidence: event.evidence }] : [];
  });
}

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
      resolve: (port, _args, context) => context.snapshot.portStatus(port.number, port.at),
    }),
    rangeClass: t.field({
      type: RangeClass,
      nullable: true,
      description:
        'The IANA port class the number belongs to on `at` (the narrowest, where documents overlap).',
      resolve: (port, _args, context) =>
        context.snapshot.rangeClassOf(port.number, port.at ?? context.today) ?? null,
    }),
    ephemeralRanges: t.field({
      type: [RangeClass],
      description:
        "Operating systems' default ephemeral ranges holding this port on `at` (or ever, without it).",
      resolve: (port, _args, context) => context.snapshot.ephemeralRanges(port.at, port.number),
    }),
    assignments: t.connection(
      {
        type: Assignment,
        complexity: connectionCost(1),
        description: 'Records whose port or range contains this port (6010 lists x11 6000-6063).',
        args: {
          protocol: t.arg({ type: ProtocolEnum }),
          at: t.arg({ type: DateScalar, description: "Defaults to the port's own `at`." }),
        },
        resolve: (port, args, context) => {
          const rows = context.snapshot.assignmentsAt(port.number, {
            at: args.at ?? port.at,
            protocol: args.protocol ?? undefined,
          });
          return arrayConnection(args, rows);
        },
      },
      { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
    ),
    history: t.connection(
      {
        type: Change,
        description:
          'Dated events of every record containing this port, oldest first, each with its source document (the same list the site shows).',
        complexity: connectionCost(10),
        resolve: (port, args, context) =>
          arrayConnection(args, portHistory(context.snapshot, port.number)),
      },
      { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
    ),
    previousAssigned: t.field({
      type: Port,
      nullable: true,
      description: 'The nearest lower port an assigned record covers.',
      resolve: (port, _args, context) => {
        const previous = context.snapshot.previousAssigned(port.number, port.at);
        return previous === null ? null : { number: previous, at: port.at };
      },
    }),
    nextAssigned: t.field({
      type: Port,
      nullable: true,
      description: 'The nearest higher port an assigned record covers.',
      resolve: (port, _args, context) => {
        const next = context.snapshot.nextAssigned(port.number, port.at);
        return next === null ? null : { number: next, at: port.at };
      },
    }),
    nearestUnassigned: t.field({
      type: Port,
      nullable: true,
      description:
        'The closest port no record claims (this one, if it is free), for choosing a port; a de-assigned port stays Reserved (RFC 6335 section 8.2).',
      args: {
        protocols: t.arg({ type: [ProtocolEnum] }),
        web: t.arg.boolean({
          defaultValue: false,
          description:
            'Skip ports browsers refuse on `at` (the Fetch bad port list), for a web server.',
        }),
      },
      // A scan out from the port until a free one: up to the whole port space.
      complexity: 50,
      resolve: (port, args, context) => {
        const nearest = context.snapshot.nearestFree(port.number, {
          protocols: args.protocols ?? undefined,
          at: port.at,
          web: args.web ?? false,
        });
        return nearest === null ? null : { number: nearest, at: port.at };
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
