import { type ArchiveEntry, readArchive, readArchiveIndex } from '@portbook/archive';
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
  /**
   * The database's stored documents: sha256 to `kind/edition`. The index gives each entry's
   * sha256, the same as its parsed document's (the pack holds plain bytes), so stored entries
   * are not read out of the pack nor parsed.
   */
  stored: ReadonlyMap<string, string>;
}

/** The archive's registry documents: those already stored by key, the others to stream. */
export interface ArchiveSelection {
  /** `kind/edition` of each selected entry the database already holds. */
  storedKeys: string[];
  /** How many selected entries are to be read and parsed. */
  toRead: number;
  /** Each entry still to store, parsed as the pack streams past it (the pack is not opened when none is). */
  documents(): AsyncGenerator<SourceDocument>;
}

/** Every registry document of the packaged archive (1972 to the pack's newest release), with its public origin. */
export function archiveDocuments(options: ArchiveOptions, progress: Progress): ArchiveSelection {
  const { until, stored } = options;
  const selected = readArchiveIndex().documents.filter(
    (entry) =>
      REGISTRY_FORMATS.has(entry.format) && (until === undefined || entry.registryDate <= until),
  );
  const toRead = new Set(
    selected.filter((entry) => !stored.has(entry.sha256)).map((entry) => entry.file),
  );
  return {
    storedKeys: selected.flatMap((entry) => stored.get(entry.sha256) ?? []),
    toRead: toRead.size,
    async *documents() {
      if (toRead.size === 0) return;
      let count = 0;
      for await (const { entry, bytes } of readArchive({ select: (e) => toRead.has(e.file) })) {
        progress.step(`parse archive ${++count}/${toRead.size}: ${entry.file}`);
        yield parseSource(bytes, entry.origin);
      }
    },
  };
}
