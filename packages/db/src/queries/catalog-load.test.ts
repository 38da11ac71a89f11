import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ianaDocument, record } from '../../test/fixtures/documents.ts';
import { importDocuments } from '../import/index.ts';
import { assignments, changes, people } from '../schema.ts';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing.ts';
import { loadSiteCatalog } from './catalog-load.ts';

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
      references: [{ type: 'rfc', data: 'rfc4251' }],
      assignee: 'IESG',
      registered: '2006-01-01',
    }),
    record({
      port: [6000, 6063],
      protocol: 'tcp',
      serviceName: 'x11',
      description: 'X Window System',
    }),
    record({ serviceName: 'airplay', description: 'Apple AirPlay' }),
  ],
  [{ id: 'IESG', name: null, org: 'IESG', uri: 'mailto:iesg&ietf.org', updated: '2020-01-01' }],
);

describe.each(TEST_DATABASE_KINDS)('loadSiteCatalog on %s', (kind) => {
  let test: TestDatabase;
  const statements: string[] = [];

  beforeAll(async () => {
    test = await createTestDatabase(kind, { onQuery: (sql) => statements.push(sql) });
    await importDocuments(test.database, [OLDER, NEWER]);
  });
  afterAll(() => test.drop());

  it('reads every era of every record, the changes and the documents, in a handful of statements', async () => {
    statements.length = 0;
    const catalog = await loadSiteCatalog(test.database.db);
    expect(statements.length).toBeLessThanOrEqual(10);
    expect(catalog.sources.map((s) => s.published)).toEqual(['2020-01-08', '2026-08-17']);
    const ssh = catalog.assignments.filter((a) => a.serviceName === 'ssh');
    expect(ssh.map((a) => [a.description, a.validFrom, a.validTo])).toEqual([
      ['SSH Remote Login Protocol', '2020-01-08', '2026-08-17'],
      ['The Secure Shell (SSH) Protocol', '2026-08-17', null],
    ]);
    expect(catalog.assignments.find((a) => a.serviceName === 'airplay')?.portLow).toBeNull();
    expect(catalog.changes.map((c) => [c.kind, c.serviceName, c.occurred])).toEqual(
      expect.arrayContaining([
        ['modified', 'ssh', '2026-08-17'],
        ['added', 'airplay', '2026-08-17'],
      ]),
    );
    expect(catalog.registry.latest?.published).toBe('2026-08-17');
  });

  it('reads rows through JSON exactly as drizzle selects them', async () => {
    const catalog = await loadSiteCatalog(test.database.db);
    const db = test.database.db;
    const byId = <T extends { id: string }>(rows: T[]) =>
      [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(catalog.assignments)).toEqual(byId(await db.select().from(assignments)));
    expect(byId(catalog.changes)).toEqual(byId(await db.select().from(changes)));
    expect(catalog.people).toEqual(await db.select().from(people).orderBy(asc(people.id)));
  });
});
