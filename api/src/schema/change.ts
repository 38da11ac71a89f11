import type { AssignmentRow, ChangeCursor, ChangeKind, ChangeRow } from '@portbook/core';
import { builder, connectionCost } from '../builder.ts';
import { badUserInput } from '../errors.ts';
import { countOf, keysetConnection } from '../pagination.ts';
import { checkLength } from './assignment-filter.ts';
import { DateScalar } from './date.ts';
import { ChangeKindEnum, ProtocolEnum, StatusEnum } from './enums.ts';
import { PortRange } from './port-range.ts';
import { Source, sourceById } from './source.ts';

/** A record version's content, as any assignment of that version states it. */
type RecordVersionRow = Pick<
  AssignmentRow,
  | 'serviceName'
  | 'protocol'
  | 'portLow'
  | 'portHigh'
  | 'description'
  | 'status'
  | 'assigneeId'
  | 'notes'
>;

/** The content of a record at one point: what a change went from or to. */
export const RecordVersion = builder.objectRef<RecordVersionRow>('RecordVersion').implement({
  description: 'A registry record exactly as one or more documents state it.',
  fields: (t) => ({
    serviceName: t.exposeString('serviceName', { nullable: true }),
    protocol: t.expose('protocol', { type: ProtocolEnum, nullable: true }),
    portRange: t.field({
      type: PortRange,
      nullable: true,
      resolve: (row) =>
        row.portLow === null || row.portHigh === null
          ? null
          : { low: row.portLow, high: row.portHigh },
    }),
    description: t.exposeString('description', { nullable: true }),
    status: t.expose('status', { type: StatusEnum }),
    assigneeId: t.exposeString('assigneeId', { nullable: true }),
    notes: t.exposeString('notes', { nullable: true }),
  }),
});

const FieldChange = builder
  .objectRef<{ field: string; before: unknown; after: unknown }>('FieldChange')
  .implement({
    description: 'One field of a record before and after a change, as JSON text.',
    fields: (t) => ({
      field: t.exposeString('field'),
      before: t.string({
        nullable: true,
        resolve: (f) => (f.before == null ? null : JSON.stringify(f.before)),
      }),
      after: t.string({
        nullable: true,
        resolve: (f) => (f.after == null ? null : JSON.stringify(f.after)),
      }),
    }),
  });

/** A dated event in a record's history, from a diff between documents or read from a note. */
export const Change = builder.objectRef<ChangeRow>('Change');

builder.node(Change, {
  description: 'What happened to a record, when, and which document shows it.',
  id: { resolve: (change) => change.id },
  loadMany: (ids, context) => ids.map((id) => context.snapshot.change(id) ?? null),
  fields: (t) => ({
    kind: t.expose('kind', { type: ChangeKindEnum }),
    occurred: t.expose('occurred', { type: DateScalar }),
    origin: t.exposeString('origin', {
      description: "`diff` between consecutive documents, or `note` read from IANA's notes.",
    }),
    evidence: t.exposeString('evidence', {
      nullable: true,
      description: "The note an event was read from, or IANA's note on a change a diff shows.",
    }),
    serviceName: t.exposeString('serviceName', { nullable: true }),
    protocol: t.expose('protocol', { type: ProtocolEnum, nullable: true }),
    portRange: t.field({
      type: PortRange,
      nullable: true,
      resolve: (row) =>
        row.portLow === null || row.portHigh === null
          ? null
          : { low: row.portLow, high: row.portHigh },
    }),
    fields: t.field({
      type: [FieldChange],
      description: 'Field-level before and after, for modifications and renames.',
      resolve: (row) =>
        Object.entries(row.fields ?? {}).map(([field, change]) => ({ field, ...change })),
    }),
    source: t.field({
      type: Source,
      description: 'The document in which the change first shows.',
      resolve: (row, _args, context) => sourceById(row.sourceId, context),
    }),
    previousSource: t.field({
      type: Source,
      nullable: true,
      description: 'The document before it in the timeline.',
      resolve: (row, _args, context) =>
        row.previousSourceId === null ? null : sourceById(row.previousSourceId, context),
    }),
    before: t.field({
      type: RecordVersion,
      nullable: true,
      resolve: (row, _args, context) =>
        row.beforeVersionId === null
          ? null
          : (context.snapshot.recordVersion(row.beforeVersionId) ?? null),
    }),
    after: t.field({
      type: RecordVersion,
      nullable: true,
      resolve: (row, _args, context) =>
        row.afterVersionId === null
          ? null
          : (context.snapshot.recordVersion(row.afterVersionId) ?? null),
    }),
  }),
});

const CHANGE_CURSOR = /^(\d{4}-\d{2}-\d{2})\|(.+)$/s;

builder.queryField('changes', (t) =>
  t.connection(
    {
      type: Change,
      description: "The registry's change feed, newest first.",
      complexity: connectionCost(10),
      args: {
        since: t.arg({ type: DateScalar, description: 'On or after this date.' }),
        until: t.arg({ type: DateScalar, description: 'On or before this date.' }),
        kind: t.arg({ type: [ChangeKindEnum] }),
        protocols: t.arg({ type: [ProtocolEnum] }),
        port: t.arg.int({ description: 'Changes to records containing this port.' }),
        serviceName: t.arg.string(),
      },
      resolve: (_root, args, context) => {
        checkLength(args.serviceName, 'serviceName');
        if (args.last != null || args.before != null) {
          throw badUserInput('the change feed pages forward only: use `first` and `after`');
        }
        const filter = {
          since: args.since ?? undefined,
          until: args.until ?? undefined,
          kinds: (args.kind ?? undefined) as ChangeKind[] | undefined,
          protocols: args.protocols ?? undefined,
          port: args.port ?? undefined,
          serviceName: args.serviceName ?? undefined,
        };
        return keysetConnection<ChangeRow, ChangeCursor>(args, {
          cursor: {
            kind: 'change',
            of: (change) => `${change.occurred}|${change.id}`,
            parse: (value) => {
              const match = CHANGE_CURSOR.exec(value);
              if (!match) throw badUserInput('unknown cursor');
              return { occurred: match[1] as string, id: match[2] as string };
            },
          },
          load: (page) => context.snapshot.changes(filter, page.after).slice(0, page.limit),
          totalCount: () => context.snapshot.changes(filter).length,
        });
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
  ),
);
