import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, createZstdCompress } from 'node:zlib';
import { PortbookError, parseSource } from '@portbook/core';
import { pack as tarPack } from 'tar-stream';
import { type ArchiveEntry, type ArchiveIndex, INDEX_FILE, PACK_FILE } from './archive-index.ts';
import { mirrorReleaseFiles, readReleaseRows } from './mirror-releases.ts';
import { ARCHIVE_RFCS, rfcEditorUrl } from './rfc-documents.ts';
import { WINDOW_LOG } from './tar-zst-entries.ts';

/** Level 17 with the long window: 0.83 MB in ~45 s here; level 19 saves 30 KB for three times the time. */
export const COMPRESSION_LEVEL = 17;

// Every header the same but name and size, so the same documents give the same bytes.
const FIXED_HEADER = {
  type: 'file',
  mode: 0o644,
  uid: 0,
  gid: 0,
  uname: '',
  gname: '',
  mtime: new Date(0),
} as const;

const PARSED_FORMATS = new Set(['port-numbers-text', 'rfc-assigned-numbers', 'rfc-ncp-sockets']);

/** How many records portbook's parsers read from a document, or null for prose it does not parse. */
function recordCount(entry: Omit<ArchiveEntry, 'records'>, bytes: Uint8Array): number | null {
  if (!PARSED_FORMATS.has(entry.format)) return null;
  return parseSource(bytes, entry.file).records.length;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Builds the pack and its index into `outDir` from a mirror laid out like the shared data
 * (`iana-releases/index.csv` with its tar or files, `rfc/rfcN.txt`): entries sorted by name with
 * fixed headers, checked against the mirror's sha256, compressed single-threaded, so the same
 * mirror gives the same bytes.
 */
export async function buildPack(mirror: string, outDir: string): Promise<ArchiveIndex> {
  const rows = new Map(readReleaseRows(mirror).map((row) => [row.file, row]));
  const documents: ArchiveEntry[] = [];
  const tar = tarPack();
  const compress = createZstdCompress({
    params: {
      [constants.ZSTD_c_compressionLevel]: COMPRESSION_LEVEL,
      [constants.ZSTD_c_windowLog]: WINDOW_LOG,
      [constants.ZSTD_c_enableLongDistanceMatching]: 1,
      [constants.ZSTD_c_nbWorkers]: 0,
    },
  });
  const partial = join(outDir, `${PACK_FILE}.partial`);
  const writing = pipeline(tar, compress, createWriteStream(partial));
  const add = (entry: ArchiveEntry, bytes: Uint8Array) => {
    const previous = documents.at(-1)?.file;
    if (previous !== undefined && previous >= entry.file) {
      throw new PortbookError('MALFORMED_SOURCE', `${entry.file} is out of name order`, {
        location: mirror,
      });
    }
    documents.push(entry);
    return new Promise<void>((resolve, reject) =>
      tar.entry({ ...FIXED_HEADER, name: entry.file }, Buffer.from(bytes), (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  };

  for await (const { name, bytes } of mirrorReleaseFiles(mirror)) {
    const row = rows.get(name);
    if (!row) continue;
    if (sha256(bytes) !== row.sha256) {
      throw new PortbookError('ARCHIVE_CHECKSUM_MISMATCH', `${name} does not match index.csv`, {
        location: mirror,
      });
    }
    const entry = {
      file: `iana-releases/${name}`,
      format: row.format,
      registryDate: row.registry_date,
      sha256: row.sha256,
      bytes: bytes.byteLength,
      origin: row.origin,
    };
    const records = row.records ? Number(row.records) : recordCount(entry, bytes);
    await add({ ...entry, records }, bytes);
    rows.delete(name);
  }
  if (rows.size > 0) {
    throw new PortbookError('SOURCE_UNAVAILABLE', `the mirror lacks ${[...rows.keys()][0]}`, {
      location: mirror,
    });
  }

  const rfcs = ARCHIVE_RFCS.map((rfc) => ({ ...rfc, file: `rfc/rfc${rfc.number}.txt` }))
    .filter(({ file }) => existsSync(join(mirror, file)))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
  for (const rfc of rfcs) {
    const bytes = readFileSync(join(mirror, rfc.file));
    const entry = {
      file: rfc.file,
      format: rfc.format,
      registryDate: rfc.date,
      sha256: sha256(bytes),
      bytes: bytes.byteLength,
      origin: rfcEditorUrl(rfc.number),
    };
    await add({ ...entry, records: recordCount(entry, bytes) }, bytes);
  }

  tar.finalize();
  await writing;
  const packPath = join(outDir, PACK_FILE);
  renameSync(partial, packPath);
  const packed = readFileSync(packPath);
  const index: ArchiveIndex = {
    pack: PACK_FILE,
    packSha256: sha256(packed),
    packBytes: packed.byteLength,
    documents,
  };
  writeFileSync(join(outDir, INDEX_FILE), formatIndex(index));
  return index;
}

/** One document per line, so a new release is a one-line diff. */
function formatIndex(index: ArchiveIndex): string {
  const { documents, ...pack } = index;
  const lines = documents.map((entry) => `    ${JSON.stringify(entry)}`);
  const head = JSON.stringify(pack, null, 2).replace(/\n}$/, '');
  return `${head},\n  "documents": [\n${lines.join(',\n')}\n  ]\n}\n`;
}
