import { Writable } from 'node:stream';
import { startServer } from '@portbook/api';
import type { Database } from '@portbook/db';
import { refreshAfterImport } from './commands/serve.ts';
import type { SyncOptions } from './commands/sync.ts';
import { type Synced, syncInto } from './commands/sync-into.ts';
import { syncInBackground } from './periodic-sync.ts';
import { Progress } from './progress.ts';

export interface HealthDuringSync {
  /** Round trips of `GET /healthz`, one started every `pollEveryMs` (or when the last one ends). */
  latenciesMs: number[];
  /**
   * Probes that got no answer or not a 2xx, each with why: a server whose thread is blocked
   * long enough can have its idle keep-alive connections close under a probe (ECONNRESET).
   */
  failures: string[];
  syncMs: number;
  /** Undefined when the sync failed. */
  synced: Synced | undefined;
  /** How often the server's registry was refreshed after the import. */
  refreshes: number;
  /** What the sync said (its summary, or why it failed). */
  said: string[];
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Serves `database` as `portbook start` does and runs a sync in the same process the way its
 * periodic sync does, polling `/healthz` meanwhile: how long a request waits while a sync runs.
 */
export async function healthzDuringSync(
  database: Database,
  options: SyncOptions,
  pollEveryMs = 20,
): Promise<HealthDuringSync> {
  const server = await startServer({ database, port: 0, siteDir: '/nonexistent' });
  try {
    // A fresh server's first answer is slow (code loads, caches fill): that is not the sync's doing.
    await (await fetch(`${server.url}/healthz`)).arrayBuffer();
    let refreshes = 0;
    const said: string[] = [];
    let done = false;
    const latenciesMs: number[] = [];
    const failures: string[] = [];
    const probe = async () => {
      const response = await fetch(`${server.url}/healthz`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`/healthz answered ${response.status}`);
    };
    const poll = (async () => {
      while (!done) {
        const started = performance.now();
        try {
          await probe();
        } catch (error) {
          const cause = (error as { cause?: { code?: string } }).cause?.code;
          failures.push(`${(error as Error).message}${cause ? ` (${cause})` : ''}`);
        }
        const took = performance.now() - started;
        latenciesMs.push(took);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, pollEveryMs - took)));
      }
    })();
    const started = performance.now();
    const synced = await syncInBackground(
      database,
      options,
      () => {
        refreshes++;
        return refreshAfterImport(server);
      },
      (line) => said.push(line),
    ).finally(() => {
      done = true;
    });
    const syncMs = performance.now() - started;
    await poll;
    return { latenciesMs, failures, syncMs, synced, refreshes, said };
  } finally {
    await server.close();
  }
}

/** `portbook sync --offline` into an open database, silently: the packaged archive as a first start loads it. */
export function syncOffline(database: Database): Promise<Synced> {
  return syncInto(
    database,
    { offline: true },
    new Progress(new Writable({ write: (_c, _e, done) => done() }) as NodeJS.WriteStream),
  );
}
