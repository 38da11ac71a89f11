import {
  buildRegistrySnapshot,
  PortbookError,
  type RegistrySnapshot,
  type SnapshotRows,
} from '@portbook/core';
import { databaseEnv, loadSnapshotRows } from '@portbook/db';
import { softwareDefaults } from '@portbook/software';
import { cliEnv } from '../env.ts';
import { withDatabase } from '../open-database.ts';
import {
  cachedSnapshotRows,
  rowsOfUntouchedDataDir,
  snapshotCacheFile,
  stampDataDir,
} from './snapshot-cache.ts';

/** Nothing runs alongside a command: phases need not yield to the event loop. */
const noPause = async () => {};

/**
 * The registry as the local database holds it (embedded or DATABASE_URL), its rows from the
 * snapshot cache when that is current; the database is closed before the snapshot is built.
 * The software data set joins at build time, never cached, so new software data is never
 * answered from an old cache. REGISTRY_EMPTY before a first sync.
 */
export async function openSnapshot(): Promise<RegistrySnapshot> {
  const rows = await registryRows();
  if (rows.sources.length === 0) {
    throw new PortbookError(
      'REGISTRY_EMPTY',
      'the database holds no registry yet: run `./dev start` or `portbook sync` first',
    );
  }
  return buildRegistrySnapshot(rows, { pause: noPause, software: softwareDefaults() });
}

async function registryRows(): Promise<SnapshotRows> {
  if (!cliEnv().snapshotCache) {
    return withDatabase((database) => loadSnapshotRows(database.db, { pause: noPause }));
  }
  const file = snapshotCacheFile();
  const { databaseUrl, dataDir } = databaseEnv();
  const untouched = databaseUrl ? undefined : rowsOfUntouchedDataDir(file, dataDir);
  if (untouched) return untouched;
  const cached = await withDatabase((database) => cachedSnapshotRows(database.db, file));
  if (!databaseUrl) stampDataDir(file, dataDir, cached.key);
  return cached.rows;
}
