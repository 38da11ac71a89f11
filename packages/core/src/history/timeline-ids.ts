import { createHash } from 'node:crypto';

/** Ids are hashes of what they name, so rebuilding the same documents always yields the same ids. */
export function stableId(prefix: string, ...parts: readonly (string | number | null)[]): string {
  const hash = createHash('sha256');
  hash.update(parts.map((part) => (part === null ? '\u0000' : String(part))).join('\u001f'));
  return `${prefix}_${hash.digest('base64url').slice(0, 22)}`;
}
