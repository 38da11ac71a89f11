import { createTestDatabase, type TestDatabase } from '@portbook/db/testing';
import { type AuditResult, serverAudits } from 'graphql-http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/index.ts';

/** The GraphQL-over-HTTP spec's audits (MUST, SHOULD and MAY) against the real server. */
describe('GraphQL over HTTP audits (graphql-http)', () => {
  let test: TestDatabase;
  let server: RunningServer;
  const results: AuditResult[] = [];
  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    server = await startServer({
      database: test.database,
      port: 0,
      logger: pino({ level: 'silent' }),
    });
    for (const audit of serverAudits({ url: `${server.url}/graphql`, fetchFn: fetch })) {
      results.push(await audit.fn());
    }
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
  });

  it('runs every audit of the suite', () => {
    expect(results).toHaveLength(61);
  });

  it.each(['MUST', 'SHOULD', 'MAY'])('passes every %s audit with no warning', (level) => {
    const failed = results
      .filter((result) => result.name.startsWith(level) && result.status !== 'ok')
      .map(
        (result) =>
          `${result.status}: ${result.name}${'reason' in result ? ` (${result.reason})` : ''}`,
      );
    expect(failed).toEqual([]);
  });
});
