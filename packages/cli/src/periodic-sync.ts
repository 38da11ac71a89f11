import { PortbookError } from '@portbook/core';
import { type Database, runDatabaseJob } from '@portbook/db';
import type { SyncOptions } from './commands/sync.ts';
import type { Synced } from './commands/sync-into.ts';
import { SYNC_JOB } from './commands/sync-job.ts';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `PORTBOOK_SYNC_INTERVAL`: a number and a unit (`90s`, `30m`, `24h`, `7d`); unset or empty: never. */
export function parseSyncInterval(text: string | undefined): number | undefined {
  if (!text?.trim()) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*([smhd])$/.exec(text.trim());
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : Number.NaN;
  // setTimeout holds at most 2^31-1 ms (about 24.8 days); past that it fires at once.
  if (!(ms >= 1000 && ms <= 2 ** 31 - 1)) {
    throw new PortbookError(
      'INVALID_SETTING',
      `PORTBOOK_SYNC_INTERVAL must be a number and a unit between 1s and 24d (e.g. 24h), got ${JSON.stringify(text)}`,
    );
  }
  return ms;
}

/** One sync in the background, then `onChanged` when it stored something new; never throws. */
export async function syncInBackground(
  database: Database,
  options: SyncOptions,
  onChanged: () => Promise<unknown>,
  say: (line: string) => void,
): Promise<Synced | undefined> {
  try {
    const synced = await runDatabaseJob(database, SYNC_JOB, options);
    say(synced.message);
    if (synced.changed) await onChanged();
    return synced;
  } catch (error) {
    say(`sync failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

export interface PeriodicSync {
  /** Stops the schedule and waits for a sync under way to finish (an import is not cut short). */
  stop(): Promise<void>;
}

/** A sync every `everyMs`, counted from the end of the last one so two never overlap. */
export function startPeriodicSync(everyMs: number, run: () => Promise<unknown>): PeriodicSync {
  let stopped = false;
  let running: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = undefined;
        if (!stopped) schedule();
      });
    }, everyMs);
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
