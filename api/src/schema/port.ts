import { PORT_MAX, PORT_MIN, PortbookError } from '@portbook/core';
import { portStatus } from '@portbook/db';
import { resolveArrayConnection } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { checkPageArgs } from '../pagination.ts';
import { Assignment } from './assignment.ts';
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

/** The IANA class containing the port on the date (a class applies from validFrom, until validTo). */
async function ianaRangeClass(port: PortShape, context: Context) {
  const date = port.at ?? context.today;
  const classes = await context.loaders.rangeClasses();
  return (
    classes.find(
      (c) =>
        c.scheme === 'iana' &&
        c.low <= port.number &&
        port.number <= c.high &&
        c.validFrom <= date &&
        (c.validTo === null || c.validTo > date),
    ) ?? null
  );
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
      description:
        'The strongest status among the records containing the port; UNASSIGNED if none.',
      resolve: async (port, _args, context) =>
        portStatus(
          await context.loaders.portAssignments.load({
            port: port.number,
            at: port.at,
            protocol: undefined,
          }),
        ),
    }),
    rangeClass: t.field({
      type: RangeClass,
      nullable: true,
      description: 'The IANA port class the number belongs to on `at`.',
      resolve: (port, _args, context) => ianaRangeClass(port, context),
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
      {
        fields: (c) => ({ totalCount: c.int({ resolve: (connection) => connection.totalCount }) }),
      },
    ),
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
