import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import {
  type Cache,
  createInMemoryCache,
  useResponseCache,
} from '@graphql-yoga/plugin-response-cache';
import type { Database } from '@portbook/db';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { type Context, createContext } from './context.ts';
import { maskError } from './errors.ts';
import { EXAMPLE_OPERATIONS, PERSISTED_OPERATIONS } from './examples.ts';
import { healthPlugin } from './health.ts';
import { hideSuggestionsPlugin } from './hide-suggestions.ts';
import { httpCachingPlugin } from './http-caching.ts';
import { createLogger, yogaLogger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { RegistryState } from './registry-state.ts';
import { requestParsingPlugin } from './request-parsing.ts';
import { schema } from './schema/index.ts';
import { servicesFilePlugin } from './services-file.ts';
import { sha256 } from './sha256.ts';
import { stringLimitsPlugin } from './string-limits.ts';
import { REQUEST_BUDGET_MS, timeBudgetPlugin } from './time-budget.ts';

export interface ApiOptions {
  database: Database;
  logger?: Logger;
  /** Keep whole responses in memory per registry version (default true). */
  responseCache?: boolean | undefined;
  /** Origins allowed by CORS (default any). */
  corsOrigins?: string[] | undefined;
  /** How often the registry version is polled, in ms (0: never; NOTIFY and `refresh()` still work). */
  versionTtlMs?: number | undefined;
  /** A response cache every instance shares (see `shared-cache.ts`); default: in memory. */
  sharedCache?: Cache;
  /** What one request may spend resolving, in ms (see `time-budget.ts`). */
  requestBudgetMs?: number | undefined;
}

export type PortbookYoga = YogaServerInstance<Record<string, unknown>, Context> & {
  registry: RegistryState;
};

/** Query limits: generous for real clients, fatal for abusive ones. */
const ARMOR = {
  maxDepth: { n: 12 },
  costLimit: { maxCost: 20000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
  maxAliases: { n: 15 },
  maxDirectives: { n: 10 },
  maxTokens: { n: 2000 },
  // Its regex never sees graphql 17's errors; `hideSuggestionsPlugin` hides them instead.
  blockFieldSuggestion: { enabled: false },
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
  });
  const cache = options.sharedCache ?? createInMemoryCache({ max: 5000 });
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: () => createContext(registry, options.requestBudgetMs ?? REQUEST_BUDGET_MS),
    logging: yogaLogger(logger),
    maskedErrors: { maskError },
    landingPage: false,
    batching: { limit: 5 },
    maxRequestBodySize: MAX_REQUEST_BODY_BYTES,
    cors: {
      origin: !options.corsOrigins || options.corsOrigins.includes('*') ? '*' : options.corsOrigins,
      methods: ['GET', 'POST'],
      maxAge: 86400,
    },
    graphiql: {
      title: 'portbook',
      defaultTabs: Object.values(EXAMPLE_OPERATIONS).map((query) => ({ query })),
    },
    plugins: [
      createMetrics().plugin,
      requestParsingPlugin(),
      healthPlugin(db, logger),
      servicesFilePlugin(registry),
      EnvelopArmorPlugin(ARMOR),
      stringLimitsPlugin(),
      timeBudgetPlugin,
      hideSuggestionsPlugin(),
      usePersistedOperations({
        getPersistedOperation: (hash) => PERSISTED_OPERATIONS.get(hash) ?? null,
        allowArbitraryOperations: true,
      }),
      ...(options.responseCache === false
        ? []
        : [
            useResponseCache({
              session: () => null,
              cache,
              ttl: 60 * 60 * 1000,
              // The registry version in the key: an import makes every earlier response stale at once.
              buildResponseCacheKey: async ({ documentString, variableValues, operationName }) =>
                sha256(
                  [
                    await registry.version(),
                    documentString,
                    operationName ?? '',
                    JSON.stringify(variableValues ?? {}),
                  ].join('|'),
                ),
            }),
          ]),
      httpCachingPlugin({ maxAge: 300, registry }),
      { onDispose: () => registry.stop() },
    ],
  });
  return Object.assign(yoga, { registry });
}
