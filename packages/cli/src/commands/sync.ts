import type { Command } from 'commander';

export interface SyncOptions {
  mirror?: string;
  offline?: boolean;
  /** False with `--no-archive`. */
  archive?: boolean;
  archiveUntil?: string;
}

/** The options `sync` and `start` share. */
export function withSourceOptions(command: Command): Command {
  return command
    .option('--mirror <dir>', 'a directory laid out like the source mirror (or PORTBOOK_MIRROR)')
    .option('--offline', 'do not use the network (or PORTBOOK_OFFLINE=1)')
    .option('--no-archive', 'leave the packaged archive out (or PORTBOOK_ARCHIVE=0)')
    .option(
      '--archive-until <date>',
      'only archive documents dated up to YYYY-MM-DD (or PORTBOOK_ARCHIVE_UNTIL)',
    );
}

export function syncCommand(program: Command): void {
  withSourceOptions(
    program
      .command('sync')
      .description(
        'load the registry and its history: the packaged archive, then iana.org when online, then a mirror',
      ),
  ).action(async (options: SyncOptions) => {
    // Loaded here: the database and the parsers would slow every other command's start-up.
    const [{ sync }, { Progress }] = await Promise.all([
      import('./sync-into.ts'),
      import('../progress.ts'),
    ]);
    process.stdout.write(`${await sync(options, new Progress())}\n`);
  });
}
