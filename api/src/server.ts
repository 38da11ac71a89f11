import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SnapshotRows } from '@portbook/core';
import { createDatabase, type Database, limitHeapGrowth, migrate } from '@portbook/db';
import type { Logger } from 'pino';
import { apiEnv } from './env.ts';
import { GRAPHIQL_ASSETS } from './graphiql.ts';
import { createLogger } from './logger.ts';
import { createSharedCache } from './shared-cache.ts';
import { staticSite } from './static-site.ts';
import { createApi, type PortbookYoga } from './yoga.ts';

export interface StartServerOptions {
  /** An open database; without it one is opened (and migrated) from the environment. */
  database?: Database;
  /** 0 picks a free port. Defaults to `PORT` or 4000. */
  port?: number;
  host?: string;
  /** The built site to serve at `/`; skipped when the directory does not exist. */
  siteDir?: string;
  logger?: Logger;
  /** Keep whole responses per registry version (default: only with `REDIS_URL`). */
  responseCache?: boolean;
  /** Rows for the first snapshot, when the database still holds their version (see `RegistryState`). */
  firstRows?: SnapshotRows | undefined;
}

export interface RunningServer {
  url: string;
  /** The GraphQL server it runs, e.g. to refresh its registry after an import in this process. */
  yoga: PortbookYoga;
  /** Stops accepting connections, lets requests in flight finish, closes what it opened. */
  close(): Promise<void>;
  /** After an import in this process: builds the new registry snapshot and swaps it in. */
  refresh(): Promise<void>;
}

/** How long `close()` waits for requests in flight before cutting their connections. */
const SHUTDOWN_GRACE_MS = 10_000;

/** Paths the API answers; everything else is the static site. */
const API_PATHS = new Set(['/graphql', '/services', '/healthz', '/readyz', '/metrics']);
const isApiPath = (path: string) => API_PATHS.has(path) || path.startsWith(GRAPHIQL_ASSETS);

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const env = apiEnv();
  const logger = options.logger ?? createLogger(env.logLevel);
  limitHeapGrowth();
  const ownsDatabase = !options.database;
  const database = options.database ?? createDatabase();
  if (ownsDatabase) await migrate(database);
  const sharedCache = env.redisUrl ? createSharedCache({ url: env.redisUrl, logger }) : undefined;
  const yoga = createApi({
    database,
    logger,
    sharedCache,
    versionTtlMs: env.pollMs,
    corsOrigins: env.corsOrigins,
    corsCredentials: env.corsCredentials,
    metricsToken: env.metricsToken,
    responseCache: options.responseCache,
    firstRows: options.firstRows,
    releaseAfterFirstSnapshot: true,
  });
  const siteDir = options.siteDir ?? env.siteDir;
  const site = staticSite(siteDir);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!site || isApiPath(path)) return void yoga(req, res);
    site(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? env.port, options.host ?? env.host, resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const url = `http://${host}:${port}`;
  logger.info({ url, site: site ? siteDir : null }, 'portbook API listening');
  // Built in the background: the first requests wait for it, /healthz does not.
  yoga.registry
    .snapshot()
    .catch((error) => logger.warn({ err: error }, 'no registry snapshot yet'));

  return {
    url,
    yoga,
    refresh: async () => {
      await yoga.registry.refresh();
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests in flight get this long to finish; then their connections are cut.
        setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      });
      await yoga.dispose();
      await sharedCache?.close();
      if (ownsDatabase) await database.close();
      logger.info('portbook API stopped');
    },
  };
}
