import type { RecordField, RegistryRecord } from '../model.ts';
import { nameKey, rangeKey, spacedText } from './record-identity.ts';
import type { FieldChange } from './types.ts';

export type FieldChanges = Partial<Record<RecordField, FieldChange>>;

/** The fields two documents both state: a document that carries no dates cannot remove dates. */
export function sharedFields(
  older: readonly RecordField[],
  newer: readonly RecordField[],
): RecordField[] {
  const carried = new Set(newer);
  return older.filter((field) => carried.has(field));
}

/** How a field compares across documents: spelling and spacing differences are not changes. */
function comparable(record: RegistryRecord, field: RecordField): string | null {
  switch (field) {
    case 'serviceName':
      return nameKey(record.serviceName);
    case 'portRange':
      return record.portRange ? rangeKey(record.portRange) : null;
    case 'references':
      return record.references.length > 0
        ? JSON.stringify(record.references.map((r) => [r.type, r.data.replace(/\s+/g, ' ')]))
        : null;
    case 'description':
    case 'notes':
    case 'unauthorizedUse':
      return spacedText(record[field]);
    default: {
      const value = record[field];
      return value === null || value === '' ? null : String(value);
    }
  }
}

/** Field-level before/after of two versions of one record, over the fields both documents carry. */
export function diffRecords(
  before: RegistryRecord,
  after: RegistryRecord,
  fields: readonly RecordField[],
): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    if (comparable(before, field) !== comparable(after, field)) {
      changes[field] = { before: before[field], after: after[field] };
    }
  }
  return changes;
}
