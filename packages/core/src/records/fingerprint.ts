import { createHash } from 'node:crypto';
import type { RegistryRecord } from '../model.ts';

/**
 * Every field in a fixed order, as a JSON array: key order and absent optional text cannot
 * change the result, and references keep their order because order is content.
 */
export function canonicalRecord(record: RegistryRecord): string {
  return JSON.stringify([
    record.serviceName,
    record.portRange === null ? null : [record.portRange.low, record.portRange.high],
    record.protocol,
    record.description,
    record.assignee,
    record.contact,
    record.registered,
    record.modified,
    record.references.map((reference) => [reference.type, reference.data, reference.text ?? null]),
    record.serviceCode,
    record.unauthorizedUse,
    record.notes,
    record.status,
  ]);
}

/** Parsers hand out one object per distinct record text, so 450 releases hash ~30,000 records, not 6 million. */
const fingerprints = new WeakMap<RegistryRecord, string>();

/** sha256 hex of the canonical record: equal content, equal fingerprint. */
export function recordFingerprint(record: RegistryRecord): string {
  let fingerprint = fingerprints.get(record);
  if (fingerprint === undefined) {
    fingerprint = createHash('sha256').update(canonicalRecord(record)).digest('hex');
    fingerprints.set(record, fingerprint);
  }
  return fingerprint;
}
