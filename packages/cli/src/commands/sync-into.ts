import { PortbookError } from '@portbook/core';
import { type Database, storedDocumentKeys } from '@portbook/db';
import { cliEnv } from '../env.ts';
import { withDatabase } from '../open-database.ts';
import type { Progress } from '../progress.ts';
import { gatherDocuments } from '../sources/gather-documents.ts';
import { recordingFailure, runImport } from './run-import.ts';
import type { SyncOptions } from './sync.ts';

export interface Synced {
  /** The one-line summary for stdout. */
  message: string;
  /** False when every document was already stored and the registry did not change. */
  changed: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Gathers the documents and imports them into an open database (also run as a job by `start`). */
export async function syncInto(
  database: Database,
  options: SyncOptions,
  progress: Progress,
): Promise<Synced> {
  const env = cliEnv();
  const archiveUntil = options.archiveUntil ?? env.archiveUntil;
  if (archiveUntil !== undefined && !DAY.test(archiveUntil)) {
    throw new PortbookError(
      'INVALID_DATE',
      `--archive-until wants YYYY-MM-DD, not "${archiveUntil}"`,
    );
  }
  const gather = {
    mirror: options.mirror ?? env.mirror,
    offline: Boolean(options.offline) || env.offline,
    archive: options.archive !== false && env.archive,
    archiveUntil,
    stored: await storedDocumentKeys(database.db),
  };
  const gathered = await recordingFailure(
    database,
    gather.mirror ? 'mirror' : !gather.offline ? 'network' : gather.archive ? 'archive' : 'npm',
    () => gatherDocuments(gather, env, progress),
  );
  // The archive is parsed as the import takes its documents: one in memory at a time.
  const { result, summary } = await runImport(database, gathered, progress);
  return {
    message: `synced from ${gathered.from()}: ${summary}`,
    changed: result.timeline !== null,
  };
}

/** Loads the registry and its history; shared by `sync` and `start` on an empty database. */
export async function sync(options: SyncOptions, progress: Progress): Promise<string> {
  return withDatabase(async (database) => (await syncInto(database, options, progress)).message);
}
