import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PortbookError } from '@portbook/core';

/**
 * What a document in the pack is: a registry edition (`iana-xml`, `port-numbers-text`), an
 * Assigned Numbers RFC (1977–1994), an NCP socket list (RFC 349, 433, 503; 1972–1973), or an
 * RFC quoted for what it states (RFC 204 and 322 on socket 1; RFC 3232, 6335, 7605 on ranges).
 */
export const ARCHIVE_FORMATS = [
  'iana-xml',
  'port-numbers-text',
  'rfc-assigned-numbers',
  'rfc-ncp-sockets',
  'rfc-statement',
] as const;
export type ArchiveFormat = (typeof ARCHIVE_FORMATS)[number];

/** One document of the pack, as the index lists it. */
export interface ArchiveEntry {
  /** Path inside the pack: `iana-releases/2026-08-17.xml`, `rfc/rfc739.txt`. */
  file: string;
  format: ArchiveFormat;
  /** The registry's own date (`<updated>`), or the RFC's date of publication. */
  registryDate: string;
  sha256: string;
  bytes: number;
  /** Records the document states, when portbook's parsers read it; null for prose. */
  records: number | null;
  /** Where the bytes are public: `owner/repo@commit:path`, or the RFC Editor's URL. */
  origin: string;
}

export interface ArchiveIndex {
  /** File name of the pack beside the index. */
  pack: string;
  packSha256: string;
  packBytes: number;
  /** In pack order (sorted by file name). */
  documents: ArchiveEntry[];
}

export const INDEX_FILE = 'index.json';
export const PACK_FILE = 'portbook-archive.tar.zst';

/** The directory of the committed pack and its index. */
export const PACK_DIR = fileURLToPath(new URL('../pack/', import.meta.url));

/** The index of a pack directory (the committed one by default). */
export function readArchiveIndex(directory: string = PACK_DIR): ArchiveIndex {
  const path = `${directory.replace(/\/+$/, '')}/${INDEX_FILE}`;
  if (!existsSync(path)) {
    throw new PortbookError('SOURCE_UNAVAILABLE', `no archive index at ${path}`);
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ArchiveIndex;
  } catch (cause) {
    throw new PortbookError('ARCHIVE_CORRUPT', 'the archive index is not valid JSON', {
      location: path,
      cause,
    });
  }
}
