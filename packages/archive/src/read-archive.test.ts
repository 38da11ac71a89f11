import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPortbookError } from '@portbook/core';
import { afterAll, describe, expect, it } from 'vitest';
import { readArchiveIndex } from './archive-index.ts';
import { buildPack } from './build-pack.ts';
import { readArchive } from './read-archive.ts';

const sha256 = async (bytes: Uint8Array) =>
  Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');

const made: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

/** A mirror of two releases and one RFC, laid out like the shared data (loose files, no tar). */
async function smallMirror(): Promise<string> {
  const mirror = tempDir('portbook-mirror-');
  const releases = join(mirror, 'iana-releases');
  mkdirSync(releases);
  mkdirSync(join(mirror, 'rfc'));
  const xml = (date: string) =>
    `<?xml version="1.0"?><registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers"><updated>${date}</updated></registry>\n`;
  const files: [string, string][] = [
    ['2020-01-01.xml', xml('2020-01-01')],
    ['2021-01-01.xml', xml('2021-01-01')],
  ];
  const rows = ['file,format,registry_date,sha256,bytes,records,origin'];
  for (const [name, text] of files) {
    const bytes = new TextEncoder().encode(text);
    writeFileSync(join(releases, name), bytes);
    rows.push(
      `${name},iana-xml,${name.slice(0, 10)},${await sha256(bytes)},${bytes.length},0,x/y@0:a.xml`,
    );
  }
  writeFileSync(join(releases, 'index.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(mirror, 'rfc', 'rfc204.txt'), 'Request for Comments: 204\n\nSockets in use\n');
  return mirror;
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('buildPack and readArchive', () => {
  const ready = smallMirror();

  it('builds the same bytes twice from the same mirror', async () => {
    const mirror = await ready;
    const [first, second] = [tempDir('portbook-pack-'), tempDir('portbook-pack-')];
    await buildPack(mirror, first);
    await buildPack(mirror, second);
    expect(readFileSync(join(first, 'portbook-archive.tar.zst'))).toEqual(
      readFileSync(join(second, 'portbook-archive.tar.zst')),
    );
    expect(readFileSync(join(first, 'index.json'), 'utf8')).toBe(
      readFileSync(join(second, 'index.json'), 'utf8'),
    );
  });

  it('indexes each document with its date, sha256, size and origin, in name order', async () => {
    const out = tempDir('portbook-pack-');
    await buildPack(await ready, out);
    const index = readArchiveIndex(out);
    expect(
      index.documents.map(({ file, format, registryDate, origin }) => [
        file,
        format,
        registryDate,
        origin,
      ]),
    ).toEqual([
      ['iana-releases/2020-01-01.xml', 'iana-xml', '2020-01-01', 'x/y@0:a.xml'],
      ['iana-releases/2021-01-01.xml', 'iana-xml', '2021-01-01', 'x/y@0:a.xml'],
      [
        'rfc/rfc204.txt',
        'rfc-statement',
        '1971-08-05',
        'https://www.rfc-editor.org/rfc/rfc204.txt',
      ],
    ]);
    const read = [];
    for await (const { entry, bytes } of readArchive({ directory: out })) {
      read.push([entry.file, await sha256(bytes)]);
    }
    expect(read).toEqual(index.documents.map(({ file, sha256: hash }) => [file, hash]));
  });

  it('reads only the selected documents', async () => {
    const out = tempDir('portbook-pack-');
    await buildPack(await ready, out);
    const files = [];
    for await (const { entry } of readArchive({
      directory: out,
      select: ({ registryDate }) => registryDate >= '2021-01-01',
    })) {
      files.push(entry.file);
    }
    expect(files).toEqual(['iana-releases/2021-01-01.xml']);
  });

  it('refuses a document whose bytes do not match the index, with a stable code', async () => {
    const out = tempDir('portbook-pack-');
    await buildPack(await ready, out);
    const indexPath = join(out, 'index.json');
    const index = JSON.parse(readFileSync(indexPath, 'utf8'));
    index.documents[1].sha256 = '0'.repeat(64);
    writeFileSync(indexPath, JSON.stringify(index));
    const error = await (async () => {
      for await (const _ of readArchive({ directory: out })) {
        // reading is the test
      }
    })().catch((caught: unknown) => caught);
    expect(isPortbookError(error) && error.code).toBe('ARCHIVE_CHECKSUM_MISMATCH');
    expect(String(error)).toContain('iana-releases/2021-01-01.xml');
  });

  it('refuses a damaged pack as ARCHIVE_CORRUPT', async () => {
    const out = tempDir('portbook-pack-');
    await buildPack(await ready, out);
    const packPath = join(out, 'portbook-archive.tar.zst');
    const bytes = readFileSync(packPath);
    writeFileSync(packPath, bytes.subarray(0, bytes.length - 12));
    const error = await (async () => {
      for await (const _ of readArchive({ directory: out })) {
        // reading is the test
      }
    })().catch((caught: unknown) => caught);
    expect(isPortbookError(error) && error.code).toBe('ARCHIVE_CORRUPT');
  });
});
