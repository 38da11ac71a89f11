import { builder, connectionCost } from '../builder.ts';
import { countOf, integerCursor, keysetConnection, pageSortedNumbers } from '../pagination.ts';
import { AssignmentFilter, toAssignmentFilter } from './assignment-filter.ts';
import { DateScalar } from './date.ts';
import { Port, type PortShape } from './port.ts';

builder.queryField('ports', (t) =>
  t.connection(
    {
      type: Port,
      description:
        'Port numbers covered by records matching the filter (ranges expanded), ascending.',
      complexity: connectionCost(20),
      args: {
        filter: t.arg({ type: AssignmentFilter }),
        at: t.arg({ type: DateScalar, description: 'Read the registry as of this date.' }),
      },
      resolve: (_root, args, context) => {
        const filter = toAssignmentFilter(args.filter, args.at, context);
        const at = args.at ?? undefined;
        const ports = context.snapshot.portsMatching(filter);
        return keysetConnection<PortShape, number>(args, {
          cursor: { kind: 'port', of: (port) => port.number, parse: integerCursor },
          load: (page) => pageSortedNumbers(ports, page).map((number) => ({ number, at })),
          totalCount: () => ports.length,
        });
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
  ),
);
