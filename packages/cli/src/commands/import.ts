import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PortbookError } from '@portbook/core/reader';
import type { Command } from 'commander';
import { cliEnv } from '../env.ts';
import type { FetchedDocument } from '../sources/fetched-document.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (!DAY.test(date) || Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(date)) {
    throw new PortbookError('INVALID_DATE', `--date ${date} is not a YYYY-MM-DD date`);
  }
  return date;
}

async function readInput(input: string): Promise<FetchedDocument> {
  if (/^https?:\/\//i.test(input)) {
    const { fetchDocument } = await import('../sources/network.ts');
    return fetchDocument(input, cliEnv().fetchTimeoutMs);
  }
  const path = resolve(input);
  if (!existsSync(path)) throw new PortbookError('SOURCE_UNAVAILABLE', `no such file: ${input}`);
  return { origin: path, bytes: new Uint8Array(readFileSync(path)) };
}

export function importCommand(program: Command): void {
  program
    .command('import')
    .description(
      'import one document: IANA XML or CSV, a port-numbers text file, an Assigned Numbers RFC',
    )
    .argument('<file-or-url>', 'a path or an http(s) URL (gzip is detected)')
    .option(
      '--date <YYYY-MM-DD>',
      'the registry date of a document that does not state one (the CSV)',
    )
    .action(async (input: string, options: { date?: string }) => {
      const published = checkDate(options.date);
      // Loaded here: the database and the parsers would slow every other command's start-up.
      const [{ withDatabase }, { Progress }, { parseDocuments }, { recordingFailure, runImport }] =
        await Promise.all([
          import('../open-database.ts'),
          import('../progress.ts'),
          import('../sources/parse-documents.ts'),
          import('./run-import.ts'),
        ]);
      const progress = new Progress();
      const via = /^https?:\/\//i.test(input) ? 'network' : 'file';
      const summary = await withDatabase(async (database) => {
        const documents = await recordingFailure(database, via, async () => {
          const fetched = await readInput(input);
          return parseDocuments([() => fetched], progress, published ? { published } : {});
        });
        return (await runImport(database, { documents, via }, progress)).summary;
      });
      process.stdout.write(`${summary}\n`);
    });
}
