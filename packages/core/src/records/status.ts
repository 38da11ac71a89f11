import type { RegistryRecord, Status } from '../model.ts';

/** The fields the registry's status markers live in; any source's record has them. */
export type StatusText = Pick<RegistryRecord, 'serviceName' | 'description' | 'notes'>;

const REMOVED = /^removed\b|\bthis entry is being removed\b/i;
const DEASSIGNED = /^de-?(?:assigned|registered)\b/i;
const UNASSIGNED = /^unassigned\b/i;
const RESERVED = /^reserved\b/i;

/**
 * The registry has no status field: IANA marks it in the text (`Unassigned`, `Reserved`,
 * `De-registered`, `Removed`, a note `De-assigned on …`). Markers win over a service name,
 * and a de-assignment note wins over the `Reserved` description it leaves behind.
 */
export function deriveStatus(record: StatusText): Status {
  const description = record.description?.trim() ?? '';
  const notes = record.notes?.trim() ?? '';
  if (REMOVED.test(description) || REMOVED.test(notes)) return 'removed';
  if (DEASSIGNED.test(description) || DEASSIGNED.test(notes)) return 'deassigned';
  if (UNASSIGNED.test(description)) return 'unassigned';
  if (RESERVED.test(description)) return 'reserved';
  if (record.serviceName !== null || description !== '') return 'assigned';
  return 'unassigned';
}
