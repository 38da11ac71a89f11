import type { SQL } from 'drizzle-orm';
import type { Db } from '../database.ts';

/**
 * Runs a hand-written statement on either driver and returns its rows: postgres.js returns the
 * rows, PGlite `{ rows }`. For the few queries the builder cannot express (set-returning joins).
 */
export async function rawRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const execute = db.execute as (query: SQL) => Promise<unknown>;
  const result = await execute.call(db, query);
  return Array.isArray(result) ? (result as Row[]) : ((result as { rows?: Row[] }).rows ?? []);
}
