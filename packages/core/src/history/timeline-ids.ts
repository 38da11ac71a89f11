import { createHash } from 'node:crypto';
import { RECORD_FIELDS, type RegistryRecord } from '../model.ts';

/** Ids are hashes of what they name, so rebuilding the same documents always yields the same ids. */
export function stableId(prefix: string, ...parts: readonly (string | number | null)[]): string {
  const hash = createHash('sha256');
  hash.update(parts.map((part) => (part === null ? '\u0000' : String(part))).join('\u001f'));
  return `${prefix}_${hash.digest('base64url').slice(0, 22)}`;
}

/** A version's content, independent of the database ids it was stored under. */
export function contentKey(record: RegistryRecord): string {
  return JSON.stringify([...RECORD_FIELDS.map((field) => record[field]), record.status]);
}
