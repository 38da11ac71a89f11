import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseIanaXml } from '@portbook/core';
import { importDocuments } from '@portbook/db';
import { createTestDatabase, type TestDatabase } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from './api-process.ts';
import { watchRegistry } from './registry-watcher.ts';
import { startCli, tableDigests } from './sync-process.ts';
import { registryXml, syntheticMirror } from './synthetic-mirror.ts';

const RECORDS = 8_000;
const LOADED = { updated: '2025-01-13', recordCount: 3_000, sourceCount: 1 };
const SYNCED = { updated: '2026-01-01', recordCount: RECORDS, sourceCount: 4 };

/** Every recorded run, oldest first. */
async function syncRuns(test: TestDatabase): Promise<{ status: string; message: string | null }[]> {
  if (test.database.kind !== 'postgres') throw new Error('postgres only');
  const runs = await test.database.client.unsafe(
    'select status, message from sync_runs order by id',
  );
  return runs.map(({ status, message }) => ({ status, message }));
}

/** Backends of this database still inside a transaction: the killed client's until Postgres notices. */
async function openTransactions(test: TestDatabase): Promise<number> {
  if (test.database.kind !== 'postgres') throw new Error('postgres only');
  const [row] = await test.database.client.unsafe(
    `select count(*)::int as open from pg_stat_activity
      where datname = current_database() and xact_start is not null and pid <> pg_backend_pid()`,
  );
  return Number(row?.open);
}

describe('portbook sync killed with SIGKILL in the middle of an import, on postgres', () => {
  let test: TestDatabase;
  let api: ApiProcess;
  let mirror: string;

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    const loaded = registryXml(LOADED.updated, LOADED.recordCount);
    await importDocuments(test.database, [
      parseIanaXml(new TextEncoder().encode(loaded), 'loaded.xml'),
    ]);
    api = await startApiProcess({ DATABASE_URL: test.url as string });
    mirror = syntheticMirror(['2025-06-01', '2025-09-01', SYNCED.updated], RECORDS);
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await test?.drop();
    if (mirror) rmSync(mirror, { recursive: true, force: true });
  });

  it('leaves the previous complete registry, which the API serves throughout; the next sync completes', async () => {
    const env = { DATABASE_URL: test.url as string };
    const before = await tableDigests(test.url as string);
    const watcher = watchRegistry(api.url);

    const sync = startCli(['sync', '--mirror', mirror], env);
    // By the second document the transaction has stored the first: the kill lands mid-import.
    await sync.line(/^store 2\/3 /);
    sync.child.kill('SIGKILL');
    expect((await sync.exited).signal).toBe('SIGKILL');
    for (let waited = 0; (await openTransactions(test)) > 0 && waited < 600; waited++)
      await sleep(100);
    expect(await openTransactions(test)).toBe(0);
    expect(await tableDigests(test.url as string)).toEqual(before);
    // The killed process could not record its end.
    expect((await syncRuns(test)).map((run) => run.status)).toEqual(['succeeded', 'running']);
    await sleep(1_500);
    const duringCrash = [...watcher.seen];

    const again = startCli(['sync', '--mirror', mirror], env);
    const { code } = await again.exited;
    expect(code, again.stderr.join('\n')).toBe(0);
    expect(again.stdout.join('')).toMatch(/3 documents imported/);
    // The next sync, finding the import lock free, closed the killed one's run.
    expect(await syncRuns(test)).toMatchObject([
      { status: 'succeeded' },
      { status: 'failed', message: 'interrupted' },
      { status: 'succeeded' },
    ]);
    const seen = await watcher.stopOnceSeen((state) => state.updated === SYNCED.updated);

    expect(duringCrash.length).toBeGreaterThan(10);
    expect(duringCrash.every((state) => JSON.stringify(state) === JSON.stringify(LOADED))).toBe(
      true,
    );
    const firstNew = seen.findIndex((state) => state.updated === SYNCED.updated);
    expect(firstNew, 'the API serves the synced registry').toBeGreaterThanOrEqual(0);
    expect(
      seen.slice(0, firstNew).every((state) => JSON.stringify(state) === JSON.stringify(LOADED)),
    ).toBe(true);
    expect(seen.slice(firstNew)).toEqual(seen.slice(firstNew).map(() => SYNCED));
  }, 300_000);
});
