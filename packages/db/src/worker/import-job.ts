import type { SourceDocument } from '@portbook/core';
import type { Database } from '../database.ts';
import { type ImportResult, importDocuments } from '../import/import-documents.ts';
import type { SyncVia } from '../import/sync-runs.ts';
import { databaseJob } from './database-job.ts';

/** `importDocuments` as a job, for `runDatabaseJob`: documents are plain data and cross threads. */
export function importJob(
  database: Database,
  input: { documents: SourceDocument[]; via?: SyncVia },
): Promise<ImportResult> {
  return importDocuments(database, input.documents, { via: input.via });
}

export const IMPORT_JOB = databaseJob<typeof importJob>(import.meta.url, 'importJob');
