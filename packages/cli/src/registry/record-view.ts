import type { AssignmentRow, Protocol, RegistrySnapshot, Status } from '@portbook/core/reader';

/** A registry record as the CLI prints it and as `--json` gives it. */
export interface RecordView {
  serviceName: string | null;
  protocol: Protocol | null;
  /** Null for a service name without a port. */
  low: number | null;
  high: number | null;
  status: Status;
  description: string | null;
  /** The assignee's name (or organisation, or id). */
  assignee: string | null;
  contact: string | null;
  registered: string | null;
  modified: string | null;
  references: string[];
  notes: string | null;
  unauthorizedUse: string | null;
  /** The dates the timeline holds this version: from (inclusive) to (exclusive; null: current). */
  validFrom: string;
  validTo: string | null;
}

export function recordView(row: AssignmentRow, snapshot: RegistrySnapshot): RecordView {
  const personName = (id: string | null) => {
    if (id === null) return null;
    const person = snapshot.person(id);
    return person?.name ?? person?.org ?? id;
  };
  return {
    serviceName: row.serviceName,
    protocol: row.protocol,
    low: row.portLow,
    high: row.portHigh,
    status: row.status,
    description: row.description,
    assignee: personName(row.assigneeId),
    contact: personName(row.contactId),
    registered: row.registered,
    modified: row.modified,
    references: row.references.map((reference) => reference.text ?? reference.data),
    notes: row.notes,
    unauthorizedUse: row.unauthorizedUse,
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}

/** The record versions forked lineages share appear once: one line per version and date. */
export function distinctVersions(rows: readonly AssignmentRow[]): AssignmentRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.versionId}\u0000${row.validFrom}\u0000${row.portLow}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
