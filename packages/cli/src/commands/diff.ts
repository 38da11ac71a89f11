import { parseDate, todayDate } from '@portbook/core/reader';
import type { Command } from 'commander';
import { formatDiff } from '../diff/format-diff.ts';
import { registryDiff } from '../diff/registry-diff.ts';
import { openSnapshot } from '../registry/open-snapshot.ts';
import { textOptions, writeJson } from '../terminal/output.ts';

const EXAMPLES = `
Examples:
  portbook diff 2025-01-01 2026-01-01    what changed during 2025
  portbook diff 2026-06-01               since June (up to today)
  portbook diff 1990-01-01 1995-01-01 --json`;

export function diffCommand(program: Command): void {
  program
    .command('diff')
    .description(
      'what changed in the registry between two dates: added, removed, modified, renamed',
    )
    .argument('<from>', 'the registry as it stood on this day (YYYY-MM-DD)')
    .argument('[to]', 'compared with this day (default today)')
    .option('--json', 'print the changes as JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (from: string, to: string | undefined, options: { json?: boolean }) => {
      const [since, until] = [parseDate(from), to === undefined ? todayDate() : parseDate(to)];
      const diff = registryDiff(await openSnapshot(), since, until);
      if (options.json) writeJson(diff);
      else process.stdout.write(formatDiff(diff, textOptions()));
    });
}
