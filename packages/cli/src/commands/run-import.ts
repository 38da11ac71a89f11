import { isPortbookError } from '@portbook/core';
import {
  type Database,
  type ImportDocuments,
  type ImportResult,
  importDocuments,
  recordFailedSyncRun,
  type SyncVia,
} from '@portbook/db';
import type { Progress } from '../progress.ts';

const REBUILD_STEPS = {
  load: 'rebuild: load stored sources',
  build: 'rebuild: match records into one timeline',
  write: 'rebuild: write assignments, changes and name links',
} as const;

/** What to import: a list, or a stream with its length and the documents it left out as stored. */
export interface ImportInput {
  documents: ImportDocuments;
  via: SyncVia;
  total?: number;
  alreadyStored?: number;
}

/** Imports with progress on stderr and returns the one-line summary for stdout. */
export async function runImport(
  database: Database,
  input: ImportInput,
  progress: Progress,
): Promise<{ result: ImportResult; summary: string }> {
  const result = await importDocuments(database, input.documents, {
    via: input.via,
    ...(input.total === undefined ? {} : { total: input.total }),
    onProgress: (event) => {
      if (event.phase === 'rebuild') progress.step(REBUILD_STEPS[event.step]);
      else {
        const verb = event.phase === 'store' ? 'store' : 'already stored';
        const of = event.total === null ? '' : `/${event.total}`;
        progress.step(`${verb} ${event.index + 1}${of} ${event.document.origin}`);
      }
    },
  });
  progress.done();
  const timeline = result.timeline
    ? `; timeline of ${result.timeline.sources} sources: ${result.timeline.assignments} assignments, ${result.timeline.changes} changes`
    : '; nothing new, history unchanged';
  const skipped = result.skipped.length + (input.alreadyStored ?? 0);
  const summary = `${result.imported.length} documents imported, ${skipped} already stored${timeline}`;
  return { result, summary };
}

/** Runs the steps before an import (fetch, parse) so that their failure is recorded in sync_runs. */
export async function recordingFailure<T>(
  database: Database,
  via: SyncVia,
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const failure = isPortbookError(error)
      ? error
      : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
    await recordFailedSyncRun(database.db, via, failure).catch(() => {});
    throw error;
  }
}
