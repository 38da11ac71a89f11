import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { EPHEMERAL_RANGES, IANA_RANGE_CLASSES, type SnapshotRows } from '@portbook/core';
import {
  type Db,
  databaseEnv,
  loadSnapshotRows,
  MIGRATIONS_FOLDER,
  registryVersion,
} from '@portbook/db';

/** Bumped when `SnapshotRows` changes shape without a migration. */
const CACHE_FORMAT = 1;

interface CacheFile {
  key: string;
  rows: SnapshotRows;
}

/**
 * The file caching the registry's rows for one database: beside the embedded database's data
 * directory, named by a hash of the database it caches (its URL, or its data directory).
 */
export function snapshotCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  const { databaseUrl, dataDir } = databaseEnv(env);
  const database = databaseUrl ?? resolve(dataDir);
  const name = createHash('sha256').update(database).digest('hex').slice(0, 16);
  return join(dirname(resolve(dataDir)), 'snapshot-cache', `${name}.v8`);
}

/**
 * What a cached file must match: the registry's version, the schema, the range classes seeded
 * from code, and the file format.
 */
async function cacheKey(db: Db): Promise<string> {
  const migrations = readdirSync(MIGRATIONS_FOLDER)
    .filter((name) => /^\d/.test(name))
    .sort();
  const seeded = createHash('sha256')
    .update(JSON.stringify([IANA_RANGE_CLASSES, EPHEMERAL_RANGES]))
    .digest('hex')
    .slice(0, 16);
  return [CACHE_FORMAT, migrations.at(-1) ?? '', seeded, await registryVersion(db)].join('|');
}

/**
 * The rows a snapshot is built from: from the cache file when it was written for this very
 * registry version (one cheap query decides), else read from the database and cached. Reading
 * 40,000 records and 40,000 changes out of PGlite takes seconds; the file takes a fraction.
 */
export async function cachedSnapshotRows(db: Db, file: string): Promise<SnapshotRows> {
  const key = await cacheKey(db);
  const cached = readCache(file);
  if (cached?.key === key) return cached.rows;
  const rows = await loadSnapshotRows(db, { pause: async () => {} });
  writeCache(file, { key, rows });
  return rows;
}

function readCache(file: string): CacheFile | undefined {
  try {
    const value = deserialize(readFileSync(file)) as Partial<CacheFile>;
    return typeof value.key === 'string' && value.rows ? (value as CacheFile) : undefined;
  } catch {
    // Missing, unreadable or written by another Node: read the database instead.
    return undefined;
  }
}

/** Written whole then renamed, so a reader never sees half a file; a failure only costs speed. */
function writeCache(file: string, value: CacheFile): void {
  const partial = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(partial, serialize(value));
    renameSync(partial, file);
  } catch {
    // A read-only directory: the next command reads the database again.
  }
}
