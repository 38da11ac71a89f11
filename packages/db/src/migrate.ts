import { fileURLToPath } from 'node:url';
import { EPHEMERAL_RANGES, IANA_RANGE_CLASSES } from '@portbook/core';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './database.ts';
import { rangeClasses } from './schema.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** Any key will do as long as every portbook process uses the same one. */
export const MIGRATION_LOCK_KEY = 7_370_617_265;

/** Applies the committed migrations, then seeds the reference data that lives in code. */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.kind === 'pglite') {
    await migratePglite(database.db, config);
    await seedRangeClasses(database);
    return;
  }
  // Instances starting together would apply the same migration twice; the others wait here.
  // The lock holds a connection of its own, so a pool of one connection migrates unguarded.
  const holder = database.client.options.max > 1 ? await database.client.reserve() : undefined;
  try {
    if (holder) await holder`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(database.db, config);
    await seedRangeClasses(database);
  } finally {
    if (holder) {
      await holder`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
      holder.release();
    }
  }
}

async function seedRangeClasses(database: Database) {
  await database.db
    .insert(rangeClasses)
    .values([...IANA_RANGE_CLASSES, ...EPHEMERAL_RANGES])
    .onConflictDoUpdate({
      target: rangeClasses.id,
      set: {
        scheme: sql`excluded.scheme`,
        name: sql`excluded.name`,
        low: sql`excluded.low`,
        high: sql`excluded.high`,
        validFrom: sql`excluded.valid_from`,
        validTo: sql`excluded.valid_to`,
        definedBy: sql`excluded.defined_by`,
        definedByUrl: sql`excluded.defined_by_url`,
        quotation: sql`excluded.quotation`,
        note: sql`excluded.note`,
      },
    });
}
