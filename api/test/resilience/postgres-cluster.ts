import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL server of its own, for tests that stop and start the database: the
 * shared server at 127.0.0.1:5432 must never be stopped. Uses Debian's binaries, run as the
 * `postgres` user (they refuse to run as root), with its data and socket in a temp dir.
 */
export interface PostgresCluster {
  /** Connection string of the `postgres` database as superuser `postgres`. */
  url: string;
  port: number;
  start(): void;
  /** `fast` disconnects clients and shuts down cleanly; `immediate` is a crash. */
  stop(mode?: 'fast' | 'immediate'): void;
  destroy(): void;
}

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const dir = versions
    .map((version) => join(root, version, 'bin'))
    .find((bin) => existsSync(join(bin, 'pg_ctl')));
  return dir;
}

/** Whether this machine can run a cluster of its own (the binaries and a `postgres` user). */
export const canRunPostgresCluster = (() => {
  if (!binDir() || process.getuid?.() !== 0) return false;
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A new cluster, or with `standbyOf` a streaming read replica of that cluster (a hot standby
 * made with pg_basebackup, read-only, following the primary's writes).
 */
export async function createPostgresCluster(
  options: { standbyOf?: PostgresCluster } = {},
): Promise<PostgresCluster> {
  const bin = binDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'portbook-pg-'));
  chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
  const data = join(dir, 'data');
  const port = await freePort();
  const asPostgres = (tool: string, args: string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  if (options.standbyOf) {
    const primary = ['-h', '127.0.0.1', '-p', String(options.standbyOf.port), '-U', 'postgres'];
    asPostgres('pg_basebackup', ['-D', data, ...primary, '-R', '-X', 'stream', '--no-sync']);
  } else {
    asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  }
  const serverOptions = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c max_connections=200',
  ].join(' ');
  const cluster: PostgresCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () =>
      asPostgres('pg_ctl', [
        '-D',
        data,
        '-o',
        serverOptions,
        '-l',
        join(dir, 'log'),
        '-w',
        'start',
      ]),
    stop: (mode = 'fast') => asPostgres('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']),
    destroy: () => {
      try {
        cluster.stop('immediate');
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  // pg_ctl daemonizes the server: stop it when the test process exits, however the test ended.
  process.once('exit', () => cluster.destroy());
  return cluster;
}
