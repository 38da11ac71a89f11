import { rmSync } from 'node:fs';
import { createTestDatabase, type TestDatabase } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from './api-process.ts';
import { registryState, waitForRegistry } from './registry-watcher.ts';
import { startCli, tableDigests } from './sync-process.ts';
import { syntheticMirror } from './synthetic-mirror.ts';

const RECORDS = 5_000;
const EDITIONS = ['2025-06-01', '2025-09-01', '2026-01-01'];

describe('two portbook syncs started at once against one Postgres', () => {
  let test: TestDatabase;
  let reference: TestDatabase;
  let api: ApiProcess;
  let mirror: string;

  beforeAll(async () => {
    [test, reference] = await Promise.all([
      createTestDatabase('postgres'),
      createTestDatabase('postgres'),
    ]);
    api = await startApiProcess({ DATABASE_URL: test.url as string });
    mirror = syntheticMirror(EDITIONS, RECORDS);
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await Promise.all([test?.drop(), reference?.drop()]);
    if (mirror) rmSync(mirror, { recursive: true, force: true });
  });

  it('one imports, the other waits its turn or refuses with SYNC_IN_PROGRESS; nothing is duplicated', async () => {
    const sync = () => startCli(['sync', '--mirror', mirror], { DATABASE_URL: test.url as string });
    const runs = [sync(), sync()];
    const results = await Promise.all(runs.map((run) => run.exited));
    const outcomes = results.map(({ code }, index) => {
      const stderr = (runs[index]?.stderr ?? []).join('\n');
      if (code === 0) return 'synced';
      expect(stderr, 'a refused sync says why').toMatch(/^error \[SYNC_IN_PROGRESS\]/m);
      return 'refused';
    });
    expect(outcomes).toContain('synced');

    const once = startCli(['sync', '--mirror', mirror], { DATABASE_URL: reference.url as string });
    expect((await once.exited).code).toBe(0);
    const digests = await tableDigests(test.url as string);
    expect(digests.sources?.split(':')[0]).toBe(String(EDITIONS.length));
    expect(digests).toEqual(await tableDigests(reference.url as string));

    await waitForRegistry(api.url, (state) => state.updated === '2026-01-01');
    expect(await registryState(api.url)).toEqual({
      updated: '2026-01-01',
      recordCount: RECORDS,
      sourceCount: EDITIONS.length,
    });
  }, 180_000);
});
