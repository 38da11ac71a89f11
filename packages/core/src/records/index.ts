export { canonicalRecord, recordFingerprint } from './fingerprint.ts';
export { recordKey } from './key.ts';
export { deriveStatus, type StatusText } from './status.ts';
