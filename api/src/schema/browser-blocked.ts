import type { BrowserBlockedRow } from '@portbook/core';
import { browserBlockedSince } from '@portbook/core';
import { builder, connectionCost } from '../builder.ts';
import { countOf, integerCursor, keysetConnection, pageInMemory } from '../pagination.ts';
import { Citation } from './citation.ts';
import { DateScalar } from './date.ts';
import { Port } from './port.ts';

const BrowserRefusal = builder
  .objectRef<NonNullable<BrowserBlockedRow['earlierInBrowsers']>>('BrowserRefusal')
  .implement({
    description: 'A browser refusing the port before the Fetch standard listed it.',
    fields: (t) => ({
      date: t.expose('date', { type: DateScalar }),
      event: t.exposeString('event'),
      citation: t.field({ type: Citation, resolve: (refusal) => refusal.citation }),
    }),
  });

const BrowserBlock = builder.objectRef<BrowserBlockedRow>('BrowserBlock').implement({
  description:
    "The port is on the Fetch standard's bad port list: browsers refuse HTTP(S) to it (Chromium: ERR_UNSAFE_PORT).",
  fields: (t) => ({
    port: t.field({ type: Port, resolve: (entry) => ({ number: entry.port, at: undefined }) }),
    since: t.field({
      type: DateScalar,
      description: 'The first day a browser or the standard refused it.',
      resolve: (entry) => browserBlockedSince(entry),
    }),
    addedToStandard: t.expose('added', {
      type: DateScalar,
      description: 'The day the commit that put it in the standard landed.',
    }),
    citation: t.field({
      type: Citation,
      description: 'That commit.',
      resolve: (entry) => entry.citation,
    }),
    earlierInBrowsers: t.field({
      type: BrowserRefusal,
      nullable: true,
      resolve: (entry) => entry.earlierInBrowsers ?? null,
    }),
    service: t.exposeString('service', {
      nullable: true,
      description: "The IANA service name the standard's table gives.",
    }),
  }),
});

builder.objectField(Port, 'browserBlocked', (t) =>
  t.field({
    type: BrowserBlock,
    nullable: true,
    description:
      "Whether browsers refuse HTTP(S) to this port on the port's `at` (or today), with the list's history; null when they do not.",
    resolve: (port, _args, context) =>
      context.snapshot.browserBlockedSince(port.number, port.at ?? context.today) === undefined
        ? null
        : (context.snapshot.browserBlocked(port.number) ?? null),
  }),
);

builder.queryField('browserBlockedPorts', (t) =>
  t.connection(
    {
      type: BrowserBlock,
      complexity: connectionCost(1),
      description:
        "The Fetch standard's bad ports browsers refuse on `at` (default: today), by port, each with its history (83 today; 58 in 2002).",
      args: { at: t.arg({ type: DateScalar }) },
      resolve: (_root, args, context) => {
        const entries = context.snapshot.browserBlockedPorts(args.at ?? context.today);
        return keysetConnection<BrowserBlockedRow, number>(args, {
          cursor: { kind: 'blocked', of: (entry) => entry.port, parse: integerCursor },
          load: (page) => pageInMemory(entries, (entry) => entry.port, page),
          totalCount: () => entries.length,
        });
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
  ),
);
