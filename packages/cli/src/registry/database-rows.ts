import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SnapshotRows } from '@portbook/core/reader';
import { type Database, type Db, readSnapshotRows, registryVersion } from '@portbook/db';
import { type CacheFile, codeKey, readCache, writeCache } from './snapshot-cache.ts';

/**
 * The rows a snapshot is built from: from the cache file when it was written for this very
 * registry version (one cheap query decides), else read from the database and cached. Reading
 * 40,000 records and 40,000 changes out of PGlite takes seconds; the file takes a fraction.
 */
export async function cachedSnapshotRows(
  database: Database,
  file: string,
  options: { deferWrite?: boolean } = {},
): Promise<PreparedCache> {
  const key = await cacheKeyOf(database.db);
  const cached = readCache(file);
  if (cached?.key === key) return cached;
  const rows = await databaseRows(database);
  // Once: the rows are let go of when written, whoever keeps the function.
  let unwritten: SnapshotRows | undefined = rows;
  const write = async (pause?: () => Promise<void>) => {
    const rows = unwritten;
    if (!rows) return;
    unwritten = undefined;
    await writeCache(file, key, rows, pause);
    removeFormerCaches(dirname(file));
  };
  if (options.deferWrite) return { key, rows, write };
  await write();
  return { key, rows };
}

/** Cached rows, and when they were read from the database, the cache write still to do. */
export interface PreparedCache extends CacheFile {
  /**
   * Writes the cache file (about a second for the full history), once, pausing between its steps
   * when given `pause`; undefined if written.
   */
  write?: ((pause?: () => Promise<void>) => Promise<void>) | undefined;
}

/** The key a cache of `db`'s registry is current under: the code's, and the registry's version. */
export async function cacheKeyOf(db: Db): Promise<string> {
  return `${codeKey()}|${await registryVersion(db)}`;
}

/** Caches named as before the file held its rows in parts (16 hex digits): no reader is left. */
function removeFormerCaches(dir: string): void {
  try {
    for (const name of readdirSync(dir)) {
      if (/^[0-9a-f]{16}\.v8(\.stamp)?$/.test(name)) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // A directory this process cannot read or write: the files only take room.
  }
}

/**
 * Every row, read from the database (on a PGlite in a worker thread, read there): nothing runs
 * alongside a command, so no pauses, and on Postgres batches of 10,000 rows.
 */
export function databaseRows(database: Database): Promise<SnapshotRows> {
  return readSnapshotRows(database, { pause: async () => {}, batchSize: 10_000 });
}
