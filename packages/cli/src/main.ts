#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { diffCommand } from './commands/diff.ts';
import { freeCommand } from './commands/free.ts';
import { historyCommand } from './commands/history.ts';
import { importCommand } from './commands/import.ts';
import { lookupCommand } from './commands/lookup.ts';
import { migrateCommand } from './commands/migrate.ts';
import { startCommand } from './commands/start.ts';
import { statsCommand } from './commands/stats.ts';
import { syncCommand } from './commands/sync.ts';
import { cliEnv } from './env.ts';
import { reportError } from './report-error.ts';

const program = new Command('portbook')
  .description('every TCP/UDP/SCTP/DCCP port number: today, in history, and by range')
  .exitOverride()
  .showHelpAfterError();

for (const register of [
  lookupCommand,
  freeCommand,
  historyCommand,
  diffCommand,
  migrateCommand,
  syncCommand,
  importCommand,
  statsCommand,
  startCommand,
]) {
  register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commander has already printed its own usage errors (and help/version output, exit code 0).
  process.exitCode =
    error instanceof CommanderError ? error.exitCode : reportError(error, cliEnv().debug);
}
