import { EPHEMERAL_RANGES, IANA_RANGE_CLASSES, PortbookError } from '@portbook/core';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './database.ts';
import { MIGRATIONS_FOLDER } from './env.ts';
import { rangeClasses } from './schema.ts';
import { databaseJob } from './worker/database-job.ts';
import { runDatabaseJob } from './worker/worker-database.ts';

/** Any key will do as long as every portbook process uses the same one. */
export const MIGRATION_LOCK_KEY = 7_370_617_265;

/** Applies the committed migrations, then seeds the reference data that lives in code. */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite-worker') return runDatabaseJob(database, MIGRATE_JOB, undefined);
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.kind === 'pglite') {
    await migratePglite(database.db, config);
    await seedRangeClasses(database);
    return;
  }
  if (await isReadOnly(database)) return checkMigrated(database);
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

/** Migrations run where an embedded database lives: they need its transactions. */
const MIGRATE_JOB = databaseJob<typeof migrate>(import.meta.url, 'migrate');

type PostgresDatabase = Extract<Database, { kind: 'postgres' }>;

/** A read replica (hot standby) or a read-only role: nothing can be written there. */
async function isReadOnly(database: PostgresDatabase): Promise<boolean> {
  const [row] = await database.client<{ readOnly: boolean }[]>`
    select current_setting('transaction_read_only') = 'on' as "readOnly"`;
  return row?.readOnly === true;
}

/** On a replica the primary migrates; an API instance there only checks it is up to date. */
async function checkMigrated(database: PostgresDatabase): Promise<void> {
  const applied = new Set<string>();
  try {
    const rows = await database.client<
      { hash: string }[]
    >`select hash from drizzle.__drizzle_migrations`;
    for (const row of rows) applied.add(row.hash);
  } catch {
    // No migrations table yet: every migration is missing.
  }
  const missing = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).filter(
    (migration) => !applied.has(migration.hash),
  );
  if (missing.length > 0) {
    throw new PortbookError(
      'DATABASE_UNAVAILABLE',
      `the database is read-only and lacks ${missing.length} migration(s) (${missing.map((m) => m.name).join(', ')}); run \`portbook migrate\` against the primary`,
    );
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
