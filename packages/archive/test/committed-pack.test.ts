import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource } from '@portbook/core';
import { sharedDataDir } from '@portbook/core/testing';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { PACK_DIR, readArchiveIndex } from '../src/archive-index.ts';
import { readArchive } from '../src/read-archive.ts';

const REGISTRY_FORMATS = new Set([
  'iana-xml',
  'port-numbers-text',
  'rfc-assigned-numbers',
  'rfc-ncp-sockets',
]);
const index = readArchiveIndex();

// The pack is committed, so this runs on a fresh clone without ../shared.
describe('the committed pack', () => {
  it('stays under 2 MiB and matches the sha256 its index gives', () => {
    const pack = readFileSync(join(PACK_DIR, index.pack));
    expect(pack.byteLength).toBeLessThan(2 * 1024 * 1024);
    expect(pack.byteLength).toBe(index.packBytes);
    expect(createHash('sha256').update(pack).digest('hex')).toBe(index.packSha256);
  });

  it('holds every edition from the NCP socket lists of 1972 to the registry of 2026', () => {
    const count = (format: string) => index.documents.filter((d) => d.format === format).length;
    expect(count('iana-xml')).toBe(450);
    expect(count('port-numbers-text')).toBe(10);
    expect(count('rfc-assigned-numbers')).toBe(19);
    expect(count('rfc-ncp-sockets')).toBe(3);
    const dates = index.documents.map((d) => d.registryDate).sort();
    expect([dates[0], dates.at(-1)]).toEqual(['1971-08-05', '2026-08-17']);
  });

  it('reads out every document, checked, and each registry document parses to its record count', async () => {
    let read = 0;
    for await (const { entry, bytes } of readArchive()) {
      read++;
      if (!REGISTRY_FORMATS.has(entry.format)) continue;
      const document = parseSource(bytes, entry.file);
      expect(document.records.length, entry.file).toBe(entry.records);
      if (entry.format === 'iana-xml' || entry.format === 'port-numbers-text') {
        expect(document.edition, entry.file).toBe(`iana:${entry.registryDate}`);
      }
    }
    expect(read).toBe(index.documents.length);
  });
});

describe.runIf(sharedDataDir())('the committed pack against the shared data', () => {
  it('lists every release of iana-releases/index.csv with its sha256 and origin', () => {
    const csv = readFileSync(join(sharedDataDir() as string, 'iana-releases', 'index.csv'));
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const listed = new Map(index.documents.map((d) => [d.file, d]));
    for (const row of rows) {
      expect(listed.get(`iana-releases/${row.file}`), row.file).toMatchObject({
        sha256: row.sha256,
        origin: row.origin,
        registryDate: row.registry_date,
      });
    }
  });
});
