import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

export interface CacheFile {
  key: string;
  rows: SnapshotRows;
}

/** Beside the cache of an embedded database: the state of its files when the cache was current. */
interface DataDirStamp {
  key: string;
  files: string;
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

/** What the code expects of a cache: its format, the schema, the range classes seeded from code. */
function codeKey(): string {
  const migrations = readdirSync(MIGRATIONS_FOLDER)
    .filter((name) => /^\d/.test(name))
    .sort();
  const seeded = createHash('sha256')
    .update(JSON.stringify([IANA_RANGE_CLASSES, EPHEMERAL_RANGES]))
    .digest('hex')
    .slice(0, 16);
  return [CACHE_FORMAT, migrations.at(-1) ?? '', seeded].join('|');
}

/** What a cached file must match: the code's key and the registry's version. */
async function cacheKey(db: Db): Promise<string> {
  return `${codeKey()}|${await registryVersion(db)}`;
}

/**
 * The rows a snapshot is built from: from the cache file when it was written for this very
 * registry version (one cheap query decides), else read from the database and cached. Reading
 * 40,000 records and 40,000 changes out of PGlite takes seconds; the file takes a fraction.
 */
export async function cachedSnapshotRows(db: Db, file: string): Promise<CacheFile> {
  const key = await cacheKey(db);
  const cached = readCache(file);
  if (cached?.key === key) return cached;
  const rows = await loadSnapshotRows(db, { pause: async () => {} });
  writeAtomically(file, serialize({ key, rows } satisfies CacheFile));
  return { key, rows };
}

/**
 * An embedded database only changes when a portbook process writes its files, and opening it
 * costs more than the rest of a lookup: when its files are exactly as they were after the
 * cache was last found current, the cached rows are the registry's without opening it.
 */
export function rowsOfUntouchedDataDir(file: string, dataDir: string): SnapshotRows | undefined {
  const stamp = readStamp(file);
  if (!stamp?.key.startsWith(`${codeKey()}|`)) return undefined;
  if (stamp.files !== dataDirFiles(dataDir)) return undefined;
  const cached = readCache(file);
  return cached?.key === stamp.key ? cached.rows : undefined;
}

/** Records the data directory as it stands (after the database was closed) for the cache `key`. */
export function stampDataDir(file: string, dataDir: string, key: string): void {
  const stamp: DataDirStamp = { key, files: dataDirFiles(dataDir) };
  writeAtomically(`${file}.stamp`, JSON.stringify(stamp));
}

/** Every file's path, size and modification time: any write PGlite makes changes one. */
function dataDirFiles(dataDir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const path of files) {
    const stat = statSync(path);
    hash.update(`${relative(dataDir, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function readStamp(file: string): DataDirStamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(`${file}.stamp`, 'utf8')) as Partial<DataDirStamp>;
    return typeof stamp.key === 'string' && typeof stamp.files === 'string'
      ? (stamp as DataDirStamp)
      : undefined;
  } catch {
    return undefined;
  }
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
function writeAtomically(file: string, content: string | Uint8Array): void {
  const partial = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(partial, content);
    renameSync(partial, file);
  } catch {
    // A read-only directory: the next command reads the database again.
  }
}
