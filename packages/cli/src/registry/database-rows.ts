import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SnapshotRows } from '@portbook/core/reader';
import { type Db, loadSnapshotRows, registryVersion } from '@portbook/db';
import { type CacheFile, codeKey, readCache, writeCache } from './snapshot-cache.ts';

/**
 * The rows a snapshot is built from: from the cache file when it was written for this very
 * registry version (one cheap query decides), else read from the database and cached. Reading
 * 40,000 records and 40,000 changes out of PGlite takes seconds; the file takes a fraction.
 */
export async function cachedSnapshotRows(db: Db, file: string): Promise<CacheFile> {
  const key = await cacheKeyOf(db);
  const cached = readCache(file);
  if (cached?.key === key) return cached;
  const rows = await databaseRows(db);
  writeCache(file, key, rows);
  removeFormerCaches(dirname(file));
  return { key, rows };
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

/** Every row, read from the database (nothing runs alongside a command: no pauses). */
export function databaseRows(db: Db): Promise<SnapshotRows> {
  return loadSnapshotRows(db, { pause: async () => {} });
}
