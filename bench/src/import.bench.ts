import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mirrorFiles, readMirrorFile } from '@portbook/cli';
import { parseSource, recordFingerprint, type SourceDocument } from '@portbook/core';
import {
  createDatabase,
  type Database,
  importDocuments,
  migrate,
  RECORD_COLUMNS,
  recordValues,
  withImportSession,
} from '@portbook/db';
import { createTestDatabase, type TestDatabaseKind } from '@portbook/db/testing';
import { type BenchSuite, type Measurement, sharedDataDir, timed } from './harness.ts';

/**
 * The floor for loading a document: its records, memberships, people and one assignment per
 * record COPYed into the same tables, in one transaction, with ids and fingerprints made up front.
 */
async function plainCopy(database: Database, document: SourceDocument): Promise<number> {
  const fingerprints = document.records.map(recordFingerprint);
  const versionIds = new Map<string, number>();
  const versions: unknown[][] = [];
  fingerprints.forEach((fingerprint, index) => {
    if (versionIds.has(fingerprint)) return;
    versionIds.set(fingerprint, versionIds.size + 1);
    versions.push([
      versionIds.size,
      fingerprint,
      ...recordValues(document.records[index] as never),
    ]);
  });
  const { ms } = await timed(() =>
    withImportSession(database, async (session) => {
      await session.query(`set local session_replication_role = replica`);
      await session.query(
        `insert into sources (id, kind, edition, title, published, origin, sha256, record_count, fields)
         values (1, $1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          document.kind,
          document.edition,
          document.title,
          document.published,
          document.origin,
          document.sha256,
          document.records.length,
          [...document.fields],
        ],
      );
      await session.copyIn(
        'record_versions',
        ['id', 'fingerprint', ...RECORD_COLUMNS],
        versions as never,
      );
      await session.copyIn(
        'source_records',
        ['source_id', 'version_id', 'position'],
        fingerprints.map((fingerprint, position) => [1, versionIds.get(fingerprint), position]),
      );
      await session.copyIn(
        'people',
        ['id', 'name', 'org', 'uri', 'updated', 'source_id'],
        document.people.map((person) => [
          person.id,
          person.name,
          person.org,
          person.uri,
          person.updated,
          1,
        ]),
      );
      await session.copyIn(
        'assignments',
        [
          'id',
          'version_id',
          'lineage',
          ...RECORD_COLUMNS,
          'first_source_id',
          'last_source_id',
          'valid_from',
          'position',
        ],
        document.records.map((record, position) => {
          const fingerprint = fingerprints[position] as string;
          return [
            `${fingerprint}:${position}`,
            versionIds.get(fingerprint),
            fingerprint,
            ...recordValues(record),
            1,
            1,
            document.published,
            position,
          ];
        }),
      );
    }),
  );
  return ms;
}

async function xmlImport(kind: TestDatabaseKind, document: SourceDocument): Promise<Measurement> {
  const target = await createTestDatabase(kind);
  const baseline = await createTestDatabase(kind);
  try {
    const { ms } = await timed(() => importDocuments(target.database, [document], { via: 'file' }));
    const copyMs = await plainCopy(baseline.database, document);
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

/** Every history document of the mirror, parsed and imported into an on-disk PGlite, as `sync` does. */
async function fullHistory(mirror: string): Promise<Measurement[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portbook-bench-'));
  const database = createDatabase({ url: undefined, dataDir });
  try {
    await migrate(database);
    const files = mirrorFiles(mirror);
    const parsed = await timed(() =>
      files.map((path) => {
        const { origin, bytes } = readMirrorFile(path);
        return parseSource(bytes, origin);
      }),
    );
    const stored = await timed(() => importDocuments(database, parsed.result, { via: 'mirror' }));
    const records = parsed.result.reduce((sum, document) => sum + document.records.length, 0);
    const total = parsed.ms + stored.ms;
    return [
      {
        name: `parse ${files.length} history documents (${records} records)`,
        value: parsed.ms,
        unit: 'ms',
      },
      {
        name: `import them into PGlite (${stored.result.timeline?.assignments} assignments)`,
        value: stored.ms,
        unit: 'ms',
      },
      {
        name: 'full history from the mirror, PGlite',
        value: total,
        unit: 'ms',
        aim: { text: 'under 20 s', met: total < 20_000 },
      },
    ];
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
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
    for (const measurement of await fullHistory(data)) report(measurement);
  },
};
export default suite;
