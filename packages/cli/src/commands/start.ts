import type { Command } from 'commander';
import { type SyncOptions, withSourceOptions } from './sync.ts';

export function startCommand(program: Command): void {
  withSourceOptions(
    program
      .command('start')
      .description('migrate, sync when the database is empty, build the site if missing, serve'),
  ).action(async (options: SyncOptions) => {
    // Loaded here: the server, the database and the sync would slow every other command's start-up.
    const { start } = await import('./serve.ts');
    await start(options);
  });
}
