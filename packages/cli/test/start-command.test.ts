import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../src/server-flags.ts';
import { buildMirror } from './mirror.ts';
import { ARCHIVE_SUBSET, type CliDatabase, cliDatabase, runCli, scratchDir } from './run-cli.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/portbook.js', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Started {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

/** Starts `portbook start` and waits for the line that gives its URL. */
function start(args: string[], env: Record<string, string>, script = MAIN): Promise<Started> {
  const child = spawn(process.execPath, [script, 'start', ...args], {
    env: {
      ...process.env,
      PORTBOOK_MIRROR: '',
      PORTBOOK_OFFLINE: '',
      PORTBOOK_ARCHIVE_UNTIL: ARCHIVE_SUBSET,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const url = /portbook is serving (http:\/\/\S+?)\/ /.exec(stdout)?.[1];
      if (url) resolve({ child, url, stderr: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`start exited with ${code}: ${stderr}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe.each(TEST_DATABASE_KINDS)('portbook start on %s', (kind) => {
  let db: CliDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await cliDatabase(kind);
    const site = scratchDir('site');
    writeFileSync(join(site, 'index.html'), '<h1>portbook test site</h1>');
    env = { ...db.env, PORTBOOK_SITE_DIR: site, PORT: String(await freePort()) };
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('syncs an empty database, then serves the API and the site until stopped', async () => {
    const server = await start(['--offline', '--mirror', buildMirror()], env);
    try {
      expect(server.stderr()).toContain('the database is empty: loading the registry first');
      expect(server.stderr()).toMatch(
        /synced from the archive: 3, the mirror .*: 5: 8 documents imported/,
      );
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${server.url}/`)).text()).toContain('portbook test site');
      const graphql = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      expect(await stop(server.child), server.stderr()).toBe(0);
    }
  });

  it('does not sync again when the database holds sources', async () => {
    const server = await start([], env);
    try {
      expect(server.stderr()).not.toContain('the database is empty');
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      if (kind === 'pglite') {
        // A second process on the same embedded database would corrupt it: it is refused.
        const stats = await runCli(['stats'], env);
        expect(stats.code).toBe(1);
        expect(stats.stderr).toMatch(
          new RegExp(`^error \\[DATABASE_UNAVAILABLE\\]: .* in use by process ${server.child.pid}`),
        );
      }
      // Reading commands answer meanwhile, from the cache start left current (on PGlite too).
      const smtp = await runCli(['25', '--json'], env);
      expect(smtp.stderr).toBe('');
      expect(JSON.parse(smtp.stdout)).toMatchObject({ port: 25, status: 'assigned' });
    } finally {
      expect(await stop(server.child), server.stderr()).toBe(0);
    }
    if (kind === 'pglite') {
      // Stopped, the server recorded the files it left: a command answers from the cache without
      // opening the database, even while another process holds it.
      const lock = `${env.PORTBOOK_DATA_DIR}.lock`;
      writeFileSync(lock, `${process.pid}\n`);
      try {
        const smtp = await runCli(['25', '--json'], env);
        expect(smtp.stderr).toBe('');
        expect(JSON.parse(smtp.stdout)).toMatchObject({ port: 25, status: 'assigned' });
      } finally {
        rmSync(lock, { force: true });
      }
    }
  });

  it.runIf(process.platform === 'linux' && typeof process.execve === 'function')(
    'runs as the same process, re-executed with the serving V8 flags, when started by the command',
    async () => {
      const server = await start([], env, BIN);
      try {
        const pid = server.child.pid as number;
        const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        expect(commandLine).toEqual(expect.arrayContaining([...SERVER_NODE_FLAGS, BIN, 'start']));
        const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
        expect(environment).toEqual(
          expect.arrayContaining(
            Object.entries(SERVER_ENV).map(([name, value]) => `${name}=${value}`),
          ),
        );
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      } finally {
        expect(await stop(server.child), server.stderr()).toBe(0);
      }
    },
  );

  it('syncs again every PORTBOOK_SYNC_INTERVAL while it serves, and stops cleanly', async () => {
    const server = await start(['--mirror', buildMirror()], {
      ...env,
      PORTBOOK_SYNC_INTERVAL: '1s',
    });
    try {
      const periodic =
        /synced from the archive: 3, the mirror .*: 5: 0 documents imported, 8 already stored/;
      for (let waited = 0; !periodic.test(server.stderr()) && waited < 60_000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(server.stderr()).toMatch(periodic);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      expect(await stop(server.child), server.stderr()).toBe(0);
    }
  });

  it('refuses a PORTBOOK_SYNC_INTERVAL it cannot read, before it opens anything', async () => {
    const result = await runCli(['start'], { ...env, PORTBOOK_SYNC_INTERVAL: 'daily' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error \[INVALID_SETTING\]: PORTBOOK_SYNC_INTERVAL/);
  });
});
