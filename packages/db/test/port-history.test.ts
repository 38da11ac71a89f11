import { describe, expect, it } from 'vitest';
import { importDocuments } from '../src/import/index.ts';
import { loadSnapshot } from '../src/snapshot/load-snapshot.ts';
import { createTestDatabase, TEST_DATABASE_KINDS } from '../src/testing.ts';
import { ianaDocument, record } from './fixtures/documents.ts';

const service = (port: number, description: string, protocol: 'tcp' | null) =>
  record({ port, protocol, description, status: 'assigned' });
const early = ['portRange', 'description', 'references'] as const;

/** RFC 349 (1972) lists Telnet on socket 1; RFC 739 (1977) Old Telnet on 1, New Telnet on 23. */
const ncp349 = {
  ...ianaDocument('1972-05-30', [service(1, 'Telnet', null)]),
  kind: 'rfc' as const,
  edition: 'ncp:349',
  fields: early,
};
const rfc739 = {
  ...ianaDocument('1977-11-01', [
    service(1, 'Old Telnet', 'tcp'),
    service(23, 'New Telnet', 'tcp'),
  ]),
  kind: 'rfc' as const,
  edition: 'rfc:739',
  fields: [...early, 'protocol' as const],
};

describe.each(TEST_DATABASE_KINDS)('port history on %s', (kind) => {
  it("shows Telnet's move from 1 to 23 on both ports", async () => {
    const { database, drop } = await createTestDatabase(kind);
    try {
      await importDocuments(database, [rfc739, ncp349]);
      const snapshot = await loadSnapshot(database);
      const moves = (port: number) =>
        snapshot
          .portChanges(port)
          .filter((change) => change.fields?.portRange)
          .map((change) => [change.occurred, change.fields?.portRange]);
      const move = ['1977-11-01', { before: { low: 1, high: 1 }, after: { low: 23, high: 23 } }];
      expect(moves(23)).toEqual([move]);
      expect(moves(1)).toEqual([move]);
      expect(snapshot.portChanges(1).some((change) => change.portLow === 23)).toBe(true);
      expect(snapshot.portHistory(1).length).toBeGreaterThan(snapshot.portHistory(2).length);
    } finally {
      await drop();
    }
  });
});
