import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ianaDocument, record } from '../../test/fixtures/documents.ts';
import { importDocuments } from '../import/index.ts';
import { loadSiteCatalog } from '../queries/catalog-load.ts';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing.ts';
import { loadSnapshot, loadSnapshotRows } from './load-snapshot.ts';

const OLDER = ianaDocument('2020-01-08', [
  record({
    serviceName: 'ssh',
    port: 22,
    protocol: 'tcp',
    description: 'SSH Remote Login Protocol',
  }),
  record({
    port: [6000, 6063],
    protocol: 'tcp',
    serviceName: 'x11',
    description: 'X Window System',
  }),
]);
const NEWER = ianaDocument(
  '2026-08-17',
  [
    record({
      serviceName: 'ssh',
      port: 22,
      protocol: 'tcp',
      description: 'The Secure Shell (SSH) Protocol',
      assignee: 'IESG',
    }),
    record({
      port: [6000, 6063],
      protocol: 'tcp',
      serviceName: 'x11',
      description: 'X Window System',
    }),
    record({ serviceName: 'airplay', description: 'Apple AirPlay' }),
    // Every character COPY's text format escapes, and an empty string beside nulls.
    record({
      serviceName: 'escapes',
      port: 49000,
      protocol: 'udp',
      description: 'tab\there, newline\nthere, cr\r, back\\slash \\N, \b\f\v, é ☃ 𝄞',
      notes: '',
      references: [{ type: 'uri', data: 'http://x/?a="b"&c=\\d', text: 'a\tquote "q"' }],
    }),
  ],
  [{ id: 'IESG', name: null, org: 'IESG', uri: 'mailto:iesg&ietf.org', updated: '2020-01-01' }],
);

describe.each(TEST_DATABASE_KINDS)('loadSnapshot on %s', (kind) => {
  let test: TestDatabase;
  const statements: string[] = [];

  beforeAll(async () => {
    test = await createTestDatabase(kind, { onQuery: (sql) => statements.push(sql) });
    await importDocuments(test.database, [OLDER, NEWER]);
  });
  afterAll(() => test.drop());

  it('reads every row in a handful of statements, exactly as drizzle selects them', async () => {
    statements.length = 0;
    const rows = await loadSnapshotRows(test.database.db, { batchSize: 2 });
    // Version, sources, 3 + 3 batches (PGlite: one COPY each), links, people, classes, last
    // sync, and the transaction's own.
    expect(statements.length).toBeLessThanOrEqual(16);
    if (kind === 'pglite') {
      expect(statements.filter((statement) => statement.startsWith('copy (select'))).toHaveLength(
        3,
      );
    }
    const catalog = await loadSiteCatalog(test.database.db);
    const byId = <T extends { id: string }>(list: readonly T[]) =>
      [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(rows.assignments)).toEqual(byId(catalog.assignments));
    expect(byId(rows.changes)).toEqual(byId(catalog.changes));
    expect(rows.people).toEqual(catalog.people);
    expect(rows.rangeClasses.length).toBeGreaterThan(5);
    const escapes = rows.assignments.find((row) => row.serviceName === 'escapes');
    expect(escapes?.description).toBe(
      'tab\there, newline\nthere, cr\r, back\\slash \\N, \b\f\v, é ☃ 𝄞',
    );
    expect(escapes?.notes).toBe('');
    expect(escapes?.assigneeId).toBeNull();
    expect(escapes?.references).toEqual([
      { type: 'uri', data: 'http://x/?a="b"&c=\\d', text: 'a\tquote "q"' },
    ]);
  });

  it('reads an empty registry as no rows', async () => {
    const empty = await createTestDatabase(kind);
    try {
      const rows = await loadSnapshotRows(empty.database.db);
      expect([rows.assignments, rows.changes, rows.people, rows.sources]).toEqual([[], [], [], []]);
    } finally {
      await empty.drop();
    }
  });

  it('builds a snapshot that answers what the database holds', async () => {
    const snapshot = await loadSnapshot(test.database);
    expect(snapshot.assignmentsAt(6010).map((a) => a.serviceName)).toEqual(['x11']);
    expect(snapshot.assignmentsAt(22)[0]?.description).toBe('The Secure Shell (SSH) Protocol');
    expect(snapshot.service('AIRPLAY')?.name).toBe('airplay');
    expect(snapshot.person('IESG')?.org).toBe('IESG');
    expect(snapshot.registry.latest?.published).toBe('2026-08-17');
    expect(snapshot.rangeClassOf(22)?.id).toBe('rfc6335-system');
  });
});
