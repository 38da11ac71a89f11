import { buildRegistrySnapshot, PortbookError, type RegistrySnapshot } from '@portbook/core';
import { loadSnapshotRows } from '@portbook/db';
import { cliEnv } from '../env.ts';
import { withDatabase } from '../open-database.ts';
import { cachedSnapshotRows, snapshotCacheFile } from './snapshot-cache.ts';

/** Nothing runs alongside a command: phases need not yield to the event loop. */
const noPause = async () => {};

/**
 * The registry as the local database holds it (embedded or DATABASE_URL), its rows from the
 * snapshot cache when that is current; the database is closed before the snapshot is built.
 * REGISTRY_EMPTY before a first sync.
 */
export async function openSnapshot(): Promise<RegistrySnapshot> {
  const rows = await withDatabase((database) =>
    cliEnv().snapshotCache
      ? cachedSnapshotRows(database.db, snapshotCacheFile())
      : loadSnapshotRows(database.db, { pause: noPause }),
  );
  if (rows.sources.length === 0) {
    throw new PortbookError(
      'REGISTRY_EMPTY',
      'the database holds no registry yet: run `./dev start` or `portbook sync` first',
    );
  }
  return buildRegistrySnapshot(rows, { pause: noPause });
}
