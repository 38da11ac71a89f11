import { isPortbookError, type SourceDocument } from '@portbook/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocuments } from '../../src/import/index.ts';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../src/testing.ts';
import { derivedByContent, rows } from '../database-state.ts';
import { editions } from '../fixtures/documents.ts';
import { largeEdition } from './large-documents.ts';

const RESET = `truncate sources, record_versions, source_records, assignments, changes, name_links,
  people, sync_runs restart identity cascade`;

/** Each import either completes or is refused with SYNC_IN_PROGRESS; anything else fails the test. */
async function outcomes(imports: Promise<unknown>[]): Promise<string[]> {
  const settled = await Promise.allSettled(imports);
  return settled.map((result) => {
    if (result.status === 'fulfilled') return 'imported';
    if (isPortbookError(result.reason) && result.reason.code === 'SYNC_IN_PROGRESS')
      return 'refused';
    throw result.reason;
  });
}

describe.each(TEST_DATABASE_KINDS)('imports started at the same time, on %s', (kind) => {
  let test: TestDatabase;
  let reference: TestDatabase;
  const batch: SourceDocument[] = [
    editions['2024'],
    largeEdition('2025-06-01', 4_000),
    largeEdition('2025-07-01', 4_000, '-v2'),
  ];

  beforeAll(async () => {
    [test, reference] = await Promise.all([createTestDatabase(kind), createTestDatabase(kind)]);
    await importDocuments(reference.database, batch);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([test?.drop(), reference?.drop()]);
  });

  it('the same batch twice: one imports, the other is refused or finds it stored, no duplicates', async () => {
    await rows(test.database, RESET);
    const results = await outcomes([
      importDocuments(test.database, batch),
      importDocuments(test.database, batch),
    ]);
    expect(results).toContain('imported');
    const [counts] = await rows<{ sources: number; hashes: number; runs: number }>(
      test.database,
      `select count(*)::int as sources, count(distinct sha256)::int as hashes,
              (select count(*)::int from sync_runs where status = 'running') as runs from sources`,
    );
    expect(counts).toEqual({ sources: batch.length, hashes: batch.length, runs: 0 });
    expect(await derivedByContent(test.database)).toEqual(
      await derivedByContent(reference.database),
    );
  }, 60_000);

  it('different documents at once: whatever was refused imports on retry, same history as one import', async () => {
    await rows(test.database, RESET);
    const parts = [[batch[0]], [batch[1]], [batch[2]]] as SourceDocument[][];
    const results = await outcomes(parts.map((part) => importDocuments(test.database, part)));
    expect(results).toContain('imported');
    for (const [index, result] of results.entries()) {
      if (result === 'refused')
        await importDocuments(test.database, parts[index] as SourceDocument[]);
    }
    expect(await derivedByContent(test.database)).toEqual(
      await derivedByContent(reference.database),
    );
  }, 60_000);
});
