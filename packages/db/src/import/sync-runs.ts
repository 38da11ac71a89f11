import { eq, sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { rawRows } from '../queries/raw-rows.ts';
import { syncRuns } from '../schema.ts';
import { IMPORT_LOCK_KEY } from './import-lock.ts';
import type { SessionDb } from './import-session.ts';

/** Where a run's newest documents came from (the packaged archive when nothing newer was found). */
export type SyncVia = 'archive' | 'mirror' | 'network' | 'npm' | 'file';

/**
 * Recorded outside the import transaction, so a failed run stays on record after its rollback.
 * Runs left `running` by a process that died (SIGKILL, power loss) are closed as it starts.
 */
export async function startSyncRun(db: SessionDb, via: SyncVia): Promise<number> {
  return db.transaction(async (tx) => {
    await closeInterruptedRuns(tx);
    const [run] = await tx
      .insert(syncRuns)
      .values({ via, status: 'running' })
      .returning({ id: syncRuns.id });
    return (run as { id: number }).id;
  });
}

/**
 * With the import lock free, no run is importing, so a `running` row is one whose process died.
 * A run between its start and its lock is closed too, but records its own end over this one.
 */
async function closeInterruptedRuns(tx: SessionDb): Promise<void> {
  const [lock] = await rawRows<{ free: boolean }>(
    tx as unknown as Db,
    sql`select pg_try_advisory_xact_lock(${IMPORT_LOCK_KEY}::bigint) as free`,
  );
  if (!lock?.free) return;
  await tx
    .update(syncRuns)
    .set({ status: 'failed', message: 'interrupted', finishedAt: new Date() })
    .where(eq(syncRuns.status, 'running'));
}

export async function finishSyncRun(
  db: SessionDb,
  id: number,
  outcome: { status: 'succeeded' | 'failed'; sourcesImported: number; message: string },
): Promise<void> {
  await db
    .update(syncRuns)
    .set({ ...outcome, finishedAt: new Date() })
    .where(eq(syncRuns.id, id));
}

/** A run that failed before it had documents to import (unreachable source, unparsable file). */
export async function recordFailedSyncRun(
  db: SessionDb,
  via: SyncVia,
  failure: { code: string; message: string },
): Promise<void> {
  const id = await startSyncRun(db, via);
  await finishSyncRun(db, id, {
    status: 'failed',
    sourcesImported: 0,
    message: `[${failure.code}] ${failure.message}`,
  });
}
