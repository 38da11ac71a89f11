import type { SoftwareConflict as SoftwareConflictShape } from '@portbook/core';
import { builder, connectionCost } from '../builder.ts';
import { countOf, keysetConnection, pageInMemory } from '../pagination.ts';
import { Assignment } from './assignment.ts';
import { Port } from './port.ts';
import { Software, SoftwareUse } from './software.ts';

const SoftwareConflict = builder.objectRef<SoftwareConflictShape>('SoftwareConflict').implement({
  description:
    'A program whose default port IANA assigns today to another service, on a protocol both use (Kubernetes on 6443, `sun-sr-https`). Computed, not curated.',
  fields: (t) => ({
    port: t.field({
      type: Port,
      resolve: (conflict) => ({ number: conflict.port, at: undefined }),
    }),
    software: t.field({ type: Software, resolve: (conflict) => conflict.software }),
    use: t.field({
      type: SoftwareUse,
      resolve: (conflict) => ({ software: conflict.software, use: conflict.use }),
    }),
    assignments: t.field({
      type: [Assignment],
      description: "IANA's current records on the port naming other services, in IANA's order.",
      resolve: (conflict) => [...conflict.assignments],
    }),
  }),
});

builder.objectField(Port, 'softwareConflicts', (t) =>
  t.field({
    type: [SoftwareConflict],
    description:
      'Programs whose default sits on this port while IANA assigns it to another service (today; empty for a past `at`).',
    resolve: (port, _args, context) =>
      port.at === undefined ? [...context.snapshot.conflictsAt(port.number)] : [],
  }),
);

builder.objectField(Software, 'conflicts', (t) =>
  t.field({
    type: [SoftwareConflict],
    description: 'Its defaults on ports IANA assigns today to other services.',
    resolve: (software, _args, context) =>
      context.snapshot.softwareConflicts.filter((conflict) => conflict.software.id === software.id),
  }),
);

/** A conflict's place in the list, stable across snapshots: port, program slug, use. */
const conflictKey = (conflict: SoftwareConflictShape) =>
  `${String(conflict.port).padStart(5, '0')}|${conflict.software.id}|${conflict.software.uses.indexOf(conflict.use)}`;

builder.queryField('softwareConflicts', (t) =>
  t.connection(
    {
      type: SoftwareConflict,
      description:
        'Every software default on a port IANA assigns today to another service, by port then program.',
      complexity: connectionCost(2),
      resolve: (_root, args, context) => {
        const all = context.snapshot.softwareConflicts;
        return keysetConnection<SoftwareConflictShape, string>(args, {
          cursor: { kind: 'conflict', of: conflictKey, parse: (value) => value },
          load: (page) => pageInMemory(all, conflictKey, page),
          totalCount: () => all.length,
        });
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
  ),
);
