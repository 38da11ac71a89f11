import { existsSync } from 'node:fs';
import type { RunningServer } from '@portbook/api';
import { sources } from '@portbook/db';
import { count } from 'drizzle-orm';
import { cliEnv } from '../env.ts';
import { openDatabase, withDatabase } from '../open-database.ts';
import { parseSyncInterval, startPeriodicSync, syncInBackground } from '../periodic-sync.ts';
import { Progress } from '../progress.ts';
import { prepareSnapshotCache } from '../registry/open-snapshot.ts';
import { closeServedDatabase, stampServedDatabase } from '../registry/served-cache.ts';
import { buildSite, SITE_DIST } from './build-site.ts';
import type { SyncOptions } from './sync.ts';
import { sync } from './sync-into.ts';

async function isEmpty(): Promise<boolean> {
  return withDatabase(async (database) => {
    const [row] = await database.db.select({ count: count() }).from(sources);
    return (row?.count ?? 0) === 0;
  });
}

/** The site directory to serve: a configured one as it is, else `site/dist`, built when missing. */
async function siteToServe(configured: string | undefined, progress: Progress): Promise<string> {
  if (configured) {
    if (!existsSync(configured)) progress.say(`no site at ${configured}: serving the API only`);
    return configured;
  }
  if (!existsSync(SITE_DIST)) {
    // The database is closed by now: an embedded one admits one process, and Astro reads it.
    progress.say(`building the site into ${SITE_DIST}`);
    await buildSite();
  }
  return SITE_DIST;
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
  // While it serves, `portbook 22` in another terminal answers from this cache; made current
  // first, it also says whether the database is empty without opening it again.
  let cached = await prepareSnapshotCache();
  if (cached ? cached.rows.sources.length === 0 : await isEmpty()) {
    progress.say('the database is empty: loading the registry first');
    progress.say(await sync(syncOptions, progress));
    if (cached) cached = await prepareSnapshotCache();
  }
  const siteDir = await siteToServe(env.siteDir, progress);
  // Loaded here: the API's GraphQL stack would slow every other command's start-up.
  const { startServer } = await import('@portbook/api');
  // Opened here and handed over, so the embedded database stays locked while it serves;
  // in a worker thread, so neither its statements nor a sync hold up requests.
  const database = await openDatabase({ worker: true });
  // The first snapshot is built from the rows the cache holds while they are still the registry's.
  const server = await startServer({ database, port: env.port, siteDir, firstRows: cached?.rows });
  // Only the key is kept: the rows live on in the snapshot for as long as it answers, no longer.
  const cacheKey = cached?.key;
  const writeCache = cached?.write;
  cached = undefined;
  if (cacheKey !== undefined) {
    await server.yoga.registry.snapshot();
    // Read from the database, the rows are cached now, after the first snapshot (~0.6 s).
    writeCache?.();
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
