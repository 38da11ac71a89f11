import type { Command } from 'commander';
import { blockLength, optionalDate, protocolsOf, requirePortOrRange } from '../arguments.ts';
import { formatFree } from '../free/format-free.ts';
import { freePorts } from '../free/free-ports.ts';
import { openSnapshot } from '../registry/open-snapshot.ts';
import { textOptions, writeJson } from '../terminal/output.ts';

const EXAMPLES = `
A port is free when no assigned or reserved record claims it (the API's rule).

Examples:
  portbook free                         free blocks among the User Ports 1024-49151
  portbook free 8000-9000 --min 4       blocks of at least 4 free ports
  portbook free 8080 --web              the free port nearest 8080 that browsers allow
  portbook free 5000-6000 --protocol udp

Exits 1 when no free port matches.`;

interface FreeOptions {
  min?: string;
  protocol?: string[];
  web?: boolean;
  at?: string;
  json?: boolean;
}

export function freeCommand(program: Command): void {
  program
    .command('free')
    .description('free blocks of ports, and the free port nearest to a port')
    .argument('[ports]', 'LOW-HIGH to search (default 1024-49151), or a PORT to look near')
    .option('--min <n>', 'only blocks of at least n free ports')
    .option(
      '--protocol <protocol>',
      'free on this protocol (tcp, udp, sctp, dccp; repeat or comma-separate)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--web', 'skip ports browsers refuse (for a service reached over HTTP)')
    .option('--at <date>', 'the registry as it stood on this day (YYYY-MM-DD)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', EXAMPLES)
    .action(async (ports: string | undefined, options: FreeOptions) => {
      const range = ports === undefined ? undefined : requirePortOrRange(ports);
      const single = range !== undefined && !/\D/.test(ports?.trim() ?? '');
      const query = {
        within: single ? undefined : range,
        near: single ? range?.low : undefined,
        minLength: blockLength(options.min),
        protocols: protocolsOf(options.protocol),
        web: options.web ?? false,
        at: optionalDate(options.at),
      };
      const result = freePorts(await openSnapshot(), query);
      if (options.json) writeJson(result);
      else process.stdout.write(formatFree(result, textOptions()));
      if (result.nearestFree === null) process.exitCode = 1;
    });
}
