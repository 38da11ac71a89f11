import { sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { rawRows } from '../queries/raw-rows.ts';

/** The channel an import notifies once it has landed: instances listening rebuild their snapshot. */
export const REGISTRY_CHANNEL = 'portbook_registry';

/** Tells every listening instance (Postgres LISTEN) that the registry version changed. */
export async function notifyRegistryChanged(db: Db): Promise<void> {
  await rawRows(db, sql`select pg_notify(${REGISTRY_CHANNEL}, '')`);
}
