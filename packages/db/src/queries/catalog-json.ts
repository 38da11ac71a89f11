import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../database.ts';
import { rawRows } from './raw-rows.ts';

/**
 * Every row of a table as one JSON array the database builds: the driver parses one value
 * instead of tens of thousands of rows (about half the time for the 39,000 assignments of the
 * full history on PGlite). Keys come back as the columns' snake_case names and are turned into
 * the camelCase drizzle uses, so rows equal what `db.select().from(table)` returns.
 */
export async function allRowsAsJson<Row>(db: Db, table: PgTable, orderBy: SQL): Promise<Row[]> {
  const [result] = await rawRows<{ rows: unknown }>(
    db,
    sql`select coalesce(json_agg(${table} order by ${orderBy}), '[]'::json) as rows from ${table}`,
  );
  const rows = typeof result?.rows === 'string' ? JSON.parse(result.rows) : result?.rows;
  return (rows as Record<string, unknown>[]).map(camelKeys) as Row[];
}

function camelKeys(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in row)
    out[key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())] = row[key];
  return out;
}
