import type { Command } from 'commander';
import { formatHistory } from '../history/format-history.ts';
import { historyOf } from '../history/history-result.ts';
import { openSnapshot } from '../registry/open-snapshot.ts';
import { textOptions, writeJson } from '../terminal/output.ts';

const EXAMPLES = `
Examples:
  portbook history 15          every record that held port 15, 1972 to today
  portbook history whoispp     a service under each of its names (whois++ too)
  portbook history 6010 --json

Exits 1 when the registry has no history for it.`;

export function historyCommand(program: Command): void {
  program
    .command('history')
    .description(
      'the timeline of a port or a service: dated changes and the documents showing them',
    )
    .argument('<port-or-name>', 'a PORT or a service name')
    .option('--json', 'print the events as JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (query: string, options: { json?: boolean }) => {
      const history = historyOf(await openSnapshot(), query);
      if (options.json) writeJson(history);
      else process.stdout.write(formatHistory(history, textOptions()));
      if (history.events.length === 0) process.exitCode = 1;
    });
}
