import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '@portbook/db';

const CLI = fileURLToPath(new URL('../../../packages/cli/src/main.ts', import.meta.url));

/** `portbook <args>` in a process of its own, its progress lines collected as they come. */
export interface CliProcess {
  child: ChildProcess;
  stderr: string[];
  stdout: string[];
  /** Resolves when a progress line matches (rejects if the process ends first). */
  line(pattern: RegExp): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The packaged archive stays out: these runs are about a sync of the synthetic mirror alone. */
export function startCli(args: string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: {
      ...process.env,
      PORTBOOK_MIRROR: '',
      PORTBOOK_OFFLINE: '',
      PORTBOOK_DEBUG: '',
      PORTBOOK_ARCHIVE: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  const stdout: string[] = [];
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      stderr.push(line);
      for (const wait of waiting.filter((w) => w.pattern.test(line))) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve(line);
      }
    }
  });
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk.toString()));
  return {
    child,
    stderr,
    stdout,
    exited,
    line: (pattern) =>
      new Promise((resolve, reject) => {
        const seen = stderr.find((line) => pattern.test(line));
        if (seen) return resolve(seen);
        waiting.push({ pattern, resolve });
        void exited.then(({ code, signal }) =>
          reject(
            new Error(
              `portbook ended (${code ?? signal}) before ${pattern}:\n${stderr.join('\n')}`,
            ),
          ),
        );
      }),
  };
}

/** Each table's rows as text; for `sources`, all but the time it was imported. */
const ROWS: Record<string, string> = {
  sources:
    '(t.id, t.kind, t.edition, t.title, t.published, t.origin, t.sha256, t.record_count, t.fields, t.in_timeline)::text',
  record_versions: 't::text',
  source_records: 't::text',
  assignments: 't::text',
  changes: 't::text',
  name_links: 't::text',
  people: 't::text',
};

/** A digest of every imported and derived row (not `sync_runs`): equal digests, equal data. */
export async function tableDigests(url: string): Promise<Record<string, string>> {
  const database = createDatabase({ url, maxConnections: 1 });
  if (database.kind !== 'postgres') throw new Error('tableDigests reads a Postgres database');
  const sql = database.client;
  try {
    const digests: Record<string, string> = {};
    for (const [table, row] of Object.entries(ROWS)) {
      const [result] = await sql.unsafe(
        `select count(*) || ':' || coalesce(md5(string_agg(${row}, '|' order by ${row})), '') as digest from ${table} t`,
      );
      digests[table] = String(result?.digest);
    }
    return digests;
  } finally {
    await database.close();
  }
}
