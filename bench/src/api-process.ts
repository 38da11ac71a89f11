import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS, serverEnv } from '@portbook/cli';

const SERVER_SCRIPT = fileURLToPath(new URL('./api-server.ts', import.meta.url));
/** Linux reports process CPU time in clock ticks of 1/100 s. */
const MS_PER_TICK = 10;

export interface ApiProcess {
  url: string;
  /**
   * From the database being open until the first registry snapshot was built, in the server
   * process: `cacheMs`, then building it.
   */
  snapshotMs: number;
  /** PGlite: making the snapshot cache current (rows read when it is stale), as `portbook start` does. */
  cacheMs: number;
  /** From the server process's start until its first snapshot was built. */
  readyMs: number;
  /** CPU time the server process has used so far (user + system), in ms. */
  cpuMs(): number;
  /** Resident memory and V8 heap in use, in bytes, after a full garbage collection. */
  memory(): Promise<{ rss: number; heapUsed: number }>;
  /** GraphQL errors the server has counted so far (its `/metrics`). */
  graphqlErrors(): Promise<number>;
  stop(): Promise<void>;
}

/** Where the server finds its database: a Postgres URL, or a PGlite data directory. */
export type DatabaseEnv =
  | { DATABASE_URL: string }
  | { DATABASE_URL: ''; PORTBOOK_DATA_DIR: string };

/** Starts `api-server.ts` (see there) and waits until it answers from its first snapshot. */
export async function startApiProcess(
  mode: 'api' | 'api-cached',
  database: DatabaseEnv,
): Promise<ApiProcess> {
  // The flags and environment `portbook start` runs with, then any the run adds (later ones win).
  const flags = [
    ...SERVER_NODE_FLAGS,
    ...(process.env.BENCH_API_NODE_FLAGS ?? '').split(' ').filter(Boolean),
  ];
  const child = spawn(process.execPath, [...flags, '--expose-gc', SERVER_SCRIPT, mode], {
    // BENCH_API_PORT: the port to serve on (one server runs at a time); default any free one.
    env: {
      ...serverEnv(process.env),
      LOG_LEVEL: 'warn',
      PORT: process.env.BENCH_API_PORT ?? '0',
      ...database,
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      waiting.push(resolve);
      void exited.then(() => reject(new Error(`the ${mode} server exited`)));
    });
  const { url, snapshotMs, cacheMs, readyMs } = JSON.parse(await nextLine()) as {
    url: string;
    snapshotMs: number;
    cacheMs: number;
    readyMs: number;
  };
  return {
    url,
    snapshotMs,
    cacheMs,
    readyMs,
    cpuMs: () => {
      const fields =
        readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
    },
    memory: async () => {
      const line = nextLine();
      child.stdin.write('memory\n');
      return JSON.parse(await line) as { rss: number; heapUsed: number };
    },
    graphqlErrors: async () => {
      const text = await (await fetch(`${url}/metrics`)).text();
      return [...text.matchAll(/^portbook_graphql_errors_total\{[^}]*\} (\S+)$/gm)].reduce(
        (sum, match) => sum + Number(match[1]),
        0,
      );
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.stdin.end();
      await exited;
    },
  };
}
