import { isPortbookError, type SourceDocument } from '@portbook/core';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../src/database.ts';
import { IMPORT_LOCK_KEY, importDocuments } from '../src/import/index.ts';
import { RECORD_SELECT, rowRecord } from '../src/import/record-columns.ts';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../src/testing.ts';
import { derivedByContent, everyTable, rows } from './database-state.ts';
import { editions, ianaDocument, record } from './fixtures/documents.ts';

const RESET = `truncate sources, record_versions, source_records, assignments, changes, name_links,
  people, sync_runs restart identity cascade`;

async function importError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isPortbookError(error)) throw new Error(`expected a PortbookError, got ${String(error)}`);
  return error;
}

describe.each(TEST_DATABASE_KINDS)('importDocuments on %s', (kind) => {
  let test: TestDatabase;
  let other: TestDatabase;

  beforeAll(async () => {
    [test, other] = await Promise.all([createTestDatabase(kind), createTestDatabase(kind)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([test?.drop(), other?.drop()]);
  });
  beforeEach(async () => {
    await rows(test.database, RESET);
    await rows(other.database, RESET);
  });

  const all = () => [editions['2024'], editions['2025'], editions['2026']];

  it('stores each document, its record versions once, and the current registry', async () => {
    const result = await importDocuments(test.database, all());
    expect(result.imported.map((source) => source.records)).toEqual([4, 5, 4]);
    expect(result.timeline?.sources).toBe(3);
    const [counts] = await rows<Record<string, number>>(
      test.database,
      `select (select count(*)::int from sources) as sources,
              (select sum(length)::int from source_records) as memberships,
              (select count(*)::int from record_versions) as versions`,
    );
    // ssh twice, x11, two gaps, airplay, portbook: each distinct content stored once.
    expect(counts).toEqual({ sources: 3, memberships: 13, versions: 7 });
    // The first document's versions are all new, so they take consecutive ids: one run.
    const [first] = await rows<{ runs: number }>(
      test.database,
      `select count(*)::int as runs from source_records where source_id = ${result.imported[0]?.sourceId}`,
    );
    expect(first?.runs).toBe(1);

    const current = await rows<Parameters<typeof rowRecord>[0]>(
      test.database,
      `select ${RECORD_SELECT} from assignments where valid_to is null order by position`,
    );
    expect(current.map(rowRecord)).toEqual(editions['2026'].records);
  });

  it('leaves no reference dangling though foreign keys are checked once per batch', async () => {
    await importDocuments(test.database, all());
    const dangling = (table: string, column: string, target: string) =>
      `(select count(*)::int from ${table} t where t.${column} is not null
          and not exists (select 1 from ${target} x where x.id = t.${column}))`;
    const [counts] = await rows(
      test.database,
      `select ${[
        dangling('source_records', 'version_id', 'record_versions'),
        dangling('source_records', 'source_id', 'sources'),
        dangling('assignments', 'version_id', 'record_versions'),
        dangling('assignments', 'first_source_id', 'sources'),
        dangling('assignments', 'last_source_id', 'sources'),
        dangling('changes', 'before_version_id', 'record_versions'),
        dangling('changes', 'after_version_id', 'record_versions'),
        dangling('changes', 'previous_source_id', 'sources'),
        dangling('name_links', 'source_id', 'sources'),
        dangling('people', 'source_id', 'sources'),
      ].join(' + ')} as dangling`,
    );
    expect(counts).toEqual({ dangling: 0 });
  });

  it('keeps every index of the derived tables, though a first load rebuilds them', async () => {
    const indexes = () =>
      rows(
        test.database,
        `select indexname, indexdef from pg_indexes
          where tablename in ('assignments', 'changes', 'name_links') order by indexname`,
      );
    const before = await indexes();
    expect(before.length).toBeGreaterThan(8);
    await importDocuments(test.database, [editions['2024']]);
    await importDocuments(test.database, [editions['2025']]);
    expect(await indexes()).toEqual(before);
  });

  it('records what changed between editions and keeps the newest details of each person', async () => {
    await importDocuments(test.database, all());
    const changes = await rows<{ kind: string; service_name: string | null; occurred: string }>(
      test.database,
      `select kind, service_name, occurred::text from changes
        where origin = 'diff' and previous_source_id is not null order by occurred, kind, service_name`,
    );
    expect(changes).toContainEqual({
      kind: 'added',
      service_name: 'portbook',
      occurred: '2025-01-13',
    });
    expect(changes).toContainEqual({
      kind: 'modified',
      service_name: 'ssh',
      occurred: '2025-01-13',
    });
    expect(changes).toContainEqual({
      kind: 'removed',
      service_name: 'airplay',
      occurred: '2026-08-17',
    });

    const people = await rows(
      test.database,
      `select p.id, p.name, s.published::text from people p join sources s on s.id = p.source_id order by p.id`,
    );
    expect(people).toEqual([
      { id: 'Apple', name: 'Apple DNS-SD', published: '2025-01-13' },
      { id: 'IETF', name: 'Internet Engineering Task Force', published: '2024-01-05' },
    ]);
  });

  it('changes nothing when the same documents are imported again', async () => {
    await importDocuments(test.database, all());
    const before = await everyTable(test.database);
    const again = await importDocuments(test.database, [editions['2025'], editions['2024']]);
    expect(again.imported).toEqual([]);
    expect(again.skipped).toHaveLength(2);
    expect(again.timeline).toBeNull();
    expect(await everyTable(test.database)).toEqual(before);
  });

  it('builds the same history whatever order the documents arrive in', async () => {
    await importDocuments(test.database, all());
    for (const year of ['2026', '2024', '2025'] as const) {
      await importDocuments(other.database, [editions[year]]);
    }
    const inOrder = await derivedByContent(test.database);
    expect(inOrder.assignments.length).toBeGreaterThan(4);
    expect(await derivedByContent(other.database)).toEqual(inOrder);
  });

  it('records every run in sync_runs, failed ones included', async () => {
    await importDocuments(test.database, [editions['2024']], { via: 'mirror' });
    await importError(
      importDocuments(test.database, [ianaDocument('2025-01-01', [record({ port: 70000 })])]),
    );
    const runs = await rows(
      test.database,
      'select via, status, sources_imported, finished_at is not null as finished from sync_runs order by id',
    );
    expect(runs).toEqual([
      { via: 'mirror', status: 'succeeded', sources_imported: 1, finished: true },
      { via: 'file', status: 'failed', sources_imported: 0, finished: true },
    ]);
  });

  const invalid: [string, SourceDocument, string][] = [
    [
      'a port of 70000',
      ianaDocument('2027-01-01', [record({ serviceName: 'big', port: 70000, protocol: 'tcp' })]),
      'PORT_OUT_OF_RANGE',
    ],
    [
      'an unknown protocol',
      ianaDocument('2027-01-01', [
        record({ serviceName: 'ping', port: 7, protocol: 'icmp' as never }),
      ]),
      'UNKNOWN_PROTOCOL',
    ],
    [
      'an impossible date',
      ianaDocument('2027-02-30', [record({ serviceName: 'ssh', port: 22 })]),
      'INVALID_DATE',
    ],
    [
      'an unknown kind of source',
      { ...editions['2026'], kind: 'nmap-services' as never, sha256: 'f'.repeat(64) },
      'UNSUPPORTED_FORMAT',
    ],
  ];

  it.each(invalid)(
    'rejects %s with its code and leaves every table unchanged',
    async (_, document, code) => {
      await importDocuments(test.database, [editions['2024']]);
      const before = await everyTable(test.database);
      const error = await importError(importDocuments(test.database, [editions['2025'], document]));
      expect(error.code).toBe(code);
      expect(error.message).toContain(document.origin);
      expect(await everyTable(test.database)).toEqual(before);
    },
  );

  it('rolls the whole batch back when the database refuses a row', async () => {
    await importDocuments(test.database, [editions['2024']]);
    const before = await everyTable(test.database);
    const nameless = {
      ...editions['2026'],
      people: [{ id: null as never, name: 'x', org: null, uri: null, updated: null }],
    };
    const error = await importError(importDocuments(test.database, [editions['2025'], nameless]));
    expect(error.code).toBe('IMPORT_FAILED');
    expect(await everyTable(test.database)).toEqual(before);
  });

  // Postgres only: a second connection holds the lock (PGlite has one connection, and a
  // session may take its own advisory lock again). Not registered on PGlite, rather
  // than reported skipped there.
  if (kind === 'postgres') {
    it('refuses to run while another import holds the lock', async () => {
      const holder = postgres(test.url as string, { max: 1, onnotice: () => {} });
      try {
        await holder.begin(async (sql) => {
          await sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`;
          const error = await importError(importDocuments(test.database, [editions['2024']]));
          expect(error.code).toBe('SYNC_IN_PROGRESS');
        });
      } finally {
        await holder.end();
      }
      expect(await rows(test.database, 'select id from sources')).toEqual([]);
    });
  }
});

describe('importDocuments without a database', () => {
  it('fails with DATABASE_UNAVAILABLE when Postgres cannot be reached', async () => {
    const database = createDatabase({ url: 'postgres://postgres@127.0.0.1:1/portbook' });
    try {
      const error = await importError(importDocuments(database, [editions['2024']]));
      expect(error.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await database.close();
    }
  });
});
