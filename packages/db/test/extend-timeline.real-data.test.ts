import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ASSIGNED_NUMBERS_RFC_NUMBERS,
  NCP_SOCKET_LIST_RFC_NUMBERS,
  parseSource,
  type SourceDocument,
} from '@portbook/core';
import { sharedDataDir } from '@portbook/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocuments } from '../src/import/index.ts';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../src/testing.ts';
import { derivedByContent } from './database-state.ts';

const data = sharedDataDir();

/** The RFCs, the dated snapshots (text, then XML) and, newest, the 2026-08-17 registry. */
function historyFiles(dir: string): string[] {
  const snapshots = join(dir, 'iana-snapshots');
  return [
    ...[...NCP_SOCKET_LIST_RFC_NUMBERS, ...ASSIGNED_NUMBERS_RFC_NUMBERS]
      .map((n) => join(dir, 'rfc', `rfc${n}.txt`))
      .filter((path) => existsSync(path)),
    ...readdirSync(snapshots)
      .sort()
      .map((name) => join(snapshots, name)),
    join(dir, 'iana/service-names-port-numbers.xml'),
  ];
}

describe.runIf(data).each(TEST_DATABASE_KINDS)('the real registry history on %s', (kind) => {
  let documents: SourceDocument[];
  let test: TestDatabase;
  let other: TestDatabase;

  beforeAll(async () => {
    documents = historyFiles(data as string).map((path) =>
      parseSource(new Uint8Array(readFileSync(path)), path),
    );
    [test, other] = await Promise.all([createTestDatabase(kind), createTestDatabase(kind)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([test?.drop(), other?.drop()]);
  });

  it('extends it by the 2026-08-17 registry to the rows a rebuild of every document gives', async () => {
    const newest = documents.at(-1) as SourceDocument;
    expect(newest.published).toBe('2026-08-17');
    await importDocuments(test.database, documents.slice(0, -1));
    const added = await importDocuments(test.database, [newest]);
    await importDocuments(other.database, documents);
    expect(added.timeline?.extended).toBe(true);
    const rebuilt = await derivedByContent(other.database);
    expect(rebuilt.changes.length).toBeGreaterThan(30_000);
    expect(await derivedByContent(test.database)).toEqual(rebuilt);
  }, 600_000);
});
