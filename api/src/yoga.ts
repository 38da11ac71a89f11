import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { SnapshotRows } from '@portbook/core';
import { type Database, IdleMemoryRelease } from '@portbook/db';
import { softwareDefaults } from '@portbook/software';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { bodyLimitPlugin } from './body-limit.ts';
import { CompiledOperations, compiledExecutionPlugin } from './compiled-execution.ts';
import { type Context, createContext } from './context.ts';
import { anyOriginPlugin, corsFor } from './cors.ts';
import { maskError } from './errors.ts';
import { EXAMPLE_OPERATIONS, PERSISTED_OPERATIONS } from './examples.ts';
import { graphiqlAssetsPlugin, renderGraphiQL } from './graphiql.ts';
import { healthPlugin } from './health.ts';
import { hideSuggestionsPlugin } from './hide-suggestions.ts';
import { httpCachingPlugin } from './http-caching.ts';
import { createLogger, yogaLogger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { QueryCosts, queryCostPlugin } from './query-cost.ts';
import { queryLimitPlugins } from './query-limits.ts';
import { RegistryState } from './registry-state.ts';
import { answeringFailures } from './request-failures.ts';
import { requestParsingPlugin } from './request-parsing.ts';
import { responseCachePlugin } from './response-cache.ts';
import { createResponseStore } from './response-store.ts';
import { schema } from './schema/index.ts';
import { securityHeadersPlugin } from './security-headers.ts';
import { servicesFilePlugin } from './services-file.ts';
import { sha256 } from './sha256.ts';
import { stringLimitsPlugin } from './string-limits.ts';
import { REQUEST_BUDGET_MS } from './time-budget.ts';

export interface ApiOptions {
  database: Database;
  logger?: Logger;
  /**
   * Keep whole responses per registry version (default: only with a `sharedCache`). Off, a
   * request is answered from the snapshot at half the CPU a cached answer costs with varied
   * traffic (see bench/README.md).
   */
  responseCache?: boolean | undefined;
  /** Origins allowed by CORS (default any). */
  corsOrigins?: string[] | undefined;
  /** Let the listed CORS origins send credentials (default false; never for any origin). */
  corsCredentials?: boolean | undefined;
  /** A bearer token `/metrics` asks for (default none: open). */
  metricsToken?: string | undefined;
  /** How often the registry version is polled, in ms (0: never; NOTIFY and `refresh()` still work). */
  versionTtlMs?: number | undefined;
  /** A response cache every instance shares (see `shared-cache.ts`); default: in memory. */
  sharedCache?: Cache;
  /** What one request may spend resolving, in ms (see `time-budget.ts`). */
  requestBudgetMs?: number | undefined;
  /** Rows for the first snapshot, when the database still holds their version (see `RegistryState`). */
  firstRows?: SnapshotRows | undefined;
  /**
   * Give the memory building the first snapshot freed back as soon as it is built, before
   * traffic (a serving process: the build leaves hundreds of MiB pooled; it pauses ~250 ms).
   */
  releaseAfterFirstSnapshot?: boolean | undefined;
}

export type PortbookYoga = YogaServerInstance<Record<string, unknown>, Context> & {
  registry: RegistryState;
};

/** Yoga's default is 25 MB; the largest real operation is a few kB, so 1 MB leaves room and no more. */
const MAX_REQUEST_BODY_BYTES = 1_000_000;

/** Builds the GraphQL server; it never listens (see `server.ts`), so tests call `yoga.fetch`. */
export function createApi(options: ApiOptions): PortbookYoga {
  const { db } = options.database;
  const logger = options.logger ?? createLogger();
  const registry = new RegistryState(options.database, {
    pollMs: options.versionTtlMs,
    onError: (error) => logger.warn({ err: error }, 'registry snapshot not refreshed'),
    software: softwareDefaults(),
    firstRows: options.firstRows,
  });
  const cors = { origins: options.corsOrigins, credentials: options.corsCredentials };
  const cache = options.sharedCache ?? createResponseStore(5000);
  const responseCache = options.responseCache ?? options.sharedCache !== undefined;
  // Fewer than 2 requests a second for 5 s is quiet enough to give freed memory back.
  const memory = new IdleMemoryRelease({
    quietBelow: 10,
    onRelease: ({ pauseMs, freedBytes }) =>
      logger.info(
        { pauseMs: Math.round(pauseMs), freedMiB: Math.round(freedBytes / 2 ** 20) },
        'freed memory given back',
      ),
  });
  if (options.releaseAfterFirstSnapshot) {
    void registry.snapshot().then(
      () => memory.releaseNow(),
      () => {},
    );
  }
  // Each later snapshot leaves its predecessor's memory behind, freed at the next quiet interval.
  registry.onChange(() => memory.expectFreed());
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: () => createContext(registry, options.requestBudgetMs ?? REQUEST_BUDGET_MS),
    logging: yogaLogger(logger),
    maskedErrors: { maskError },
    landingPage: false,
    batching: { limit: 5 },
    // Ours (`bodyLimitPlugin`) counts only the bodies that need counting.
    maxRequestBodySize: false,
    cors: corsFor(cors),
    renderGraphiQL,
    graphiql: {
      title: 'portbook',
      defaultTabs: Object.values(EXAMPLE_OPERATIONS).map((query) => ({ query })),
    },
    plugins: [
      securityHeadersPlugin(),
      anyOriginPlugin(cors),
      answeringFailures(createMetrics({ token: options.metricsToken }).plugin, logger),
      answeringFailures(graphiqlAssetsPlugin(), logger),
      requestParsingPlugin(),
      bodyLimitPlugin(MAX_REQUEST_BODY_BYTES),
      healthPlugin(db, logger),
      answeringFailures(servicesFilePlugin(registry), logger),
      ...queryLimitPlugins(),
      stringLimitsPlugin(),
      queryCostPlugin(new QueryCosts(schema)),
      compiledExecutionPlugin(
        new CompiledOperations(schema, (result) =>
          logger.warn({ errors: result.errors }, 'operation not compiled'),
        ),
      ),
      hideSuggestionsPlugin(),
      usePersistedOperations({
        getPersistedOperation: (hash) => PERSISTED_OPERATIONS.get(hash) ?? null,
        allowArbitraryOperations: true,
      }),
      { onRequest: () => memory.touch() },
      ...(!responseCache
        ? []
        : [
            responseCachePlugin({
              cache,
              ttl: 60 * 60 * 1000,
              // The registry version in the key: an import makes every earlier response stale at
              // once. (A persisted operation sent by its hash has its text by now.)
              key: async ({ query, operationName, variables }) =>
                sha256(
                  [
                    await registry.version(),
                    query ?? '',
                    operationName ?? '',
                    JSON.stringify(variables ?? {}),
                  ].join('|'),
                ),
            }),
          ]),
      answeringFailures(httpCachingPlugin({ maxAge: 300, registry }), logger),
      {
        onDispose: () => {
          memory.stop();
          return registry.stop();
        },
      },
    ],
  });
  return Object.assign(yoga, { registry });
}
