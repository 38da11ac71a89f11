import type { Command } from 'commander';
import { optionalDate } from '../arguments.ts';
import { formatLookup } from '../lookup/format-lookup.ts';
import { lookup, matched, searchesWords } from '../lookup/lookup-result.ts';
import { openSnapshot } from '../registry/open-snapshot.ts';
import { textOptions, writeJson } from '../terminal/output.ts';

const EXAMPLES = `
Examples:
  portbook 22                      a port: records, class, software defaults, browsers
  portbook 6000-6010               a range
  portbook kerberos                a service name (any case, former names too)
  portbook "kerberos admin"        words of names and descriptions
  portbook ollama                  software defaults (unofficial)
  portbook 23 --at 1985-01-01      the registry as it stood that day
  portbook 443 --json              for scripts

Exits 1 when no record and no software default matches.`;

export function lookupCommand(program: Command): void {
  program
    .command('lookup', { isDefault: true })
    .description('a port, a range, a service name or words: what the registry says (the default)')
    .argument('<query...>', 'PORT, LOW-HIGH, a service name or words')
    .option('--at <date>', 'read the registry as it stood on this day (YYYY-MM-DD)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (words: string[], options: { at?: string; json?: boolean }) => {
      const query = words.join(' ');
      const at = optionalDate(options.at);
      const snapshot = await openSnapshot({ searchWords: searchesWords(query) });
      const result = lookup(snapshot, query, at);
      if (options.json) writeJson(result);
      else process.stdout.write(formatLookup(result, textOptions()));
      if (!matched(result)) process.exitCode = 1;
    });
}
