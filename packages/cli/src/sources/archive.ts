import { type ArchiveEntry, readArchive } from '@portbook/archive';
import { parseSource, type SourceDocument } from '@portbook/core';
import type { Progress } from '../progress.ts';

/** The pack's documents that state records; the prose RFCs (204, 322, 3232 …) are quoted, not imported. */
const REGISTRY_FORMATS = new Set<ArchiveEntry['format']>([
  'iana-xml',
  'port-numbers-text',
  'rfc-assigned-numbers',
  'rfc-ncp-sockets',
]);

export interface ArchiveOptions {
  /** Only documents dated on or before this day (a subset for tests and quick starts). */
  until: string | undefined;
}

/**
 * Every registry document of the packaged archive (1972 to the pack's newest release), parsed
 * one at a time as the pack streams; each is stored with its public origin.
 */
export async function archiveDocuments(
  options: ArchiveOptions,
  progress: Progress,
): Promise<SourceDocument[]> {
  const until = options.until;
  const select = (entry: ArchiveEntry) =>
    REGISTRY_FORMATS.has(entry.format) && (until === undefined || entry.registryDate <= until);
  const documents: SourceDocument[] = [];
  for await (const { entry, bytes } of readArchive({ select })) {
    progress.step(`parse archive ${documents.length + 1}: ${entry.file}`);
    documents.push(parseSource(bytes, entry.origin));
  }
  return documents;
}
