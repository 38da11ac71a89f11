import type { Reference, RegistryRecord } from '@portbook/core';
import type { CopyValue } from './copy-text.ts';

/** The record columns `record_versions` and `assignments` share, in COPY order. */
export const RECORD_COLUMNS = [
  'service_name',
  'port_low',
  'port_high',
  'protocol',
  'description',
  'assignee_id',
  'contact_id',
  'registered',
  'modified',
  'references',
  'service_code',
  'unauthorized_use',
  'notes',
  'status',
] as const;

export function recordValues(record: RegistryRecord): CopyValue[] {
  return [
    record.serviceName,
    record.portRange?.low,
    record.portRange?.high,
    record.protocol,
    record.description,
    record.assignee,
    record.contact,
    record.registered,
    record.modified,
    record.references,
    record.serviceCode,
    record.unauthorizedUse,
    record.notes,
    record.status,
  ];
}

/** A `record_versions` row as raw SQL returns it. */
export interface RecordRow {
  service_name: string | null;
  port_low: number | null;
  port_high: number | null;
  protocol: RegistryRecord['protocol'];
  description: string | null;
  assignee_id: string | null;
  contact_id: string | null;
  registered: string | null;
  modified: string | null;
  references: Reference[] | string;
  service_code: string | null;
  unauthorized_use: string | null;
  notes: string | null;
  status: RegistryRecord['status'];
}

/** The record columns of a row, for raw selects that `rowRecord` reads. */
export const RECORD_SELECT = RECORD_COLUMNS.map((column) => `"${column}"`).join(', ');

export function rowRecord(row: RecordRow): RegistryRecord {
  const portRange =
    row.port_low === null || row.port_high === null
      ? null
      : { low: row.port_low, high: row.port_high };
  return {
    serviceName: row.service_name,
    portRange,
    protocol: row.protocol,
    description: row.description,
    assignee: row.assignee_id,
    contact: row.contact_id,
    registered: row.registered,
    modified: row.modified,
    references: typeof row.references === 'string' ? JSON.parse(row.references) : row.references,
    serviceCode: row.service_code,
    unauthorizedUse: row.unauthorized_use,
    notes: row.notes,
    status: row.status,
  };
}
