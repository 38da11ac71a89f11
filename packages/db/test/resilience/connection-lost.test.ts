import { isPortbookError } from '@portbook/core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportProgress, importDocuments } from '../../src/import/index.ts';
import { createTestDatabase, type TestDatabase } from '../../src/testing.ts';
import { everyTable, rows } from '../database-state.ts';
import { editions } from '../fixtures/documents.ts';
import { largeEdition } from './large-documents.ts';

/** Every connection to the test database but the caller's, as an operator's restart would. */
const TERMINATE_OTHERS = `select count(pg_terminate_backend(pid))::int as terminated from pg_stat_activity
  where datname = current_database() and pid <> pg_backend_pid()`;

describe('an import whose database connection is cut mid-transaction, on postgres', () => {
  let test: TestDatabase;
  let admin: postgres.Sql;
  let retries = 0;

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    admin = postgres(test.url as string, { max: 1, onnotice: () => {} });
    await admin`select 1`;
    await importDocuments(test.database, [editions['2024']]);
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await test?.drop();
  });

  const cutAt = async (when: (event: ImportProgress) => boolean) => {
    let cut: Promise<unknown> | undefined;
    const outcome = await importDocuments(
      test.database,
      [largeEdition('2025-06-01', 5_000), largeEdition('2025-07-01', 5_000, '-v2')],
      {
        onProgress: (event) => {
          // postgres.js sends a query only once it is awaited: `.execute()` sends it now.
          if (!cut && when(event)) cut = admin.unsafe(TERMINATE_OTHERS).execute();
        },
      },
    ).then(
      () => 'committed',
      (error: unknown) => error,
    );
    expect(await cut).toEqual([{ terminated: expect.any(Number) }]);
    await reconnected();
    return outcome;
  };

  /** Pooled connections cut by the terminate fail once when next used; wait until the pool is whole. */
  async function reconnected() {
    for (let attempt = 0; attempt < 20; attempt++) {
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => rows(test.database, 'select 1')),
      );
      if (results.every((result) => result.status === 'fulfilled')) return;
    }
    throw new Error('the pool did not reconnect');
  }

  it.each([
    [
      'while storing the second document',
      (e: ImportProgress) => e.phase === 'store' && e.index === 1,
    ],
    [
      'while writing the rebuilt history',
      (e: ImportProgress) => e.phase === 'rebuild' && e.step === 'write',
    ],
  ])(
    'changes nothing when cut %s, and the next import completes',
    async (_, when) => {
      const before = await everyTable(test.database);
      const outcome = await cutAt(when);
      expect(isPortbookError(outcome), String(outcome)).toBe(true);
      expect((outcome as Error).message).toContain('nothing was changed');
      expect(['DATABASE_UNAVAILABLE', 'IMPORT_FAILED']).toContain(
        (outcome as { code: string }).code,
      );
      expect(await everyTable(test.database)).toEqual(before);

      retries += 1;
      const retried = await importDocuments(test.database, [
        largeEdition(`2025-0${retries}-15`, 5_000),
      ]);
      expect(retried.imported).toHaveLength(1);
      const [locks] = await rows<{ count: number }>(
        test.database,
        `select count(*)::int as count from pg_locks where locktype = 'advisory'
          and database = (select oid from pg_database where datname = current_database())`,
      );
      expect(locks?.count).toBe(0);
    },
    60_000,
  );
});
