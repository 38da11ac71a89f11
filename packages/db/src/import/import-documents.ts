import { isPortbookError, PortbookError, type SourceDocument } from '@portbook/core';
import type { Database } from '../database.ts';
import { extendStoredTimeline } from './extend-timeline.ts';
import { IMPORT_LOCK_KEY } from './import-lock.ts';
import { type ImportSession, withImportSession } from './import-session.ts';
import {
  rebuildTimeline,
  type StoredBatchDocument,
  type TimelineCounts,
} from './rebuild-timeline.ts';
import { notifyRegistryChanged } from './registry-notify.ts';
import { StoreBatch } from './store-batch.ts';
import { finishSyncRun, type SyncVia, startSyncRun } from './sync-runs.ts';
import { validateDocument } from './validate-document.ts';

/**
 * The documents of an import: a list, or a stream that parses each as it is asked for, so that
 * no more than one document is held at a time (the whole archive is ~6.5 million records).
 */
export type ImportDocuments = Iterable<SourceDocument> | AsyncIterable<SourceDocument>;

/** Progress of an import: one event per stored document and per phase of the rebuild. */
export type ImportProgress =
  | { phase: 'store'; index: number; total: number | null; document: SourceDocument }
  | { phase: 'skip'; index: number; total: number | null; document: SourceDocument }
  | { phase: 'rebuild'; step: 'load' | 'build' | 'write' };

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Where the documents came from, for `sync_runs`. */
  via?: SyncVia;
  /** How many documents a stream will give, for progress (a list's length is known). */
  total?: number;
}

export interface ImportResult {
  syncRunId: number;
  imported: {
    sourceId: number;
    origin: string;
    edition: string;
    records: number;
    newVersions: number;
  }[];
  /** Documents whose bytes were already stored (by sha256). */
  skipped: { origin: string; sha256: string }[];
  /** Null when nothing new was stored and the derived tables were left as they were. */
  timeline: TimelineCounts | null;
}

async function takeImportLock(session: ImportSession) {
  const [row] = await session.query<{ locked: boolean }>(
    'select pg_try_advisory_xact_lock($1::bigint) as locked',
    [IMPORT_LOCK_KEY],
  );
  if (!row?.locked) {
    throw new PortbookError('SYNC_IN_PROGRESS', 'another import is running on this database');
  }
}

/**
 * Per-row foreign-key checks cost three quarters of a bulk load, so when allowed they are
 * skipped for this transaction (as pg_restore does) and checked once, set-wise, afterwards.
 */
async function deferKeyChecksToVerify(session: ImportSession) {
  const [row] = await session.query<{ superuser: boolean }>(
    `select current_setting('is_superuser') = 'on' as superuser`,
  );
  if (row?.superuser) await session.query('set local session_replication_role = replica');
}

async function verifyMemberships(session: ImportSession, sourceIds: number[]) {
  // A run is whole when both its ends exist and no id between them is missing: ranks tell, set-wise.
  const [row] = await session.query<{ dangling: number }>(
    `with ranked as (select id, row_number() over (order by id) as rank from record_versions),
          runs as (select version_id as first, version_id + length - 1 as last
                     from source_records where source_id = any($1::int[]))
     select count(*)::int as dangling from runs
       left join ranked f on f.id = runs.first
       left join ranked l on l.id = runs.last
      where f.id is null or l.id is null or l.rank - f.rank <> runs.last - runs.first`,
    [sourceIds],
  );
  if (row?.dangling) {
    throw new PortbookError('IMPORT_FAILED', `${row.dangling} memberships name no stored version`);
  }
}

/** Every stored document's sha256: a few hundred, read once per import. */
async function storedHashes(session: ImportSession): Promise<Set<string>> {
  const rows = await session.query<{ sha256: string }>('select sha256 from sources');
  return new Set(rows.map((row) => row.sha256));
}

/** Drivers' codes for a database that cannot be reached, anywhere in the cause chain (drizzle wraps them). */
function unreachable(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = String((cause as { code?: unknown }).code ?? '');
    if (code.startsWith('08') || code.startsWith('ECONN') || code === 'CONNECTION_CLOSED') {
      return true;
    }
  }
  return false;
}

function asPortbookError(error: unknown): PortbookError {
  if (isPortbookError(error)) return error;
  return new PortbookError(
    unreachable(error) ? 'DATABASE_UNAVAILABLE' : 'IMPORT_FAILED',
    `import failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}

type Report = (progress: ImportProgress) => void;

/** The transaction's work: skip what is stored, store the rest as it comes, rebuild the history. */
async function storeAndRebuild(
  session: ImportSession,
  documents: ImportDocuments,
  total: number | null,
  report: Report,
): Promise<Omit<ImportResult, 'syncRunId'>> {
  await takeImportLock(session);
  const known = await storedHashes(session);
  const imported: ImportResult['imported'] = [];
  const skipped: ImportResult['skipped'] = [];
  const stored: StoredBatchDocument[] = [];
  // Opened at the first new document: a sync that finds nothing new reads no versions.
  let store: StoreBatch | undefined;
  let index = 0;
  for await (const document of documents) {
    const event = { index: index++, total, document };
    if (known.has(document.sha256)) {
      report({ phase: 'skip', ...event });
      skipped.push({ origin: document.origin, sha256: document.sha256 });
      continue;
    }
    // Only what is stored is checked: a stored document was checked when it was stored.
    validateDocument(document);
    report({ phase: 'store', ...event });
    known.add(document.sha256);
    if (!store) {
      await deferKeyChecksToVerify(session);
      store = await StoreBatch.open(session);
    }
    const { versionIds, ...added } = await store.add(document);
    stored.push({ sourceId: added.sourceId, versionIds });
    imported.push({ ...added, origin: document.origin, edition: document.edition });
  }
  if (!store) return { imported, skipped, timeline: null };
  await store.finish();
  await verifyMemberships(
    session,
    imported.map((source) => source.sourceId),
  );
  const batch = { documents: stored, records: store.records };
  const onPhase = (step: 'load' | 'build' | 'write') => report({ phase: 'rebuild', step });
  const timeline =
    (await extendStoredTimeline(session, batch, onPhase)) ??
    (await rebuildTimeline(session, batch, onPhase));
  return { imported, skipped, timeline };
}

/**
 * Imports documents in one transaction, taking each from the list or stream as it goes:
 * documents already stored are skipped, the rest stored, then the derived tables are brought to
 * the timeline of every stored source (extended from its last source when only newer editions
 * came, else rebuilt). Any failure (an invalid document, one the stream fails to give) rolls the
 * whole import back and is rethrown as a PortbookError; the run is recorded in `sync_runs`.
 */
export async function importDocuments(
  database: Database,
  documents: ImportDocuments,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const report = options.onProgress ?? (() => {});
  const total = Array.isArray(documents) ? documents.length : (options.total ?? null);
  let syncRunId: number | undefined;
  try {
    syncRunId = await startSyncRun(database.db, options.via ?? 'file');
    const result = await withImportSession(database, (session) =>
      storeAndRebuild(session, documents, total, report),
    );
    await finishSyncRun(database.db, syncRunId, {
      status: 'succeeded',
      sourcesImported: result.imported.length,
      message: `${result.imported.length} imported, ${result.skipped.length} already stored`,
    });
    // After the run is recorded: the registry version listeners read then includes it.
    await notifyRegistryChanged(database.db).catch(() => {});
    return { syncRunId, ...result };
  } catch (error) {
    const failure = asPortbookError(error);
    if (syncRunId !== undefined) {
      await finishSyncRun(database.db, syncRunId, {
        status: 'failed',
        sourcesImported: 0,
        message: `[${failure.code}] ${failure.message}`,
      }).catch(() => {});
    }
    throw failure;
  }
}
