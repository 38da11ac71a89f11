import { PortbookError } from '@portbook/core/reader';
import { createDatabase, type Database, databaseEnv, migrate } from '@portbook/db';
import { lockDataDir } from './data-dir-lock.ts';

/**
 * Opens the configured database (an embedded one locked to this process) and brings its
 * schema up to date; an unreachable database is a user error. `close()` also releases the lock.
 * `worker`: an embedded database runs in a worker thread (for a server; see `createDatabase`).
 */
export async function openDatabase(options: { worker?: boolean } = {}): Promise<Database> {
  const env = databaseEnv();
  const unlock = env.databaseUrl ? () => {} : lockDataDir(env.dataDir);
  const database = createDatabase({ worker: options.worker ?? false });
  const close = database.close;
  database.close = async () => {
    try {
      await close();
    } finally {
      unlock();
    }
  };
  try {
    await migrate(database);
  } catch (cause) {
    await database.close().catch(() => {});
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new PortbookError('DATABASE_UNAVAILABLE', `cannot use the database: ${detail}`, {
      cause,
    });
  }
  return database;
}

/** Runs `work` with an open database and always closes it. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
