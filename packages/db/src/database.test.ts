import { describe, expect, it } from 'vitest';
import { rangeClasses } from './schema.ts';
import { createTestDatabase, TEST_DATABASE_KINDS } from './testing.ts';

describe.each(TEST_DATABASE_KINDS)('database on %s', (kind) => {
  it('applies the migrations twice without error and seeds the RFC 6335 classes', async () => {
    const { database, drop } = await createTestDatabase(kind);
    try {
      const { migrate } = await import('./migrate.ts');
      await migrate(database);
      const rows = await database.db.select().from(rangeClasses).orderBy(rangeClasses.low);
      expect(
        rows
          .filter((r) => r.scheme === 'iana' && r.validTo === null)
          .map((r) => [r.name, r.low, r.high]),
      ).toEqual([
        ['System Ports', 0, 1023],
        ['User Ports', 1024, 49151],
        ['Dynamic Ports', 49152, 65535],
      ]);
    } finally {
      await drop();
    }
  });
});
