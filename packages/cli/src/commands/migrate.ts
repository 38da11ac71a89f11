import type { Command } from 'commander';

export function migrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply the database migrations (also done by every other command)')
    .action(async () => {
      const { withDatabase } = await import('../open-database.ts');
      await withDatabase(async (database) => {
        process.stdout.write(`migrations applied (${database.kind})\n`);
      });
    });
}
