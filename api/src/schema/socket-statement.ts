import type { SocketStatement as SocketStatementShape } from '@portbook/core';
import { builder } from '../builder.ts';
import { DateScalar } from './date.ts';
import { Port } from './port.ts';

const SocketStatement = builder.objectRef<SocketStatementShape>('SocketStatement').implement({
  description:
    'What an RFC said of a socket in prose before the first list assigned sockets (RFC 204 in 1971, RFC 322 in 1972): quoted, not a registry record.',
  fields: (t) => ({
    socket: t.exposeInt('socket'),
    date: t.field({
      type: DateScalar,
      description: "The RFC's date.",
      resolve: (statement) => statement.date,
    }),
    summary: t.exposeString('summary', { description: 'The statement in a few words.' }),
    quotation: t.exposeString('quotation', { description: "The RFC's own words." }),
    definedBy: t.exposeString('definedBy', { description: 'The RFC, with its title and date.' }),
    definedByUrl: t.exposeString('definedByUrl', {
      description: "The RFC's page at the RFC Editor.",
    }),
  }),
});

builder.objectField(Port, 'socketStatements', (t) =>
  t.field({
    type: [SocketStatement],
    description:
      'What RFC 204 (1971) and RFC 322 (1972) said of this socket before RFC 349 listed sockets (May 1972), up to `at`; empty for most ports.',
    resolve: (port, _args, context) => [...context.snapshot.socketStatements(port.number, port.at)],
  }),
);
