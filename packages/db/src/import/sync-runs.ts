import { eq } from 'drizzle-orm';
import { syncRuns } from '../schema.ts';
import type { SessionDb } from './import-session.ts';

/** Where a run's documents came from. */
export type SyncVia = 'mirror' | 'network' | 'npm' | 'file';

/** Recorded outside the import transaction, so a failed run stays on record after its rollback. */
export async function startSyncRun(db: SessionDb, via: SyncVia): Promise<number> {
  const [run] = await db
    .insert(syncRuns)
    .values({ via, status: 'running' })
    .returning({ id: syncRuns.id });
  return (run as { id: number }).id;
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
