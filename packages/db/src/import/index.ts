export * from './copy-text.ts';
export * from './import-documents.ts';
export * from './import-lock.ts';
export { type ImportSession, type SessionDb, withImportSession } from './import-session.ts';
export * from './rebuild-timeline.ts';
export { RECORD_COLUMNS, recordValues } from './record-columns.ts';
export * from './registry-notify.ts';
export * from './stored-documents.ts';
export * from './sync-runs.ts';
