import type { Database } from '../database.ts';
import { readSnapshotRowsText, type SnapshotRowsText } from '../snapshot/load-snapshot.ts';
import { databaseJob } from './database-job.ts';

/**
 * `readSnapshotRowsText` as a job: on a PGlite that lives in a worker thread, the rows are
 * read there, in one transaction of its own, and cross to the caller as JSON text (a copy of
 * strings, where objects would be serialized and rebuilt).
 */
export function snapshotRowsJob(database: Database, _input: null): Promise<SnapshotRowsText> {
  // The worker's thread answers nothing else meanwhile: no pauses between batches.
  return readSnapshotRowsText(database.db, { pause: async () => {}, batchSize: 10_000 });
}

export const SNAPSHOT_ROWS_JOB = databaseJob<typeof snapshotRowsJob>(
  import.meta.url,
  'snapshotRowsJob',
);
