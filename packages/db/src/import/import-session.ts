import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { TransactionSql } from 'postgres';
import type { Database } from '../database.ts';
import { relations } from '../relations.ts';
import { type CopyValue, copyText } from './copy-text.ts';

/** The query API both drivers share (a union of the two would not let `insert().returning()` type-check). */
export type SessionDb = PgAsyncDatabase<PgQueryResultHKT, typeof relations>;

/** One database transaction as the importer uses it: drizzle for queries, bulk paths for rows. */
export interface ImportSession {
  kind: Database['kind'];
  db: SessionDb;
  /** Raw SQL with positional parameters; cast dates to text, the drivers parse them differently. */
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Appends rows (values in `columns` order) the fastest way the driver allows safely. */
  insertRows(
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly CopyValue[]>,
  ): Promise<void>;
}

const INSERT_CHUNK = 20_000;

function columnList(columns: readonly string[]): string {
  return columns.map((column) => `"${column}"`).join(', ');
}

function rowObject(columns: readonly string[], row: readonly CopyValue[]) {
  return Object.fromEntries(columns.map((column, index) => [column, row[index] ?? null]));
}

function pgliteSession(tx: Transaction): ImportSession {
  return {
    kind: 'pglite',
    // A drizzle instance bound to the open transaction (PGlite's Transaction speaks the same query API).
    db: drizzlePglite({ client: tx as unknown as PGlite, relations }),
    query: async <Row>(text: string, params: unknown[] = []) =>
      (await tx.query<Row>(text, params)).rows,
    insertRows: async (table, columns, rows) => {
      const body = copyText(rows);
      if (!body) return;
      await tx.query(`copy ${table} (${columnList(columns)}) from '/dev/blob'`, [], {
        blob: new Blob([body]),
      });
    },
  };
}

function postgresSession(tx: SessionDb, sql: TransactionSql): ImportSession {
  return {
    kind: 'postgres',
    db: tx,
    query: async <Row>(text: string, params: unknown[] = []) =>
      (await sql.unsafe(text, params as never[])) as unknown as Row[],
    // Not COPY: postgres.js never settles a COPY the server rejects and leaks its transaction
    // (porsager/postgres#1173), so a bad row would hang the import. One statement per chunk instead.
    insertRows: async (table, columns, rows) => {
      const list = columnList(columns);
      const insert = `insert into ${table} (${list})
        select ${list} from jsonb_populate_recordset(null::${table}, $1::jsonb)`;
      let chunk: Record<string, CopyValue>[] = [];
      for (const row of rows) {
        chunk.push(rowObject(columns, row));
        if (chunk.length < INSERT_CHUNK) continue;
        await sql.unsafe(insert, [chunk as never]);
        chunk = [];
      }
      if (chunk.length > 0) await sql.unsafe(insert, [chunk as never]);
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
  if (database.kind === 'pglite-worker') {
    throw new Error('an import on an embedded database in a worker runs inside it: runDatabaseJob');
  }
  return database.db.transaction((tx) => {
    // postgres.js's transaction handle is public on drizzle's session; COPY needs it.
    const { client } = tx._.session as unknown as { client: TransactionSql };
    return work(postgresSession(tx as unknown as SessionDb, client));
  });
}
