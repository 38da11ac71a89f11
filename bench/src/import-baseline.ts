import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { recordFingerprint, type SourceDocument } from '@portbook/core';
import { copyText, RECORD_COLUMNS, recordValues } from '@portbook/db';
import type { TestDatabase } from '@portbook/db/testing';
import postgres from 'postgres';
import { timed } from './harness.ts';

interface TableCopy {
  table: string;
  columns: readonly string[];
  rows: unknown[][];
}

const copySql = ({ table, columns }: TableCopy, from: string) =>
  `copy ${table} (${columns.map((column) => `"${column}"`).join(', ')}) from ${from}`;

/** Runs of consecutive versions, as the importer stores a document's membership. */
function membershipRuns(versions: number[]): unknown[][] {
  const runs: unknown[][] = [];
  let start = 0;
  for (let position = 1; position <= versions.length; position++) {
    const first = versions[start] as number;
    if (position < versions.length && versions[position] === first + position - start) continue;
    runs.push([1, first, start, position - start]);
    start = position;
  }
  return runs;
}

/** The document's rows as the importer's tables hold them, ids and fingerprints made up front. */
function documentRows(document: SourceDocument): TableCopy[] {
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
  const source = [
    1,
    document.kind,
    document.edition,
    document.title,
    document.published,
    document.origin,
    document.sha256,
    document.records.length,
    `{${document.fields.join(',')}}`,
  ];
  return [
    {
      table: 'sources',
      columns: [
        'id',
        'kind',
        'edition',
        'title',
        'published',
        'origin',
        'sha256',
        'record_count',
        'fields',
      ],
      rows: [source],
    },
    { table: 'record_versions', columns: ['id', 'fingerprint', ...RECORD_COLUMNS], rows: versions },
    {
      table: 'source_records',
      columns: ['source_id', 'version_id', 'position', 'length'],
      rows: membershipRuns(
        fingerprints.map((fingerprint) => versionIds.get(fingerprint) as number),
      ),
    },
    {
      table: 'people',
      columns: ['id', 'name', 'org', 'uri', 'updated', 'source_id'],
      rows: document.people.map((p) => [p.id, p.name, p.org, p.uri, p.updated, 1]),
    },
    {
      table: 'assignments',
      columns: [
        'id',
        'version_id',
        'lineage',
        ...RECORD_COLUMNS,
        'first_source_id',
        'last_source_id',
        'valid_from',
        'position',
      ],
      rows: document.records.map((record, position) => {
        const fingerprint = fingerprints[position] as string;
        const versionId = versionIds.get(fingerprint);
        return [
          `${fingerprint}:${position}`,
          versionId,
          fingerprint,
          ...recordValues(record),
          1,
          1,
          document.published,
          position,
        ];
      }),
    },
  ];
}

/**
 * The floor for loading a document: its source, records, memberships, people and one assignment
 * per record COPYed into the same tables of a fresh database, in one transaction, foreign-key
 * triggers off as in the importer. Returns the milliseconds the COPYs took.
 */
export async function plainCopy(target: TestDatabase, document: SourceDocument): Promise<number> {
  const tables = documentRows(document);
  const { database } = target;
  if (database.kind === 'pglite') {
    const { ms } = await timed(() =>
      database.client.transaction(async (tx) => {
        await tx.query('set local session_replication_role = replica');
        for (const table of tables) {
          const blob = new Blob([copyText(table.rows as never)]);
          await tx.query(copySql(table, `'/dev/blob'`), [], { blob });
        }
      }),
    );
    return ms;
  }
  const sql = postgres(target.url as string, { max: 1, onnotice: () => {} });
  try {
    await sql`select 1`;
    const { ms } = await timed(() =>
      sql.begin(async (tx) => {
        await tx.unsafe('set local session_replication_role = replica');
        for (const table of tables) {
          const stream = await tx.unsafe(copySql(table, 'stdin')).writable();
          await pipeline(Readable.from([copyText(table.rows as never)]), stream);
        }
      }),
    );
    return ms;
  } finally {
    await sql.end();
  }
}
