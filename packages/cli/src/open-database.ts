import { PortbookError } from '@portbook/core';
import { createDatabase, type Database, migrate } from '@portbook/db';

/** Opens the configured database and brings its schema up to date; unreachable is a user error. */
export async function openDatabase(): Promise<Database> {
  const database = createDatabase();
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
