import { isPortbookError } from '@portbook/core';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rows } from '../../test/database-state.ts';
import { editions } from '../../test/fixtures/documents.ts';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing.ts';
import { importDocuments } from './import-documents.ts';
import { IMPORT_LOCK_KEY } from './import-lock.ts';

const RESET = `truncate sources, record_versions, source_records, assignments, changes, name_links,
  people, sync_runs restart identity cascade`;

/** What a `portbook sync` killed with SIGKILL leaves behind: a run started and never finished. */
const KILLED_RUN = `insert into sync_runs (via, status, started_at)
  values ('mirror', 'running', now() - interval '1 hour') returning id`;

const RUNS =
  'select id, status, message, finished_at is not null as finished from sync_runs order by id';

describe.each(TEST_DATABASE_KINDS)('sync_runs on %s', (kind) => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
  });
  afterAll(() => test?.drop());
  beforeEach(() => rows(test.database, RESET));

  it('closes a run its killed process left running as failed/interrupted when the next import starts', async () => {
    const [killed] = await rows<{ id: number }>(test.database, KILLED_RUN);
    const { syncRunId } = await importDocuments(test.database, [editions['2024']]);
    expect(await rows(test.database, RUNS)).toEqual([
      { id: killed?.id, status: 'failed', message: 'interrupted', finished: true },
      {
        id: syncRunId,
        status: 'succeeded',
        message: '1 imported, 0 already stored',
        finished: true,
      },
    ]);
  });

  // Postgres only: a second connection holds the lock (PGlite has one connection, and a
  // session may take its own advisory lock again). Not registered on PGlite, rather
  // than reported skipped there.
  if (kind === 'postgres') {
    it('leaves a run running while an import holds the lock, and records the refused one', async () => {
      const [live] = await rows<{ id: number }>(test.database, KILLED_RUN);
      const holder = postgres(test.url as string, { max: 1, onnotice: () => {} });
      try {
        await holder.begin(async (sql) => {
          await sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`;
          const refused = await importDocuments(test.database, [editions['2024']]).catch(
            (error: unknown) => error,
          );
          expect(isPortbookError(refused) && refused.code).toBe('SYNC_IN_PROGRESS');
        });
      } finally {
        await holder.end();
      }
      const [first, second] = await rows<{ id: number; status: string; message: string }>(
        test.database,
        RUNS,
      );
      expect(first).toMatchObject({ id: live?.id, status: 'running', finished: false });
      expect(second).toMatchObject({
        status: 'failed',
        message: expect.stringMatching(/^\[SYNC_IN_PROGRESS\]/),
      });
    });
  }
});
