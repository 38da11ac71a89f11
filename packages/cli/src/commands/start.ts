import { existsSync } from 'node:fs';
import { sources } from '@portbook/db';
import type { Command } from 'commander';
import { count } from 'drizzle-orm';
import { cliEnv } from '../env.ts';
import { withDatabase } from '../open-database.ts';
import { Progress } from '../progress.ts';
import { buildSite, SITE_DIST } from './build-site.ts';
import { type SyncOptions, sync } from './sync.ts';

async function isEmpty(): Promise<boolean> {
  return withDatabase(async (database) => {
    const [row] = await database.db.select({ count: count() }).from(sources);
    return (row?.count ?? 0) === 0;
  });
}

export function startCommand(program: Command): void {
  program
    .command('start')
    .description('migrate, sync when the database is empty, build the site if missing, serve')
    .option('--mirror <dir>', 'sync from this mirror when the database is empty')
    .option('--offline', 'sync without the network when the database is empty')
    .action(async (options: SyncOptions) => {
      const progress = new Progress();
      if (await isEmpty()) {
        progress.say('the database is empty: loading the registry first');
        progress.say(await sync(options, progress));
      }
      // The database is closed again here: an embedded one allows a single process, the site build.
      if (!existsSync(SITE_DIST)) {
        progress.say(`building the site into ${SITE_DIST}`);
        await buildSite();
      }
      // Loaded here: the API's GraphQL stack would slow every other command's start-up.
      const { startServer } = await import('@portbook/api');
      const server = await startServer({ port: cliEnv().port, siteDir: SITE_DIST });
      process.stdout.write(`portbook is serving ${server.url}/ (GraphQL: ${server.url}/graphql)\n`);
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => void server.close().then(() => process.exit(0)));
      }
    });
}
