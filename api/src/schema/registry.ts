import type { RegistryInfo } from '@portbook/core';
import { builder } from '../builder.ts';
import { DateScalar } from './date.ts';
import { Source } from './source.ts';

const SyncRun = builder.objectRef<NonNullable<RegistryInfo['lastSync']>>('SyncRun').implement({
  description: 'One `portbook sync` or import run.',
  fields: (t) => ({
    startedAt: t.string({ resolve: (run) => run.startedAt.toISOString() }),
    finishedAt: t.string({
      nullable: true,
      resolve: (run) => run.finishedAt?.toISOString() ?? null,
    }),
    via: t.exposeString('via', { description: '`mirror`, `network`, `npm` or `file`.' }),
    status: t.exposeString('status', { description: '`running`, `succeeded` or `failed`.' }),
    sourcesImported: t.exposeInt('sourcesImported'),
    message: t.exposeString('message', { nullable: true }),
  }),
});

const Registry = builder.objectRef<RegistryInfo>('Registry').implement({
  description:
    'The state of the Service Name and Transport Protocol Port Number Registry held here.',
  fields: (t) => ({
    updated: t.field({
      type: DateScalar,
      nullable: true,
      description: "The registry's own `updated` date, from the newest IANA document imported.",
      resolve: (info) => info.latest?.published ?? null,
    }),
    sha256: t.string({
      nullable: true,
      description: 'sha256 of the newest IANA document imported.',
      resolve: (info) => info.latest?.sha256 ?? null,
    }),
    latestSource: t.field({ type: Source, nullable: true, resolve: (info) => info.latest ?? null }),
    recordCount: t.int({
      description: 'Records in the current registry.',
      resolve: (info) => info.currentRecordCount,
    }),
    assignmentCount: t.int({
      description: 'Record versions through the whole history.',
      resolve: (info) => info.assignmentCount,
    }),
    sourceCount: t.exposeInt('sourceCount'),
    lastSync: t.field({ type: SyncRun, nullable: true, resolve: (info) => info.lastSync ?? null }),
  }),
});

builder.queryField('registry', (t) =>
  t.field({
    type: Registry,
    description: 'Which registry edition is loaded, its checksum, record counts and last sync.',
    resolve: (_root, _args, context) => context.snapshot.registry,
  }),
);
