import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mirrorFiles, readMirrorFile } from '@portbook/cli';
import { parseSource, type SourceDocument } from '@portbook/core';
import { createDatabase, importDocuments, migrate } from '@portbook/db';
import { createTestDatabase, type TestDatabaseKind } from '@portbook/db/testing';
import { type BenchSuite, type Measurement, sharedDataDir, timed } from './harness.ts';
import { plainCopy } from './import-baseline.ts';

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

async function openHistoryDatabase(kind: TestDatabaseKind) {
  if (kind === 'postgres') return createTestDatabase('postgres');
  const dataDir = mkdtempSync(join(tmpdir(), 'portbook-bench-'));
  const database = createDatabase({ url: undefined, dataDir });
  await migrate(database);
  return {
    database,
    drop: async () => {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every history document of the mirror, parsed and imported in one batch, as `sync` does (PGlite on disk). */
async function fullHistory(mirror: string, kind: TestDatabaseKind): Promise<Measurement[]> {
  const target = await openHistoryDatabase(kind);
  try {
    const files = mirrorFiles(mirror);
    const cpu = process.cpuUsage();
    const parsed = await timed(() =>
      files.map((path) => {
        const { origin, bytes } = readMirrorFile(path);
        return parseSource(bytes, origin);
      }),
    );
    const stored = await timed(() =>
      importDocuments(target.database, parsed.result, { via: 'mirror' }),
    );
    const records = parsed.result.reduce((sum, document) => sum + document.records.length, 0);
    const total = parsed.ms + stored.ms;
    const { user, system } = process.cpuUsage(cpu);
    const aim = kind === 'pglite' ? { aim: { text: 'under 20 s', met: total < 20_000 } } : {};
    return [
      {
        name: `parse ${files.length} history documents (${records} records)`,
        value: parsed.ms,
        unit: 'ms',
      },
      {
        name: `import them into ${kind} (${stored.result.timeline?.assignments} assignments)`,
        value: stored.ms,
        unit: 'ms',
      },
      { name: `full history from the mirror, ${kind}`, value: total, unit: 'ms', ...aim },
      // PGlite runs in this process, so its CPU time is the work itself, whatever else loads the machine.
      ...(kind === 'pglite'
        ? [
            {
              name: 'the same, CPU time of this process',
              value: (user + system) / 1000,
              unit: 'ms',
            },
          ]
        : []),
    ];
  } finally {
    await target.drop();
  }
}

const suite: BenchSuite = {
  title: 'import',
  async run(report) {
    const data = sharedDataDir();
    const path = join(data, 'iana/service-names-port-numbers.xml');
    const document = parseSource(new Uint8Array(readFileSync(path)), path);
    report(await xmlImport('pglite', document));
    report(await xmlImport('postgres', document));
    for (const kind of ['pglite', 'postgres'] as const) {
      for (const measurement of await fullHistory(data, kind)) report(measurement);
    }
  },
};
export default suite;
