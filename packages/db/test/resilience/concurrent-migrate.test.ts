import { describe, expect, it } from 'vitest';
import { createDatabase, migrate } from '../../src/index.ts';
import { createTestDatabase } from '../../src/testing.ts';
import { rows } from '../database-state.ts';

describe('several instances migrating one fresh Postgres database at once', () => {
  it('all succeed, and each migration is applied once', async () => {
    const test = await createTestDatabase('postgres', { migrate: false });
    const instances = Array.from({ length: 4 }, () =>
      createDatabase({ url: test.url as string, maxConnections: 2 }),
    );
    try {
      const results = await Promise.allSettled(instances.map((database) => migrate(database)));
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
      const applied = await rows<{ hash: string; count: number }>(
        instances[0] as (typeof instances)[0],
        'select hash, count(*)::int as count from drizzle.__drizzle_migrations group by hash',
      );
      expect(applied.length).toBeGreaterThan(0);
      expect(applied.every((migration) => migration.count === 1)).toBe(true);
      const [locks] = await rows<{ count: number }>(
        instances[0] as (typeof instances)[0],
        `select count(*)::int as count from pg_locks where locktype = 'advisory'
          and database = (select oid from pg_database where datname = current_database())`,
      );
      expect(locks?.count).toBe(0);
    } finally {
      await Promise.all(instances.map((database) => database.close()));
      await test.drop();
    }
  }, 60_000);
});
