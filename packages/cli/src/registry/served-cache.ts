import { type Db, registryVersion } from '@portbook/db';
import { databaseEnv } from '@portbook/db/env';
import { codeKey, dataDirStamp, snapshotCacheFile, writeStamp } from './snapshot-cache.ts';

/**
 * Once a server holds the embedded database open (opening it rewrites some of its files),
 * records its files again for the cache `key` (`prepareSnapshotCache`'s), so reading commands in
 * other terminals answer from the cache while it serves: they cannot open a database in use.
 * Only while the registry is still the one cached; the files are read first, so a write after
 * the check changes them and the stamp no longer matches.
 */
export async function stampServedDatabase(key: string, db: Db): Promise<void> {
  const stamp = dataDirStamp(databaseEnv().dataDir, key);
  if (`${codeKey()}|${await registryVersion(db)}` === key) writeStamp(snapshotCacheFile(), stamp);
}
