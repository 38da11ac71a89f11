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

// `portbook 0-65535 | head`: the reader has all it wanted once it closes the pipe.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const program = new Command('portbook')
  .description('every TCP/UDP/SCTP/DCCP port number: today, in history, and by range')
  .exitOverride()
  .showHelpAfterError()
  .addHelpText(
    'after',
    `
Examples:
  portbook 22                           a port: records, class, software defaults, browsers
  portbook 6000-6010                    a range
  portbook kerberos                     a service name, or words of descriptions
  portbook free 8000-9000 --min 4       free blocks of at least 4 ports
  portbook history 15                   the timeline of a port or a service
  portbook diff 2025-01-01 2026-01-01   what changed in the registry in 2025

\`portbook <command> --help\` for a command's options.`,
  );

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
  // Bare `portbook` would run the default command without a query: show every command instead.
  if (process.argv.length <= 2) program.help({ error: true });
  await program.parseAsync(process.argv);
} catch (error) {
  // Commander has already printed its own usage errors (and help/version output, exit code 0).
  process.exitCode =
    error instanceof CommanderError ? error.exitCode : reportError(error, cliEnv().debug);
}
