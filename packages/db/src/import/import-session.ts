import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { TransactionSql } from 'postgres';
import type { Database } from '../database.ts';
import { relations } from '../relations.ts';
import { type CopyValue, copyText } from './copy-text.ts';

/** The query API both drivers share (a union of the two would not let `insert().returning()` type-check). */
export type SessionDb = PgAsyncDatabase<PgQueryResultHKT, typeof relations>;

/** One database transaction as the importer uses it: drizzle for queries, COPY for bulk rows. */
export interface ImportSession {
  kind: Database['kind'];
  db: SessionDb;
  /** Raw SQL with positional parameters; cast dates to text, the drivers parse them differently. */
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  copyIn(
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly CopyValue[]>,
  ): Promise<void>;
}

function copyStatement(table: string, columns: readonly string[], from: string) {
  return `copy ${table} (${columns.map((c) => `"${c}"`).join(', ')}) from ${from}`;
}

function pgliteSession(tx: Transaction): ImportSession {
  return {
    kind: 'pglite',
    // A drizzle instance bound to the open transaction (PGlite's Transaction speaks the same query API).
    db: drizzlePglite({ client: tx as unknown as PGlite, relations }),
    query: async <Row>(text: string, params: unknown[] = []) =>
      (await tx.query<Row>(text, params)).rows,
    copyIn: async (table, columns, rows) => {
      const body = copyText(rows);
      if (!body) return;
      await tx.query(copyStatement(table, columns, `'/dev/blob'`), [], { blob: new Blob([body]) });
    },
  };
}

function postgresSession(tx: SessionDb, sql: TransactionSql): ImportSession {
  return {
    kind: 'postgres',
    db: tx,
    query: async <Row>(text: string, params: unknown[] = []) =>
      (await sql.unsafe(text, params as never[])) as unknown as Row[],
    copyIn: async (table, columns, rows) => {
      const body = copyText(rows);
      if (!body) return;
      const stream = await sql.unsafe(copyStatement(table, columns, 'stdin')).writable();
      await pipeline(Readable.from([body]), stream);
    },
  };
}

/** Runs `work` in one transaction: it commits when `work` resolves and rolls back when it throws. */
export async function withImportSession<T>(
  database: Database,
  work: (session: ImportSession) => Promise<T>,
): Promise<T> {
  if (database.kind === 'pglite') {
    return database.client.transaction((tx) => work(pgliteSession(tx)));
  }
  return database.db.transaction((tx) => {
    // postgres.js's transaction handle is public on drizzle's session; COPY needs it.
    const { client } = tx._.session as unknown as { client: TransactionSql };
    return work(postgresSession(tx as unknown as SessionDb, client));
  });
}
