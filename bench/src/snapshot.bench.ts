import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mirrorFiles, readMirrorFile } from '@portbook/cli';
import { buildRegistrySnapshot, parseSource } from '@portbook/core';
import { importDocuments, loadSiteCatalog, loadSnapshotRows } from '@portbook/db';
import { createTestDatabase, type TestDatabaseKind } from '@portbook/db/testing';
import { type BenchSuite, type Measurement, sharedDataDir, timed } from './harness.ts';

const mib = (bytes: number) => bytes / 2 ** 20;

/**
 * The registry snapshot over the full history (every mirror document): reading its rows against
 * reading the same tables in one statement each (the site's catalog), building it, the heap it
 * keeps, and the longest the event loop waited meanwhile.
 */
async function snapshotOf(mirror: string, kind: TestDatabaseKind): Promise<Measurement[]> {
  const test = await createTestDatabase(kind);
  try {
    const documents = mirrorFiles(mirror).map((path) => {
      const { origin, bytes } = readMirrorFile(path);
      return parseSource(bytes, origin);
    });
    await importDocuments(test.database, documents, { via: 'mirror' });
    const baseline = await timed(() => loadSiteCatalog(test.database.db));
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const rows = await timed(() => loadSnapshotRows(test.database.db));
    const built = await timed(() => buildRegistrySnapshot(rows.result));
    delay.disable();
    globalThis.gc?.();
    const heap = mib(process.memoryUsage().heapUsed - heapBefore);
    const stall = delay.max / 1e6;
    const count = `${rows.result.assignments.length} assignments, ${rows.result.changes.length} changes`;
    built.result.port(6010);
    return [
      {
        name: `read the snapshot's rows, ${kind} (${count})`,
        value: rows.ms,
        unit: 'ms',
        baseline: { name: 'one statement per table', value: baseline.ms },
      },
      {
        name: `build the snapshot, ${kind}`,
        value: built.ms,
        unit: 'ms',
        aim: { text: 'read and built in 3 s', met: rows.ms + built.ms <= 3000 },
      },
      { name: `heap the snapshot keeps, ${kind}`, value: heap, unit: 'MiB' },
      {
        name: `longest event-loop stall while loading, ${kind}`,
        value: stall,
        unit: 'ms',
        aim: { text: 'under 100 ms (/healthz answers meanwhile)', met: stall < 100 },
      },
    ];
  } finally {
    await test.drop();
  }
}

const suite: BenchSuite = {
  title: 'snapshot',
  async run(report) {
    const data = sharedDataDir();
    for (const kind of ['postgres', 'pglite'] as const) {
      for (const measurement of await snapshotOf(data, kind)) report(measurement);
    }
  },
};
export default suite;
