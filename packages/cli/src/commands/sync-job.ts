import { type Database, databaseJob } from '@portbook/db';
import { Progress } from '../progress.ts';
import type { SyncOptions } from './sync.ts';
import { type Synced, syncInto } from './sync-into.ts';

/** A sync as a job: `start` runs it where it cannot hold up requests (see `runDatabaseJob`). */
export function syncJob(database: Database, options: SyncOptions): Promise<Synced> {
  return syncInto(database, options, new Progress());
}

export const SYNC_JOB = databaseJob<typeof syncJob>(import.meta.url, 'syncJob');
