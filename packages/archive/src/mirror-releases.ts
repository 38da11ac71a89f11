import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PortbookError } from '@portbook/core';
import { parse } from 'csv-parse/sync';
import { type TarFile, tarZstFiles } from './tar-zst-entries.ts';

/** A row of a mirror's `iana-releases/index.csv`. */
export interface ReleaseRow {
  file: string;
  format: 'iana-xml' | 'port-numbers-text';
  registry_date: string;
  sha256: string;
  bytes: string;
  records: string;
  origin: string;
}

export function readReleaseRows(mirror: string): ReleaseRow[] {
  const path = join(mirror, 'iana-releases', 'index.csv');
  if (!existsSync(path)) {
    throw new PortbookError('SOURCE_UNAVAILABLE', `${path} is missing: not a release mirror`);
  }
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true }) as ReleaseRow[];
}

/**
 * The release files of a mirror in name order: from its `iana-releases.tar.zst`, else from the
 * files themselves in `iana-releases/`.
 */
export async function* mirrorReleaseFiles(mirror: string): AsyncGenerator<TarFile> {
  const directory = join(mirror, 'iana-releases');
  const packed = join(directory, 'iana-releases.tar.zst');
  if (existsSync(packed)) {
    yield* tarZstFiles(packed);
    return;
  }
  const names = readdirSync(directory)
    .filter((name) => /\.(xml|port-numbers\.txt)$/.test(name))
    .sort();
  for (const name of names) yield { name, bytes: readFileSync(join(directory, name)) };
}
