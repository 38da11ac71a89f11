import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncOffline } from '@portbook/cli/testing';
import { parseSource, type SourceDocument } from '@portbook/core';
import { importDocuments, sources } from '@portbook/db';
import { createTestDatabase, type TestDatabaseKind } from '@portbook/db/testing';
import { type BenchSuite, type Measurement, sharedDataDir, timed } from './harness.ts';
import { plainCopy } from './import-baseline.ts';
import {
  type HistoryDatabase,
  mebibytes,
  openHistoryDatabase,
  parseCold,
  parseFiles,
  releaseFiles,
} from './release-history.ts';
import { copyTables, dumpTables } from './table-copy.ts';

async function xmlImport(kind: TestDatabaseKind, document: SourceDocument): Promise<Measurement> {
  const target = await createTestDatabase(kind);
  const baseline = await createTestDatabase(kind);
  try {
    const { ms } = await timed(() => importDocuments(target.database, [document], { via: 'file' }));
    const copyMs = await plainCopy(baseline, document);
    return {
      name: `XML ${document.published} (${document.records.length} records) -> ${kind}`,
      value: ms,
      unit: 'ms',
      baseline: { name: 'plain COPY', value: copyMs },
      aim: { text: 'within 10x of plain COPY', met: ms <= 10 * copyMs },
    };
  } finally {
    await Promise.all([target.drop(), baseline.drop()]);
  }
}

async function timedImport(target: HistoryDatabase, documents: SourceDocument[]) {
  return timed(() => importDocuments(target.database, documents, { via: 'mirror' }));
}

/**
 * The whole packaged archive streamed into an empty database as a first `sync` (and so a first
 * `start`) does, offline: each document parsed as the import takes it; then the same sync again.
 */
async function fullArchive(kind: TestDatabaseKind): Promise<Measurement[]> {
  const target = await openHistoryDatabase(kind);
  const floor = await openHistoryDatabase(kind);
  try {
    const cpu = process.cpuUsage();
    const synced = await timed(() => syncOffline(target.database));
    const { user, system } = process.cpuUsage(cpu);
    const again = await timed(() => syncOffline(target.database));
    const copyMs = await copyTables(
      floor.database,
      await dumpTables(target.database, target.url),
      floor.url,
    );
    const limit = kind === 'pglite' ? 60_000 : 45_000;
    const measurements: Measurement[] = [
      {
        name: `the packaged archive synced offline into an empty ${kind}, parsing included (${synced.result.message})`,
        value: synced.ms,
        unit: 'ms',
        baseline: { name: 'plain COPY of the same rows', value: copyMs },
        aim: { text: `at most ${limit / 1000} s`, met: synced.ms <= limit },
      },
      // With PGlite the database works in this process; with Postgres this is the parse and client side.
      { name: '  the same, CPU time of this process', value: (user + system) / 1000, unit: 'ms' },
      {
        name: `the same sync again, nothing new (${again.result.message}), ${kind}`,
        value: again.ms,
        unit: 'ms',
        aim: { text: 'at most 3 s', met: again.ms <= 3_000 && !again.result.changed },
      },
    ];
    if (target.dataDir) {
      await target.database.close();
      const size = mebibytes(target.dataDir);
      measurements.push({
        name: 'PGlite data directory after syncing the archive',
        value: size,
        unit: 'MiB',
        aim: { text: 'at most 250 MiB', met: size <= 250 },
      });
    }
    return measurements;
  } finally {
    await Promise.all([target.drop(), floor.drop()]);
  }
}

/** A database holding every edition but the newest: the newest release added, then a sync that finds nothing new. */
async function weeklySync(kind: TestDatabaseKind, files: string[]): Promise<Measurement[]> {
  const target = await openHistoryDatabase(kind);
  const floor = await createTestDatabase(kind);
  try {
    const newest = files
      .filter((path) => path.endsWith('.xml'))
      .sort()
      .at(-1) as string;
    await importDocuments(target.database, parseFiles(files.filter((path) => path !== newest)), {
      via: 'mirror',
    });
    const cpu = process.cpuUsage();
    const added = await timed(async () => {
      const document = await parseCold(newest);
      return { document, result: await importDocuments(target.database, [document]) };
    });
    const { user, system } = process.cpuUsage(cpu);
    const document = added.result.document as SourceDocument;
    const copyMs = await plainCopy(floor, document);
    const all = parseFiles(files);
    const again = await timedImport(target, all);
    const { database } = target;
    const hashes = await timed(async () => {
      await database.db.select({ sha256: sources.sha256 }).from(sources);
    });
    return [
      {
        name: `release ${document.published} parsed and added to a database of every earlier edition, ${kind}`,
        value: added.ms,
        unit: 'ms',
        baseline: { name: 'plain COPY of its rows into an empty database', value: copyMs },
        aim: { text: 'at most 10 s', met: added.ms <= 10_000 },
      },
      // With PGlite the database works in this process (the parse thread's time counts too).
      { name: '  the same, CPU time of this process', value: (user + system) / 1000, unit: 'ms' },
      {
        name: `a sync of the ${all.length} stored documents that finds nothing new, ${kind}`,
        value: again.ms,
        unit: 'ms',
        baseline: { name: 'reading every stored sha256', value: hashes.ms },
        aim: { text: 'at most 3 s', met: again.ms <= 3_000 && again.result.imported.length === 0 },
      },
    ];
  } finally {
    await Promise.all([target.drop(), floor.drop()]);
  }
}

/** The figures `BENCH_IMPORT` names (comma-separated: `xml`, `archive`, `release`); all when unset. */
const FIGURES = new Set(
  (process.env.BENCH_IMPORT ?? 'xml,archive,release').split(',').map((name) => name.trim()),
);

const suite: BenchSuite = {
  title: 'import',
  async run(report) {
    const data = sharedDataDir();
    if (FIGURES.has('xml')) {
      const path = join(data, 'iana/service-names-port-numbers.xml');
      const document = parseSource(new Uint8Array(readFileSync(path)), path);
      report(await xmlImport('pglite', document));
      report(await xmlImport('postgres', document));
    }
    if (FIGURES.has('archive')) {
      for (const kind of ['pglite', 'postgres'] as const) {
        for (const measurement of await fullArchive(kind)) report(measurement);
      }
    }
    if (!FIGURES.has('release')) return;
    const { files, cleanup } = releaseFiles(data);
    try {
      for (const measurement of await weeklySync('pglite', files)) report(measurement);
    } finally {
      cleanup();
    }
  },
};
export default suite;
