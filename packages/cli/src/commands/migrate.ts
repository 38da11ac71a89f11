import type { Command } from 'commander';
import { withDatabase } from '../open-database.ts';

export function migrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply the database migrations (also done by every other command)')
    .action(async () => {
      await withDatabase(async (database) => {
        process.stdout.write(`migrations applied (${database.kind})\n`);
      });
    });
}
