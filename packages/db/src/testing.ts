import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDatabase, type Database } from './database.ts';
import { migrate } from './migrate.ts';

/** Admin connection used to create throwaway databases for real-Postgres tests. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDatabaseKind = 'pglite' | 'postgres';
export const TEST_DATABASE_KINDS: readonly TestDatabaseKind[] = ['pglite', 'postgres'];

export interface TestDatabase {
  database: Database;
  /** Connection string of the throwaway Postgres database (undefined for PGlite). */
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of the given kind: in-memory PGlite, or a new database on the
 * Postgres server at `TEST_DATABASE_URL` that `drop()` removes. Postgres being down is a failure.
 */
export async function createTestDatabase(
  kind: TestDatabaseKind,
  options: { onQuery?: (sql: string, params: unknown[]) => void; migrate?: boolean } = {},
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = createDatabase({ url: undefined, dataDir: 'memory://', ...options });
    if (options.migrate !== false) await migrate(database);
    return { database, url: undefined, drop: () => database.close() };
  }
  const name = `portbook_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = createDatabase({ url: url.toString(), ...options });
  if (options.migrate !== false) await migrate(database);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const cleanup = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** Raw rows for test assertions, through the driver so both kinds return plain objects. */
export async function rawRows<Row = Record<string, unknown>>(
  database: Database,
  text: string,
): Promise<Row[]> {
  if (database.kind === 'pglite') return (await database.client.query<Row>(text)).rows;
  if (database.kind === 'postgres') return [...(await database.client.unsafe(text))] as Row[];
  throw new Error('tests read raw rows from a database opened in this thread');
}
