import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PortbookError } from '@portbook/core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { databaseEnv } from './env.ts';
import { relations } from './relations.ts';
import { openWorkerDatabase } from './worker/worker-database.ts';

export interface DatabaseOptions {
  /** A Postgres connection string; without it an embedded PGlite database is used. */
  url?: string | undefined;
  /** Where PGlite keeps its files; `memory://` for a throwaway database. */
  dataDir?: string | undefined;
  /** Largest number of pooled connections to a Postgres server. */
  maxConnections?: number;
  /** Called with every SQL statement, e.g. to count queries in tests. */
  onQuery?: (sql: string, params: unknown[]) => void;
  /**
   * Embedded PGlite only: keep it in a worker thread, so that its statements (and imports, run
   * there with `runDatabaseJob`) never block this thread. For a server; off by default.
   */
  worker?: boolean;
}

function logger(onQuery: DatabaseOptions['onQuery']) {
  return onQuery ? { logQuery: onQuery } : undefined;
}

function openPostgres(url: string, options: DatabaseOptions) {
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    connect_timeout: 10,
    // postgres.js backs off up to 20 s after failed connects; capped, service resumes within 1 s of the database.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
  });
  const db = drizzlePostgres({ client, relations, logger: logger(options.onQuery) });
  return { kind: 'postgres' as const, db, client, url, close: () => client.end({ timeout: 5 }) };
}

function openPglite(dataDir: string, options: DatabaseOptions) {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // Importing every edition writes ~250 MB of WAL, which PGlite would keep on disk up to max_wal_size (1 GB).
  // Postgres' 128 MB of shared buffers sit in the WASM memory, which never shrinks; the data
  // directory's files are in the operating system's cache anyway, and the API answers from its
  // snapshot. 32 MB (measured): the server's WASM memory 155 → ~50 MiB resident, and a full
  // offline sync as fast (43.6 s against 44.5 s; 16 MB took 59.7 s).
  const client = new PGlite(dataDir, {
    startParams: [
      ...PGlite.defaultStartParams,
      ...['-c', 'max_wal_size=64MB', '-c', 'min_wal_size=32MB', '-c', 'shared_buffers=32MB'],
    ],
  });
  const db = drizzlePglite({ client, relations, logger: logger(options.onQuery) });
  return { kind: 'pglite' as const, db, client, close: () => client.close() };
}

export type Database =
  | ReturnType<typeof openPostgres>
  | ReturnType<typeof openPglite>
  | ReturnType<typeof openWorkerDatabase>;
/** The drizzle instance both drivers share: queries are written once against this type. */
export type Db = Database['db'];

/**
 * The one database factory: Postgres when a URL is given (or `DATABASE_URL` is set),
 * otherwise embedded PGlite in `PORTBOOK_DATA_DIR`, in this thread or (`worker`) in its own.
 */
export function createDatabase(options: DatabaseOptions = {}): Database {
  const env = databaseEnv();
  const url = 'url' in options ? options.url : env.databaseUrl;
  try {
    if (url) return openPostgres(url, options);
    const dataDir = options.dataDir ?? env.dataDir;
    return options.worker ? openWorkerDatabase(dataDir, options) : openPglite(dataDir, options);
  } catch (cause) {
    throw new PortbookError('DATABASE_UNAVAILABLE', `cannot open the database: ${String(cause)}`, {
      cause,
    });
  }
}
