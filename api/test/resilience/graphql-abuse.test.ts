import { connect } from 'node:net';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '@portbook/db/testing';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/index.ts';
import { NEW_DOCUMENT, OLD_DOCUMENT, seedFixtures } from '../fixtures.ts';

interface Answer {
  status: number;
  codes: string[];
  body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } | unknown[];
}

/** The server refuses bodies above this with 413 before reading them whole (`bodyLimitPlugin`). */
const BODY_LIMIT = 1_000_000;
const HEALTHY_QUERY = '{ port(number: 22) { number assignments { nodes { serviceName } } } }';

function nested(field: string, depth: number, leaf: string): string {
  let selection = leaf;
  for (let level = 0; level < depth; level++) selection = `${field} { ${selection} }`;
  return selection;
}

const ABUSE: { name: string; body: () => string; status: number; code: string }[] = [
  {
    name: 'deep nesting',
    body: () =>
      JSON.stringify({ query: `{ port(number: 22) { ${nested('nextAssigned', 60, 'number')} } }` }),
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'an alias flood',
    body: () =>
      JSON.stringify({
        query: `{ ${Array.from({ length: 400 }, (_, n) => `a${n}: port(number: ${n}) { number }`).join(' ')} }`,
      }),
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'an alias flood under the token limit',
    body: () =>
      JSON.stringify({
        query: `{ ${Array.from({ length: 40 }, (_, n) => `a${n}: registry { recordCount }`).join(' ')} }`,
      }),
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a huge `first`',
    body: () => JSON.stringify({ query: '{ ports(first: 1000000) { nodes { number } } }' }),
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a `first` above the page cap in a variable',
    body: () =>
      JSON.stringify({
        query: 'query($n: Int) { ports(first: $n) { nodes { number } } }',
        variables: { n: 1000 },
      }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a huge search string',
    body: () =>
      JSON.stringify({
        query: 'query($q: String!) { search(query: $q, first: 5) { nodes { score } } }',
        // Just under the body limit: the search refuses it, not the HTTP layer.
        variables: { q: 'ssh '.repeat(200_000) },
      }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'an invalid cursor',
    body: () =>
      JSON.stringify({ query: '{ ports(first: 5, after: "not-a-cursor") { nodes { number } } }' }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a cursor from another list',
    body: () =>
      JSON.stringify({
        query: `{ ports(first: 5, after: "${Buffer.from('search:3').toString('base64url')}") { nodes { number } } }`,
      }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'malformed JSON',
    body: () => '{"query": "{ registry { recordCount } }"',
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a body just over the limit',
    body: () =>
      JSON.stringify({
        query: '{ registry { recordCount } }',
        variables: { pad: 'x'.repeat(BODY_LIMIT) },
      }),
    status: 413,
    code: 'REQUEST_ENTITY_TOO_LARGE',
  },
  {
    name: 'a 2 MB body',
    body: () =>
      JSON.stringify({
        query: '{ registry { recordCount } }',
        variables: { pad: 'x'.repeat(2 * BODY_LIMIT) },
      }),
    status: 413,
    code: 'REQUEST_ENTITY_TOO_LARGE',
  },
  {
    name: 'an introspection-heavy query',
    body: () => {
      let selection = 'name';
      for (let level = 0; level < 8; level++) selection = `fields { type { ${selection} } }`;
      return JSON.stringify({ query: `{ __schema { types { ${selection} } } }` });
    },
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a batched-request flood',
    body: () =>
      JSON.stringify(
        Array.from({ length: 200 }, () => ({ query: '{ registry { recordCount } }' })),
      ),
    status: 413,
    code: 'BAD_REQUEST',
  },
];

/** Classic injection payloads, a NUL byte and LIKE wildcards: each must be plain text to the API. */
const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE assignments; --",
  "x'); select pg_sleep(5); --",
  '1; select pg_sleep(5)',
  '%',
  '_%\\',
  '") or ("1"="1',
  '$1',
  'ssh\u0000; drop table sources',
  "\\'; truncate sources cascade; --",
];

describe.each(TEST_DATABASE_KINDS)('GraphQL abuse against a running server on %s', (kind) => {
  let test: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await seedFixtures(test.database);
    server = await startServer({
      database: test.database,
      port: 0,
      siteDir: '/nonexistent',
      logger: pino({ level: 'silent' }),
    });
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
  });

  async function post(body: string | ReadableStream<Uint8Array>): Promise<Answer> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(30_000),
      ...(typeof body === 'string' ? {} : { duplex: 'half' }),
    } as RequestInit);
    const parsed = await response.json();
    const errors = Array.isArray(parsed)
      ? parsed.flatMap((one) => one.errors ?? [])
      : (parsed.errors ?? []);
    const codes = errors.map(
      (error: { extensions?: { code?: string } }) => error.extensions?.code ?? 'NONE',
    );
    return { status: response.status, codes, body: parsed };
  }

  afterEach(async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const healthy = await post(JSON.stringify({ query: HEALTHY_QUERY }));
    expect(healthy.codes).toEqual([]);
    expect(healthy.body).toMatchObject({ data: { port: { number: 22 } } });
  });

  it.each(ABUSE)('refuses $name with $code and stays healthy', async ({ body, status, code }) => {
    const answer = await post(body());
    expect(answer.status).toBe(status);
    expect(answer.codes.length).toBeGreaterThan(0);
    expect(new Set(answer.codes)).toEqual(new Set([code]));
  });

  it('refuses an oversized body sent without a length (chunked) before reading it all', async () => {
    const chunk = new TextEncoder().encode(
      `{"query":"{ registry { recordCount } }","pad":"${'x'.repeat(BODY_LIMIT / 10)}`,
    );
    // Far beyond what the kernel's socket buffers take in before the server answers.
    const offered = 100 * BODY_LIMIT;
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > offered) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const answer = await post(stream).catch((error: Error) => ({
      status: 0,
      codes: [String(error)],
      body: [],
    }));
    expect(answer.status).toBe(413);
    expect(answer.codes).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
    expect(sent).toBeLessThan(offered);
  });

  it('ends a body at its Content-Length: what follows is the next request, judged on its own', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const { hostname, port } = new URL(server.url);
    const head = (length: number, close = false) =>
      `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${length}\r\n${close ? 'Connection: close\r\n' : ''}\r\n`;
    const socket = connect(Number(port), hostname);
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk;
    });
    socket.on('error', () => {});
    const closed = new Promise((resolve) => socket.once('close', resolve));
    // One write: a small declared body, then a request declaring 2 MB in the same bytes.
    socket.write(`${head(Buffer.byteLength(body))}${body}${head(2 * BODY_LIMIT, true)}`);
    await closed;
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    expect(reply).toContain('{"data":{"__typename":"Query"}}');
    expect(reply).toContain('HTTP/1.1 413 ');
    expect(reply).toContain('REQUEST_ENTITY_TOO_LARGE');
  });

  it('treats injection strings in every text argument as text', async () => {
    const query = `query($s: String!, $ids: [ID!]!) {
      search(query: $s, first: 5) { nodes { score } }
      service(name: $s) { name }
      ports(first: 5, filter: { text: $s, person: $s, reference: $s }) { nodes { number } }
      services(first: 5, filter: { text: $s }) { nodes { name } }
      changes(first: 5, serviceName: $s) { nodes { kind } }
      nodes(ids: $ids) { id }
    }`;
    for (const injection of INJECTIONS) {
      const started = Date.now();
      const answer = await post(
        JSON.stringify({ query, variables: { s: injection, ids: [injection] } }),
      );
      expect(answer.status, injection).toBe(200);
      expect(
        answer.codes.filter((code) => code !== 'BAD_USER_INPUT'),
        injection,
      ).toEqual([]);
      expect(Date.now() - started, `${injection} ran no injected pg_sleep`).toBeLessThan(5_000);
    }
    const rangeClass = await post(
      JSON.stringify({
        query:
          'query($s: String!) { ports(first: 5, filter: { rangeClass: $s }) { nodes { number } } }',
        variables: { s: INJECTIONS[1] },
      }),
    );
    expect(rangeClass.codes).toEqual(['BAD_USER_INPUT']);
    const registry = await post(
      JSON.stringify({ query: '{ registry { recordCount sourceCount } }' }),
    );
    expect(registry.body).toEqual({
      data: {
        registry: {
          recordCount: NEW_DOCUMENT.records.length,
          sourceCount: [OLD_DOCUMENT, NEW_DOCUMENT].length,
        },
      },
    });
  }, 60_000);
});
