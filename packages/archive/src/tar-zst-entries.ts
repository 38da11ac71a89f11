import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { constants, createZstdDecompress } from 'node:zlib';
import { isPortbookError, PortbookError } from '@portbook/core';
import { extract } from 'tar-stream';

/** The long window the pack is compressed with (`zstd --long=27`): a 128 MiB match distance. */
export const WINDOW_LOG = 27;

/** One file of a tar, whole: the pack's largest document is ~4 MB, so one at a time stays small. */
export interface TarFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * The files of a zstd-compressed tar, one at a time, decompressed as they are read: the pack
 * holds 1.7 GB of text and is never unpacked whole. `wanted` skips a file without buffering it.
 */
export async function* tarZstFiles(
  path: string,
  wanted: (name: string) => boolean = () => true,
): AsyncGenerator<TarFile> {
  const tar = extract();
  const decompress = createZstdDecompress({
    params: { [constants.ZSTD_d_windowLogMax]: WINDOW_LOG },
  });
  const feeding = pipeline(createReadStream(path), decompress, tar).catch((cause: unknown) => {
    tar.destroy(cause as Error);
    return cause;
  });
  try {
    for await (const entry of tar) {
      const { name, type } = entry.header;
      if (type !== 'file' || !wanted(name)) {
        entry.resume();
        continue;
      }
      const chunks: Uint8Array[] = [];
      for await (const chunk of entry) chunks.push(chunk as Uint8Array);
      yield { name, bytes: Buffer.concat(chunks) };
    }
  } catch (cause) {
    throw isPortbookError(cause) ? cause : unreadable(path, cause);
  } finally {
    tar.destroy();
  }
  const failure = await feeding;
  if (failure) throw unreadable(path, failure);
}

function unreadable(path: string, cause: unknown): PortbookError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new PortbookError('ARCHIVE_CORRUPT', `cannot read the pack: ${reason}`, {
    location: path,
    cause,
  });
}
