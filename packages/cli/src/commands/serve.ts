import { existsSync } from 'node:fs';
import type { RunningServer } from '@portbook/api';
import { yieldToEventLoop } from '@portbook/core/reader';
import { type Database, sources } from '@portbook/db';
import { count } from 'drizzle-orm';
import { cliEnv } from '../env.ts';
import { openDatabase } from '../open-database.ts';
import { parseSyncInterval, startPeriodicSync, syncInBackground } from '../periodic-sync.ts';
import { Progress } from '../progress.ts';
import { prepareSnapshotCache } from '../registry/open-snapshot.ts';
import { closeServedDatabase, stampServedDatabase } from '../registry/served-cache.ts';
import { buildSite, SITE_DIST } from './build-site.ts';
import type { SyncOptions } from './sync.ts';
import { sync } from './sync-into.ts';

async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ count: count() }).from(sources);
  return (row?.count ?? 0) === 0;
}

/** Builds the site into `site/dist` when it is missing and no other directory is configured. */
async function buildSiteIfMissing(progress: Progress): Promise<void> {
  if (cliEnv().siteDir || existsSync(SITE_DIST)) return;
  progress.say(`building the site into ${SITE_DIST}`);
  await buildSite();
}

/** The site directory to serve: a configured one as it is, else `site/dist`. */
function siteToServe(configured: string | undefined, progress: Progress): string {
  if (configured && !existsSync(configured)) {
    progress.say(`no site at ${configured}: serving the API only`);
  }
  return configured ?? SITE_DIST;
}

/** What an import in this process changes for the server: the one place to point at the registry holder. */
export function refreshAfterImport(server: RunningServer): Promise<unknown> {
  return server.refresh();
}

/** Migrates, syncs an empty database, builds the site when missing, then serves until stopped. */
export async function start(options: SyncOptions): Promise<void> {
  const env = cliEnv();
  const syncEveryMs = parseSyncInterval(env.syncInterval);
  const syncOptions: SyncOptions = {
    mirror: options.mirror,
    offline: options.offline,
    archive: options.archive,
    archiveUntil: options.archiveUntil,
  };
  const progress = new Progress();
  // Loaded here, not at the top: the API's GraphQL stack would slow every other command's
  // start-up. Loaded while the database opens in its worker thread: serving 0.3 s sooner.
  const api = import('@portbook/api');
  api.catch(() => {});
  // Opened here and handed over, so the embedded database stays locked while it serves; in a
  // worker thread, so neither its statements nor a sync hold up requests.
  let database = await openDatabase({ worker: true });
  const empty = await isEmpty(database);
  if (empty || (!env.siteDir && !existsSync(SITE_DIST))) {
    // A sync opens the database itself, and Astro reads it: an embedded one admits one process.
    await database.close();
    if (empty) {
      progress.say('the database is empty: loading the registry first');
      progress.say(await sync(syncOptions, progress));
    }
    await buildSiteIfMissing(progress);
    database = await openDatabase({ worker: true });
  }
  // The rows for the first snapshot, from the snapshot cache when it is current, else read in
  // the database's own thread. While it serves, `portbook 22` in another terminal answers from
  // this cache.
  let cached = await prepareSnapshotCache(database);
  const siteDir = siteToServe(env.siteDir, progress);
  const { startServer } = await api;
  // The first snapshot is built from the rows the cache holds while they are still the registry's.
  const server = await startServer({ database, port: env.port, siteDir, firstRows: cached?.rows });
  // Only the key is kept: the rows live on in the snapshot for as long as it answers, no longer.
  const cacheKey = cached?.key;
  const writeCache = cached?.write;
  cached = undefined;
  if (cacheKey !== undefined) {
    await server.yoga.registry.snapshot();
    // Read from the database, the rows are cached now, after the first snapshot: about a second
    // of work, in steps between which requests are answered.
    await writeCache?.(yieldToEventLoop);
    await stampServedDatabase(cacheKey, database.db);
  }
  process.stdout.write(`portbook is serving ${server.url}/ (GraphQL: ${server.url}/graphql)
`);
  const periodic =
    syncEveryMs === undefined
      ? undefined
      : startPeriodicSync(syncEveryMs, () =>
          syncInBackground(
            database,
            syncOptions,
            () => refreshAfterImport(server),
            (line) => progress.say(line),
          ),
        );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      await periodic?.stop();
      await server.close();
      if (cacheKey === undefined) await database.close();
      else await closeServedDatabase(cacheKey, database);
      process.exit(0);
    });
  }
}
