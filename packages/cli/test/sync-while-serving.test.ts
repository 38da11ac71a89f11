import { createDatabase, type Database, migrate } from '@portbook/db';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthzDuringSync, percentile } from '../src/testing.ts';
import { buildMirror } from './mirror.ts';
import { ARCHIVE_SUBSET } from './run-cli.ts';

// The full mirror's figures are in bench/src/sync-health.bench.ts; this is the same path on the fixtures.
describe.each(TEST_DATABASE_KINDS)('a sync while serving, on %s', (kind) => {
  let database: Database;
  let test: TestDatabase | undefined;

  beforeAll(async () => {
    if (kind === 'postgres') {
      test = await createTestDatabase('postgres');
      database = test.database;
    } else {
      // As `start` opens it: the embedded database in a worker thread.
      database = createDatabase({ url: undefined, dataDir: 'memory://', worker: true });
      await migrate(database);
    }
  }, 120_000);
  afterAll(async () => {
    await (test ? test.drop() : database?.close());
  });

  it('imports in a worker thread, refreshes the registry once, and /healthz keeps answering', async () => {
    const options = { mirror: buildMirror(), offline: true, archiveUntil: ARCHIVE_SUBSET };
    const run = await healthzDuringSync(database, options);
    expect(run.said.join('\n')).toMatch(
      /^synced from the archive: 3, the mirror .*: 5: 8 documents imported/,
    );
    expect(run.synced?.changed).toBe(true);
    expect(run.refreshes).toBe(1);
    expect(run.latenciesMs.length).toBeGreaterThan(3);
    expect(run.failures).toEqual([]);
    expect(percentile(run.latenciesMs, 0.99)).toBeLessThan(100);

    const again = await healthzDuringSync(database, { ...options, mirror: buildMirror() });
    expect(again.synced?.changed).toBe(false);
    expect(again.refreshes).toBe(0);
  });
});
