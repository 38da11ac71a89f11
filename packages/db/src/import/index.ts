export * from './import-documents.ts';
export * from './rebuild-timeline.ts';
export * from './sync-runs.ts';
