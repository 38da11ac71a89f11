import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sharedDataDir } from '@portbook/core/testing';
import { createDatabase, importDocuments, migrate } from '@portbook/db';
import { fixtureDocuments } from './fixtures/documents.ts';

const SITE = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = `${SITE}test-results`;
const CLI = fileURLToPath(new URL('../../packages/cli/src/main.ts', import.meta.url));

/**
 * The built site the browser tests run against: `PORTBOOK_SITE_DIST` if set, else a full
 * build (all 65,536 port pages) from a database of its own — the real history when the shared
 * data is there (always in CI), else the hand-written fixture documents.
 */
export async function builtSite(log: (line: string) => void): Promise<string> {
  const given = process.env.PORTBOOK_SITE_DIST;
  if (given) {
    if (!existsSync(`${given}/index.html`))
      throw new Error(`PORTBOOK_SITE_DIST=${given} holds no built site`);
    return given;
  }
  const shared = sharedDataDir();
  const dataDir = `${RESULTS}/pglite-${shared ? 'mirror' : 'fixtures'}`;
  const env = { ...process.env, PORTBOOK_DATA_DIR: dataDir, DATABASE_URL: '' };
  if (shared) {
    log(`loading the history from ${shared}`);
    run([CLI, 'sync', '--mirror', shared], env);
  } else {
    log('no shared data: loading the fixture documents');
    rmSync(dataDir, { recursive: true, force: true });
    const database = createDatabase({ url: undefined, dataDir });
    try {
      await migrate(database);
      await importDocuments(database, fixtureDocuments());
    } finally {
      await database.close();
    }
  }
  const dist = `${RESULTS}/dist`;
  log(`building the site into ${dist}`);
  run([`${SITE}scripts/build.ts`, '--out', dist], env);
  return dist;
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, args, {
    cwd: SITE,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
}
