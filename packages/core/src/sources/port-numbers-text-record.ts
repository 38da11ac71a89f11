import {
  type PortRange,
  type Protocol,
  RECORD_FIELDS,
  type RecordField,
  type Reference,
  type RegistryRecord,
} from '../model.ts';
import { deriveStatus } from '../records/status.ts';

/** A record as a table row states it, before the fields it does not carry are filled with null. */
export interface RecordDraft {
  serviceName: string | null;
  portRange: PortRange;
  protocol: Protocol | null;
  description: string | null;
  contact?: string | null;
  registered?: string | null;
  references?: Reference[];
  serviceCode?: string | null;
  notes?: string | null;
  /** Written as a `#` comment: the row records a port that is not (or no longer) in use. */
  commented?: boolean;
}

/** One record and the line of the document it was read from. */
export interface TableEntry {
  line: number;
  record: RegistryRecord;
}

/** A port table of a document: its title, the range its section covers, and its records. */
export interface PortTable {
  title: string;
  line: number;
  range: PortRange;
  entries: TableEntry[];
  /** Slips in the source the reading worked around (`line 203: …`), for review. */
  anomalies: string[];
}

export function toRegistryRecord(draft: RecordDraft): RegistryRecord {
  const record: RegistryRecord = {
    serviceName: draft.serviceName,
    portRange: draft.portRange,
    protocol: draft.protocol,
    description: draft.description,
    assignee: null,
    contact: draft.contact ?? null,
    registered: draft.registered ?? null,
    modified: null,
    references: draft.references ?? [],
    serviceCode: draft.serviceCode ?? null,
    unauthorizedUse: null,
    notes: draft.notes ?? null,
    status: 'assigned',
  };
  const status = deriveStatus(record);
  // A named row commented out (`#unitary 126/tcp`) is a withdrawn assignment, not a live one.
  record.status =
    draft.commented && status === 'assigned' && draft.serviceName ? 'deassigned' : status;
  return record;
}

/** The base fields, and each optional field that at least one record states, in model order. */
export function carriedFields(
  records: readonly RegistryRecord[],
  base: readonly RecordField[],
  optional: readonly RecordField[],
): RecordField[] {
  return RECORD_FIELDS.filter(
    (field) =>
      base.includes(field) ||
      (optional.includes(field) && records.some((record) => record[field] !== null)),
  );
}
