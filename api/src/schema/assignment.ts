import { type AssignmentRow, REFERENCE_TYPES, type Reference } from '@portbook/core';
import { builder } from '../builder.ts';
import { DateScalar } from './date.ts';
import { ProtocolEnum, StatusEnum } from './enums.ts';
import { PartialDateScalar } from './partial-date.ts';
import { Person } from './person.ts';
import { PortRange } from './port-range.ts';
import { Source, sourceById } from './source.ts';

export const ReferenceTypeEnum = builder.enumType('ReferenceType', {
  values: Object.fromEntries(REFERENCE_TYPES.map((type) => [type.toUpperCase(), { value: type }])),
});

/** Where a reference can be read, when it names a document with a well-known address. */
function referenceUrl(reference: Reference): string | null {
  if (reference.type === 'rfc') {
    const number = /^rfc(\d+)$/i.exec(reference.data)?.[1];
    return number ? `https://www.rfc-editor.org/rfc/rfc${Number(number)}` : null;
  }
  if (reference.type === 'draft') return `https://datatracker.ietf.org/doc/${reference.data}`;
  if (reference.type === 'uri') return reference.data;
  return null;
}

export const ReferenceRef = builder.objectRef<Reference>('Reference').implement({
  description: 'A document or person a record cites.',
  fields: (t) => ({
    type: t.expose('type', { type: ReferenceTypeEnum }),
    data: t.exposeString('data', { description: '`rfc6335`, `draft-ietf-…`, a person id, a URI.' }),
    text: t.string({ nullable: true, resolve: (reference) => reference.text ?? null }),
    url: t.string({ nullable: true, resolve: referenceUrl }),
  }),
});

/** One version of a registry record over an unbroken period of the registry's history. */
export const Assignment = builder.objectRef<AssignmentRow>('Assignment');

builder.node(Assignment, {
  description:
    'A registry record (service name, port or range, protocol) as it stood from `validFrom` to `validTo`.',
  id: { resolve: (assignment) => assignment.id },
  loadMany: (ids, context) => ids.map((id) => context.snapshot.assignment(id) ?? null),
  fields: (t) => ({
    serviceName: t.exposeString('serviceName', { nullable: true }),
    protocol: t.expose('protocol', { type: ProtocolEnum, nullable: true }),
    portRange: t.field({
      type: PortRange,
      nullable: true,
      description: 'The port, or range of ports; null for a service name without a port.',
      resolve: (row) =>
        row.portLow === null || row.portHigh === null
          ? null
          : { low: row.portLow, high: row.portHigh },
    }),
    description: t.exposeString('description', { nullable: true }),
    status: t.expose('status', { type: StatusEnum }),
    assignee: t.field({
      type: Person,
      nullable: true,
      resolve: (row, _args, context) =>
        row.assigneeId ? (context.snapshot.person(row.assigneeId) ?? null) : null,
    }),
    contact: t.field({
      type: Person,
      nullable: true,
      resolve: (row, _args, context) =>
        row.contactId ? (context.snapshot.person(row.contactId) ?? null) : null,
    }),
    registered: t.expose('registered', { type: PartialDateScalar, nullable: true }),
    modified: t.expose('modified', { type: PartialDateScalar, nullable: true }),
    references: t.field({ type: [ReferenceRef], resolve: (row) => row.references }),
    serviceCode: t.exposeString('serviceCode', {
      nullable: true,
      description: 'DCCP service code.',
    }),
    notes: t.exposeString('notes', { nullable: true }),
    unauthorizedUse: t.exposeString('unauthorizedUse', { nullable: true }),
    validFrom: t.expose('validFrom', { type: DateScalar }),
    validTo: t.expose('validTo', {
      type: DateScalar,
      nullable: true,
      description: 'The first date it no longer stood; null while current.',
    }),
    current: t.boolean({ resolve: (row) => row.validTo === null }),
    source: t.field({
      type: Source,
      description: 'The newest document that states this version of the record.',
      resolve: (row, _args, context) => sourceById(row.lastSourceId, context),
    }),
    firstSource: t.field({
      type: Source,
      description: 'The first document that states this version of the record.',
      resolve: (row, _args, context) => sourceById(row.firstSourceId, context),
    }),
  }),
});
