import type { SearchHit as SearchHitShape } from '@portbook/core';
import { builder, connectionCost } from '../builder.ts';
import { badUserInput } from '../errors.ts';
import { arrayConnection, checkPageArgs, countOf, offsetConnection } from '../pagination.ts';
import { Port } from './port.ts';
import { PortRange } from './port-range.ts';
import { Service } from './service.ts';
import { Software } from './software.ts';

const SearchReasonEnum = builder.enumType('SearchReason', {
  description: 'Why a hit matched.',
  values: {
    PORT: { value: 'port', description: 'The query is this port number, or it uses that port.' },
    RANGE: { value: 'range', description: 'The query is a range of ports, or it overlaps it.' },
    NAME: {
      value: 'name',
      description: "The service name, or a program's name or slug, in any case.",
    },
    PREFIX: { value: 'prefix', description: 'A service or program name starting with the query.' },
    FUZZY: { value: 'fuzzy', description: 'A service or program name one or two typos away.' },
    TEXT: {
      value: 'text',
      description: "Words of the name, description or notes; a word of a program's name.",
    },
  } as const,
});

const SearchHit = builder.objectRef<SearchHitShape>('SearchHit').implement({
  description: 'One ranked answer: a port, a range of ports, a service, or a program.',
  fields: (t) => ({
    score: t.exposeFloat('score', {
      description: 'Higher is better; comparable within one search only.',
    }),
    reason: t.field({ type: SearchReasonEnum, resolve: (hit) => hit.reason }),
    port: t.field({
      type: Port,
      nullable: true,
      resolve: (hit) => (hit.kind === 'port' ? { number: hit.port, at: undefined } : null),
    }),
    portRange: t.field({
      type: PortRange,
      nullable: true,
      resolve: (hit) => (hit.kind === 'range' ? { low: hit.low, high: hit.high } : null),
    }),
    service: t.field({
      type: Service,
      nullable: true,
      resolve: (hit) => (hit.kind === 'service' ? { name: hit.serviceName } : null),
    }),
    software: t.field({
      type: Software,
      nullable: true,
      description: 'A program of the software data set, found by its name or slug.',
      resolve: (hit, _args, context) =>
        hit.kind === 'software' ? (context.snapshot.softwareById(hit.softwareId) ?? null) : null,
    }),
  }),
});

/** Long enough for any service name or a few description words; longer input is a mistake. */
const MAX_QUERY_LENGTH = 200;

builder.queryField('search', (t) =>
  t.connection(
    {
      type: SearchHit,
      description:
        'One box for everything: "443", "6000-6010", "ssh", "kerberos admin", programs ("ollama"), typos tolerated. Best first.',
      complexity: connectionCost(20),
      args: { query: t.arg.string({ required: true }) },
      resolve: (_root, args, context) => {
        checkPageArgs(args);
        if (args.query.length > MAX_QUERY_LENGTH) {
          throw badUserInput(`query must be at most ${MAX_QUERY_LENGTH} characters`);
        }
        const { snapshot } = context;
        // `last` counts from the end of the whole answer; otherwise only the hits up to the page
        // asked for are ranked (words are not searched when names fill it), and the total
        // only when asked for.
        if (args.last != null) return arrayConnection(args, snapshot.search(args.query));
        const page = offsetConnection(args, ({ offset, limit }) =>
          snapshot.search(args.query, offset + limit).slice(offset),
        );
        return { ...page, totalCount: () => snapshot.search(args.query).length };
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
  ),
);
