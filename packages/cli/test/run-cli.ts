import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type Database } from '@portbook/db';
import { createTestDatabase, rawRows, type TestDatabaseKind } from '@portbook/db/testing';
import { afterAll } from 'vitest';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** The archive documents tests load: RFC 349, 433 and 503. */
export const ARCHIVE_SUBSET = '1973-12-31';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `portbook` as a user would, in a child process with the given environment. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: {
        ...process.env,
        PORTBOOK_MIRROR: '',
        PORTBOOK_OFFLINE: '',
        PORTBOOK_DEBUG: '',
        // The whole archive takes minutes to load: the NCP socket lists (1972-73) stand for it.
        PORTBOOK_ARCHIVE_UNTIL: ARCHIVE_SUBSET,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A database for CLI runs: a PGlite directory, or a throwaway Postgres database. */
export interface CliDatabase {
  env: Record<string, string>;
  /** Opens it from the test process (PGlite: only while no CLI process has it open). */
  open(): Database;
  drop(): Promise<void>;
}

let scratchRoot: string | undefined;

/** A fresh directory for one test's files, all removed when the test file ends. */
export function scratchDir(name: string): string {
  scratchRoot ??= mkdtempSync(join(tmpdir(), 'portbook-test-'));
  return mkdtempSync(join(scratchRoot, `${name}-`));
}

let pgliteTemplate: Promise<string> | undefined;

/** A migrated PGlite directory made once per test file: copying it beats initdb for every test. */
function migratedPglite(): Promise<string> {
  pgliteTemplate ??= (async () => {
    const dataDir = join(scratchDir('template'), 'pglite');
    const result = await runCli(['migrate'], { PORTBOOK_DATA_DIR: dataDir, DATABASE_URL: '' });
    if (result.code !== 0) throw new Error(`portbook migrate failed: ${result.stderr}`);
    return dataDir;
  })();
  return pgliteTemplate;
}

// Registered when a test file loads this module, so each file removes what it made.
afterAll(async () => {
  await pgliteTemplate?.catch(() => undefined);
  if (scratchRoot) rmSync(scratchRoot, { recursive: true, force: true });
});

export async function cliDatabase(kind: TestDatabaseKind): Promise<CliDatabase> {
  if (kind === 'pglite') {
    const dir = scratchDir('cli');
    const dataDir = join(dir, 'pglite');
    cpSync(await migratedPglite(), dataDir, { recursive: true });
    return {
      env: { PORTBOOK_DATA_DIR: dataDir, DATABASE_URL: '' },
      open: () => createDatabase({ url: undefined, dataDir }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const test = await createTestDatabase('postgres', { migrate: false });
  await test.database.close();
  const url = test.url as string;
  return {
    env: { DATABASE_URL: url },
    open: () => createDatabase({ url, maxConnections: 1 }),
    drop: () => test.drop(),
  };
}

const TABLES = [
  'sources',
  'record_versions',
  'source_records',
  'assignments',
  'changes',
  'name_links',
  'people',
] as const;

/** A digest of every row of every table but `sync_runs`, to show a failed run changed nothing. */
export async function tableDigests(cli: CliDatabase): Promise<Record<string, string>> {
  const database = cli.open();
  try {
    const digests: Record<string, string> = {};
    for (const table of TABLES) {
      const text = `select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from ${table} t`;
      const rows = await rawRows<{ digest: string }>(database, text);
      digests[table] = rows[0]?.digest ?? '';
    }
    return digests;
  } finally {
    await database.close();
  }
}
