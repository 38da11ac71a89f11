import type { Database } from '../database.ts';
import { readSnapshotRowsText, type SnapshotRowsText } from '../snapshot/load-snapshot.ts';
import { databaseJob } from './database-job.ts';

/**
 * `readSnapshotRowsText` as a job: on a PGlite that lives in a worker thread, the rows are
 * read there, in one transaction of its own, and the large tables cross to the caller as COPY
 * text (a copy of strings, where objects would be serialized and rebuilt).
 */
export function snapshotRowsJob(database: Database, _input: null): Promise<SnapshotRowsText> {
  return readSnapshotRowsText(database.db);
}

export const SNAPSHOT_ROWS_JOB = databaseJob<typeof snapshotRowsJob>(
  import.meta.url,
  'snapshotRowsJob',
);
