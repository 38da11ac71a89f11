import type { SnapshotRows } from '@portbook/core';
import type { Database } from '../database.ts';
import { loadSnapshotRows } from '../snapshot/load-snapshot.ts';
import { databaseJob } from './database-job.ts';

/**
 * `loadSnapshotRows` as a job: on a PGlite that lives in a worker thread, the rows are read
 * there, in one transaction of its own, and cross to the caller as plain data.
 */
export function snapshotRowsJob(database: Database, _input: null): Promise<SnapshotRows> {
  // The worker's thread answers nothing else meanwhile: no pauses between batches.
  return loadSnapshotRows(database.db, { pause: async () => {}, batchSize: 10_000 });
}

export const SNAPSHOT_ROWS_JOB = databaseJob<typeof snapshotRowsJob>(
  import.meta.url,
  'snapshotRowsJob',
);
