import { dirname } from 'node:path';
import {
  buildRegistrySnapshot,
  PortbookError,
  type RegistrySnapshot,
  type SnapshotRows,
} from '@portbook/core/reader';
import type { Database } from '@portbook/db';
import { databaseEnv } from '@portbook/db/env';
import { cliEnv } from '../env.ts';
import type { PreparedCache } from './database-rows.ts';
import { cacheOfUntouchedDataDir, snapshotCacheFile, stampDataDir } from './snapshot-cache.ts';
import { softwareData } from './software-data.ts';

/** Nothing runs alongside a command: phases need not yield to the event loop. */
const noPause = async () => {};

export interface SnapshotNeeds {
  /** The question searches words (a name or words, not a port): index them up front. */
  searchWords?: boolean;
}

/**
 * The registry as the local database holds it (embedded or DATABASE_URL), its rows from the
 * snapshot cache when that is current; the database is closed before the snapshot is built.
 * The snapshot builds each index, and reads each part of the cached rows, only when the
 * question needs it. The software data set joins at build time under its own fingerprint, so
 * new software data is never answered from an old cache. REGISTRY_EMPTY before a first sync.
 */
export async function openSnapshot(needs: SnapshotNeeds = {}): Promise<RegistrySnapshot> {
  const cache = cliEnv().snapshotCache ? snapshotCacheFile() : undefined;
  const { rows } = await registryRows(cache);
  if (rows.sources.length === 0) {
    throw new PortbookError(
      'REGISTRY_EMPTY',
      'the database holds no registry yet: run `./dev start` or `portbook sync` first',
    );
  }
  return buildRegistrySnapshot(rows, {
    pause: noPause,
    software: await softwareData(cache === undefined ? undefined : dirname(cache)),
    indexes: 'on-demand',
    searchWords: needs.searchWords ?? false,
  });
}

/**
 * The snapshot cache for the embedded database a server has opened (`portbook start`): its key,
 * and the rows for the server's first snapshot, from the cache when it is current, else read
 * through the server's own database (in its worker thread). When the rows came from the
 * database, the cache file is still to be written (`write`): the server's first snapshot need
 * not wait for it. Undefined on Postgres or with the cache off.
 */
export async function prepareSnapshotCache(database: Database): Promise<PreparedCache | undefined> {
  if (!cliEnv().snapshotCache || databaseEnv().databaseUrl) return undefined;
  const { cachedSnapshotRows } = await import('./database-rows.ts');
  const { key, rows, write } = await cachedSnapshotRows(database, snapshotCacheFile(), {
    deferWrite: true,
  });
  return { key, rows: wholeRows(rows), write };
}

/**
 * The rows without their blocks: a server indexes every port up front (a port's records at
 * once, not filtered out of its block on each request), so it reads every part anyway.
 */
function wholeRows(rows: SnapshotRows): SnapshotRows {
  const { version, sources, nameLinks, rangeClasses, lastSync } = rows;
  return {
    version,
    sources,
    nameLinks,
    rangeClasses,
    lastSync,
    assignments: rows.assignments,
    currentAssignments: rows.currentAssignments,
    changes: rows.changes,
    people: rows.people,
  };
}

/** The rows, and the cache key they were found or stored under (none without a cache). */
async function registryRows(
  cache: string | undefined,
): Promise<Pick<PreparedCache, 'rows'> & { key?: string }> {
  const { databaseUrl, dataDir } = databaseEnv();
  const untouched =
    cache === undefined || databaseUrl ? undefined : cacheOfUntouchedDataDir(cache, dataDir);
  if (untouched) return untouched;
  // The database, and the code reading it, are loaded only when the cache cannot answer.
  const [{ withDatabase }, { cachedSnapshotRows, databaseRows }] = await Promise.all([
    import('../open-database.ts'),
    import('./database-rows.ts'),
  ]);
  if (cache === undefined) return { rows: await withDatabase(databaseRows) };
  const cached = await withDatabase((database) => cachedSnapshotRows(database, cache));
  if (!databaseUrl) stampDataDir(cache, dataDir, cached.key);
  return cached;
}
