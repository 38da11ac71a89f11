import type { Database, Db } from '@portbook/db';
import { databaseEnv } from '@portbook/db/env';
import { cacheKeyOf } from './database-rows.ts';
import { dataDirStamp, snapshotCacheFile, stampDataDir, writeStamp } from './snapshot-cache.ts';

/**
 * Once a server holds the embedded database open (opening it rewrites some of its files),
 * records its files again for the cache `key` (`prepareSnapshotCache`'s), so reading commands in
 * other terminals answer from the cache while it serves: they cannot open a database in use.
 * Only while the registry is still the one cached; the files are read first, so a write after
 * the check changes them and the stamp no longer matches.
 */
export async function stampServedDatabase(key: string, db: Db): Promise<void> {
  const stamp = dataDirStamp(databaseEnv().dataDir, key);
  if ((await cacheKeyOf(db)) === key) writeStamp(snapshotCacheFile(), stamp);
}

/**
 * Closes the embedded database a server held, then records its files for the cache `key` if
 * the registry is still the one cached (a sync while serving moves it on): the next command,
 * or the next `portbook start`, answers from the cache without opening the database to check.
 */
export async function closeServedDatabase(key: string, database: Database): Promise<void> {
  const current = (await cacheKeyOf(database.db)) === key;
  await database.close();
  if (current) stampDataDir(snapshotCacheFile(), databaseEnv().dataDir, key);
}
