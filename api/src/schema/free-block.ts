import { PortbookError, type PortRange as PortRangeShape, USER_PORTS } from '@portbook/core';
import { builder, connectionCost } from '../builder.ts';
import { countOf, integerCursor, keysetConnection, pageInMemory } from '../pagination.ts';
import { checkPortRange } from './assignment-filter.ts';
import { DateScalar } from './date.ts';
import { ProtocolEnum } from './enums.ts';
import { PortRangeInput } from './port-range.ts';

const FreeBlock = builder.objectRef<PortRangeShape>('FreeBlock').implement({
  description:
    'A run of consecutive ports no record claims (none assigned, reserved or de-assigned).',
  fields: (t) => ({
    low: t.exposeInt('low'),
    high: t.exposeInt('high'),
    length: t.int({ resolve: (block) => block.high - block.low + 1 }),
  }),
});

builder.queryField('unassigned', (t) =>
  t.connection(
    {
      type: FreeBlock,
      complexity: connectionCost(1),
      description:
        'Free blocks of ports, for choosing a port for a new service (default: User Ports 1024-49151).',
      args: {
        within: t.arg({ type: PortRangeInput }),
        minLength: t.arg.int({ defaultValue: 1, description: 'Only blocks at least this long.' }),
        protocols: t.arg({
          type: [ProtocolEnum],
          description: 'Free for these protocols (default: free on every protocol).',
        }),
        at: t.arg({ type: DateScalar }),
        web: t.arg.boolean({
          defaultValue: false,
          description: 'Ports browsers refuse on `at` (the Fetch bad port list) break blocks too.',
        }),
      },
      resolve: (_root, args, context) => {
        const within = args.within ? checkPortRange(args.within) : USER_PORTS;
        const minLength = args.minLength ?? 1;
        if (!Number.isInteger(minLength) || minLength < 1) {
          throw new PortbookError(
            'PORT_OUT_OF_RANGE',
            `a block needs a whole length of at least 1, not ${minLength}`,
          );
        }
        const blocks = context.snapshot.freeBlocks(within, {
          minLength,
          protocols: args.protocols ?? undefined,
          at: args.at ?? undefined,
          web: args.web ?? false,
        });
        return keysetConnection<PortRangeShape, number>(args, {
          cursor: { kind: 'free', of: (block) => block.low, parse: integerCursor },
          load: (page) => pageInMemory(blocks, (block) => block.low, page),
          totalCount: () => blocks.length,
        });
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
  ),
);
