import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ASSIGNED_NUMBERS_RFC_NUMBERS, parseSource, type SourceDocument } from '@portbook/core';
import { createDatabase, type Database, migrate } from '@portbook/db';
import { createTestDatabase, type TestDatabaseKind } from '@portbook/db/testing';

/** Every IANA release and text edition of the archive, and the Assigned Numbers RFCs: the files `sync` reads. */
export function releaseFiles(data: string): { files: string[]; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'portbook-releases-'));
  // Unpacking is not measured: the archive package streams the same documents out of the pack.
  execFileSync('sh', [
    '-c',
    `zstd -q -d --long=27 -c "$1" | tar -x -C "$2"`,
    'unpack',
    join(data, 'iana-releases/iana-releases.tar.zst'),
    dir,
  ]);
  const releases = readdirSync(dir)
    .sort()
    .map((name) => join(dir, name));
  const rfcs = ASSIGNED_NUMBERS_RFC_NUMBERS.map((n) => join(data, 'rfc', `rfc${n}.txt`));
  return { files: [...releases, ...rfcs], cleanup: () => rmSync(dir, { recursive: true }) };
}

export function parseFiles(files: string[]): SourceDocument[] {
  return files.map((path) => parseSource(new Uint8Array(readFileSync(path)), path));
}

/** Parses one file in a new worker thread, as a process that has read no other release would. */
export function parseCold(path: string): Promise<SourceDocument> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { workerData: path });
    worker.once('message', (document: SourceDocument) => {
      resolve(document);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

export interface HistoryDatabase {
  database: Database;
  /** PGlite's data directory; undefined for Postgres. */
  dataDir: string | undefined;
  /** The Postgres connection string; undefined for PGlite. */
  url: string | undefined;
  drop(): Promise<void>;
}

/** PGlite on disk, as `./dev start` uses it; Postgres as a throwaway test database. */
export async function openHistoryDatabase(kind: TestDatabaseKind): Promise<HistoryDatabase> {
  if (kind === 'postgres') {
    const test = await createTestDatabase('postgres');
    return { database: test.database, dataDir: undefined, url: test.url, drop: test.drop };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'portbook-bench-'));
  const database = createDatabase({ url: undefined, dataDir });
  await migrate(database);
  return {
    database,
    dataDir,
    url: undefined,
    drop: async () => {
      const closed = database.kind === 'pglite' && database.client.closed;
      if (!closed) await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Mebibytes on disk under a directory. */
export function mebibytes(dir: string): number {
  return Number(execFileSync('du', ['-sk', dir]).toString().split('\t')[0]) / 1024;
}
