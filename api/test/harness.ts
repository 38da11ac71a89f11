import type { Database } from '@portbook/db';
import { createTestDatabase, type TestDatabaseKind } from '@portbook/db/testing';
import pino, { type Logger } from 'pino';
import { type ApiOptions, createApi, type PortbookYoga } from '../src/index.ts';
import { seedFixtures } from './fixtures.ts';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestApi {
  yoga: PortbookYoga;
  database: Database;
  /** Runs an operation through `yoga.fetch` (no network), POST by default. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResult<T>>;
  /** SQL statements run since the last `resetStatements()`. */
  statements: string[];
  resetStatements(): void;
  close(): Promise<void>;
}

/** A migrated throwaway database of the kind, seeded with the fixture registry, behind the API. */
export async function openTestApi(
  kind: TestDatabaseKind,
  options: {
    responseCache?: boolean;
    versionTtlMs?: number;
    seed?: boolean;
    logger?: Logger;
    /** CORS, metrics and other settings of the API under test. */
    settings?: Pick<ApiOptions, 'corsOrigins' | 'corsCredentials' | 'metricsToken'>;
  } = {},
): Promise<TestApi> {
  const statements: string[] = [];
  const test = await createTestDatabase(kind, { onQuery: (sql) => statements.push(sql) });
  if (options.seed !== false) await seedFixtures(test.database);
  statements.length = 0;
  const yoga = createApi({
    database: test.database,
    logger: options.logger ?? pino({ level: 'silent' }),
    responseCache: options.responseCache ?? false,
    versionTtlMs: options.versionTtlMs,
    ...options.settings,
  });
  return {
    yoga,
    database: test.database,
    statements,
    resetStatements: () => {
      statements.length = 0;
    },
    query: async (query, variables) => {
      const response = await yoga.fetch('http://portbook.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    close: async () => {
      await yoga.dispose();
      await test.drop();
    },
  };
}
