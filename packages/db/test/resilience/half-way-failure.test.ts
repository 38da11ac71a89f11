import { isPortbookError, type PortbookError } from '@portbook/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocuments } from '../../src/import/index.ts';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../src/testing.ts';
import { everyTable, rows } from '../database-state.ts';
import { editions } from '../fixtures/documents.ts';
import { largeEdition, withRecordAt } from './large-documents.ts';

const RECORDS = 6_000;
/** Deep in the second document: the first document of the batch is already stored by then. */
const BAD_RECORD = 4_321;

async function failure(promise: Promise<unknown>): Promise<PortbookError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!isPortbookError(outcome))
    throw new Error(`expected a PortbookError, got ${String(outcome)}`);
  return outcome;
}

describe.each(TEST_DATABASE_KINDS)('an import that fails half-way, on %s', (kind) => {
  let test: TestDatabase;
  const large = largeEdition('2025-06-01', RECORDS);
  const next = largeEdition('2025-07-01', RECORDS, '-v2');

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await importDocuments(test.database, [editions['2024']]);
  }, 60_000);
  afterAll(async () => {
    await test?.drop();
  });

  it('refuses an impossible port deep in a document and changes nothing', async () => {
    const before = await everyTable(test.database);
    const bad = withRecordAt(next, BAD_RECORD, (record) => ({
      ...record,
      portRange: { low: 70_000, high: 70_000 },
    }));
    const error = await failure(importDocuments(test.database, [large, bad]));
    expect(error.code).toBe('PORT_OUT_OF_RANGE');
    expect(error.message).toContain(`record ${BAD_RECORD + 1}`);
    expect(await everyTable(test.database)).toEqual(before);
  }, 60_000);

  // On Postgres the importer inserts in chunks rather than COPY, which postgres.js leaves unsettled
  // when the server rejects it (porsager/postgres#1173): this would hang there otherwise.
  it('rolls back the documents already stored when the database refuses a row deep in a later one', async () => {
    const before = await everyTable(test.database);
    // Passes validation; Postgres text cannot hold NUL, so storing this document fails mid-batch.
    const bad = withRecordAt(next, BAD_RECORD, (record) => ({
      ...record,
      description: 'nul \u0000 inside',
    }));
    const error = await failure(importDocuments(test.database, [large, bad]));
    expect(error.code).toBe('IMPORT_FAILED');
    expect(error.message).toContain('nothing was changed');
    expect(await everyTable(test.database)).toEqual(before);
    const runs = await rows<{ status: string }>(
      test.database,
      'select status from sync_runs order by id desc limit 2',
    );
    expect(runs).toEqual([{ status: 'failed' }, { status: 'failed' }]);
  }, 60_000);

  it('imports the same batch once it is fixed, as if nothing had failed', async () => {
    const result = await importDocuments(test.database, [large, next]);
    expect(result.imported.map((source) => source.records)).toEqual([RECORDS, RECORDS]);
    const [current] = await rows<{ count: number }>(
      test.database,
      'select count(*)::int as count from assignments where valid_to is null',
    );
    expect(current?.count).toBe(RECORDS);
  }, 60_000);
});
