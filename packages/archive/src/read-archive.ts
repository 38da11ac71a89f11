import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { PortbookError } from '@portbook/core';
import {
  type ArchiveEntry,
  type ArchiveIndex,
  PACK_DIR,
  readArchiveIndex,
} from './archive-index.ts';
import { tarZstFiles } from './tar-zst-entries.ts';

export interface ArchiveDocument {
  entry: ArchiveEntry;
  bytes: Uint8Array;
}

export interface ReadArchiveOptions {
  /** A directory holding `index.json` and the pack; default: the committed pack. */
  directory?: string;
  /** Only the documents this accepts are read out (the others are skipped, unbuffered). */
  select?: (entry: ArchiveEntry) => boolean;
}

/**
 * The pack's documents in pack order, one at a time, each checked against the sha256 and size
 * the index gives: a document that does not match is `ARCHIVE_CHECKSUM_MISMATCH`, a file the
 * index does not list or a listed one the pack lacks is `ARCHIVE_CORRUPT`.
 */
export async function* readArchive(
  options: ReadArchiveOptions = {},
): AsyncGenerator<ArchiveDocument> {
  const directory = options.directory ?? PACK_DIR;
  const index: ArchiveIndex = readArchiveIndex(directory);
  const pack = `${directory.replace(/\/+$/, '')}/${index.pack}`;
  if (!existsSync(pack))
    throw new PortbookError('SOURCE_UNAVAILABLE', `no archive pack at ${pack}`);
  const listed = new Map(index.documents.map((entry) => [entry.file, entry]));
  const select = options.select ?? (() => true);
  const expected = new Set(index.documents.filter(select).map(({ file }) => file));
  const wanted = (name: string) => {
    const entry = listed.get(name);
    if (!entry) {
      throw new PortbookError(
        'ARCHIVE_CORRUPT',
        `the pack holds ${name}, which its index does not list`,
        {
          location: pack,
        },
      );
    }
    return expected.has(name);
  };
  for await (const { name, bytes } of tarZstFiles(pack, wanted)) {
    const entry = listed.get(name) as ArchiveEntry;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== entry.sha256 || bytes.byteLength !== entry.bytes) {
      throw new PortbookError(
        'ARCHIVE_CHECKSUM_MISMATCH',
        `${name} in the pack does not match its index (sha256 ${sha256}, ${bytes.byteLength} bytes; index: ${entry.sha256}, ${entry.bytes} bytes)`,
        { location: pack },
      );
    }
    expected.delete(name);
    yield { entry, bytes };
  }
  if (expected.size > 0) {
    throw new PortbookError(
      'ARCHIVE_CORRUPT',
      `the pack lacks ${expected.size} documents its index lists (first: ${[...expected][0]})`,
      { location: pack },
    );
  }
}
