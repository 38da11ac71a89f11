import type { Database } from '@portbook/db';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { type Context, createContext } from './context.ts';
import { maskError } from './errors.ts';
import { healthPlugin } from './health.ts';
import { createLogger, yogaLogger } from './logger.ts';
import { schema } from './schema/index.ts';

export interface ApiOptions {
  database: Database;
  logger?: Logger;
}

export type PortbookYoga = YogaServerInstance<Record<string, unknown>, Context>;

/** Builds the GraphQL server; it never listens (see `server.ts`), so tests call `yoga.fetch`. */
export function createApi(options: ApiOptions): PortbookYoga {
  const { db } = options.database;
  const logger = options.logger ?? createLogger();
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: () => createContext(db),
    logging: yogaLogger(logger),
    maskedErrors: { maskError },
    landingPage: false,
    plugins: [healthPlugin(db)],
  });
}
