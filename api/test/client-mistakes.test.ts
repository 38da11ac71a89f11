import { TEST_DATABASE_KINDS } from '@portbook/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../src/yoga.ts';
import { openTestApi, type TestApi } from './harness.ts';

const URL_BASE = 'http://portbook.test';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

interface LogLine {
  level: number;
  msg: string;
}

/** pino's numeric levels: 30 is info; anything above is a warning or an error. */
const INFO = 30;

const post = (api: TestApi, body: string, accept = GRAPHQL_RESPONSE) =>
  api.yoga.fetch(`${URL_BASE}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body,
  });

const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** Requests a client can get wrong, the status and code each must get. */
const MISTAKES: { name: string; body: string; status: number; code: string }[] = [
  {
    name: 'node(id:) naming no type',
    body: JSON.stringify({ query: `{ node(id: "${btoa('foo:1')}") { id } }` }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'node(id:) naming an enum',
    body: JSON.stringify({ query: `{ node(id: "${btoa('Status:1')}") { id } }` }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  { name: 'the body [null]', body: '[null]', status: 400, code: 'BAD_REQUEST' },
  {
    name: 'a batch holding a number',
    body: '[{"query":"{ __typename }"}, 5]',
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'deeply nested unused variables',
    body: `{"query":"{ __typename }","variables":{"v":${nested(50_000)}}}`,
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  { name: 'no query', body: '{}', status: 400, code: 'BAD_REQUEST' },
  { name: 'query 0', body: '{"query":0}', status: 400, code: 'BAD_REQUEST' },
  { name: 'query false', body: '{"query":false}', status: 400, code: 'BAD_REQUEST' },
  { name: 'a syntax error', body: '{"query":"{"}', status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'an unknown field',
    body: '{"query":"{ nope }"}',
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a query too deep',
    body: JSON.stringify({
      query: `{ port(number: 1) { ${'previousAssigned { '.repeat(14)}number${' }'.repeat(14)} } }`,
    }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a query too long',
    body: JSON.stringify({ query: `{ ${'__typename '.repeat(2100)}}` }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
];

describe.each(TEST_DATABASE_KINDS)(
  "client mistakes on %s: the client's, never the server's",
  (kind) => {
    let api: TestApi;
    const logs: LogLine[] = [];
    const logger = pino(
      { level: 'trace' },
      { write: (line: string) => logs.push(JSON.parse(line)) },
    );
    beforeAll(async () => {
      api = await openTestApi(kind, { responseCache: true, logger });
    });
    afterAll(() => api?.close());

    it.each(MISTAKES)(
      'answers $name with $status $code and logs it below warn',
      async (mistake) => {
        logs.length = 0;
        const response = await post(api, mistake.body);
        expect(response.status).toBe(mistake.status);
        const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
        expect(body.errors.map((error) => error.extensions.code)).toEqual([mistake.code]);
        expect(logs.filter((line) => line.level > INFO).map((line) => line.msg)).toEqual([]);
      },
    );

    it('keeps 200 for request errors asked as application/json (the spec’s legacy rule)', async () => {
      const response = await post(api, '{"query":"{ nope }"}', 'application/json');
      expect(response.status).toBe(200);
    });

    it('answers a malformed /services query string with 400 and a message, no stack or path', async () => {
      logs.length = 0;
      const response = await api.yoga.fetch(`${URL_BASE}/services?x=%`);
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).toMatch(/percent-encoding/);
      expect(text).not.toMatch(/at |\.ts|\/work\//);
      expect(logs.filter((line) => line.level > INFO)).toEqual([]);
    });

    it('writes what /services echoes as comment lines only', async () => {
      const injected = encodeURIComponent('\nevil 1/tcp\r\n\u2028evil 2/tcp');
      const response = await api.yoga.fetch(`${URL_BASE}/services?within=22&x=${injected}`);
      expect(response.status).toBe(200);
      const lines = (await response.text()).split(/\r\n|\r|\n|\u2028|\u2029/);
      expect(
        lines.filter((line) => line && !line.startsWith('#')).map((l) => l.split(/\s+/)[0]),
      ).toEqual(['ssh', 'ssh', 'ssh']);
    });

    /**
     * Requests read a snapshot, never the database: a server whose first snapshot cannot be
     * built (a table gone) is what fails inside. A second server on the same database, started
     * while the table is away, meets it.
     */
    const brokenServer = () => createApi({ database: api.database, logger, versionTtlMs: 0 });

    it('still logs a real internal error as an error', async () => {
      logs.length = 0;
      const { rawRows } = await import('@portbook/db');
      const { sql } = await import('drizzle-orm');
      await rawRows(api.database.db, sql`alter table changes rename to changes_gone_for_a_test`);
      const broken = brokenServer();
      try {
        const response = await broken.fetch(`${URL_BASE}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE },
          body: '{"query":"{ port(number: 22) { history { totalCount } } }"}',
        });
        const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
        expect(body.errors[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
        expect(logs.some((line) => line.level >= 50)).toBe(true);
      } finally {
        await rawRows(api.database.db, sql`alter table changes_gone_for_a_test rename to changes`);
        await broken.dispose();
      }
    });

    it('answers a failure behind /services with one line, no stack or path, logged as an error', async () => {
      logs.length = 0;
      const { rawRows } = await import('@portbook/db');
      const { sql } = await import('drizzle-orm');
      await rawRows(
        api.database.db,
        sql`alter table assignments rename to assignments_gone_for_a_test`,
      );
      const broken = brokenServer();
      try {
        const response = await broken.fetch(`${URL_BASE}/services?within=1-100`);
        expect(response.status).toBe(500);
        expect(await response.text()).toBe('internal error; it has been logged\n');
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(logs.some((line) => line.level >= 50)).toBe(true);
      } finally {
        await rawRows(
          api.database.db,
          sql`alter table assignments_gone_for_a_test rename to assignments`,
        );
        await broken.dispose();
      }
    });
  },
);
