import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthzDuringSync, percentile } from '@portbook/cli/testing';
import { createDatabase, type Database, migrate } from '@portbook/db';
import { createTestDatabase } from '@portbook/db/testing';
import { type BenchSuite, type Measurement, sharedDataDir } from './harness.ts';

/** An empty, migrated database as `portbook start` opens it (`worker`), or in this thread. */
async function emptyDatabase(kind: 'pglite' | 'postgres', worker: boolean) {
  if (kind === 'postgres') return createTestDatabase('postgres');
  const dataDir = mkdtempSync(join(tmpdir(), 'portbook-bench-'));
  const database: Database = createDatabase({ url: undefined, dataDir, worker });
  await migrate(database);
  return {
    database,
    drop: async () => {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `/healthz` polled every 20 ms while a full `sync --mirror` of the shared data runs in the serving process. */
async function p99DuringSync(kind: 'pglite' | 'postgres', worker: boolean) {
  const target = await emptyDatabase(kind, worker);
  try {
    const run = await healthzDuringSync(target.database, { mirror: sharedDataDir() });
    if (!run.synced?.changed) throw new Error(`the sync failed: ${run.said.join('; ')}`);
    const p99 = percentile(run.latenciesMs, 0.99);
    const max = Math.max(...run.latenciesMs);
    const failed = run.failures.length
      ? `, ${run.failures.length} failed (${run.failures[0]})`
      : '';
    process.stderr.write(
      `  ${kind}${worker ? '' : ' in-thread'}: sync ${(run.syncMs / 1000).toFixed(1)} s, ${run.latenciesMs.length} probes${failed}, p50 ${percentile(run.latenciesMs, 0.5).toFixed(1)} ms, max ${max.toFixed(0)} ms\n`,
    );
    return { p99, failures: run.failures.length };
  } finally {
    await target.drop();
  }
}

const suite: BenchSuite = {
  title: 'sync while serving',
  async run(report) {
    // The baseline is the embedded database as it was: in the serving thread, sync there too.
    const inThread = await p99DuringSync('pglite', false);
    for (const kind of ['pglite', 'postgres'] as const) {
      const { p99, failures } = await p99DuringSync(kind, true);
      const measurement: Measurement = {
        name: `/healthz p99 during a full sync --mirror, ${kind}${kind === 'pglite' ? ' in a worker thread' : ', sync in a worker thread'}`,
        value: p99,
        unit: 'ms',
        baseline: { name: 'PGlite and sync in the serving thread', value: inThread.p99 },
        aim: { text: 'p99 under 100 ms', met: p99 < 100 },
      };
      report(measurement);
      report({
        name: `/healthz probes without an answer during that sync, ${kind} (PGlite and sync in the serving thread: ${inThread.failures})`,
        value: failures,
        unit: 'probes',
        aim: { text: 'none', met: failures === 0 },
      });
    }
  },
};
export default suite;
