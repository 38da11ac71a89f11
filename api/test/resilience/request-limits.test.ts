import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase, migrate } from '@portbook/db';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '@portbook/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type RunningServer, startServer } from '../../src/index.ts';
import { seedFixtures } from '../fixtures.ts';
import { type ApiProcess, startApiProcess } from './api-process.ts';

/**
 * What counts as a stall in these tests: half the shortest hold the reproductions caused before
 * the limits (7.8-21.5 s, or for good). Not a speed goal (that is `pnpm bench`): on shared cores
 * at load average 12, healthy answers were seen to take up to 2.2 s.
 */
const STALL_MS = 4_000;

const NEAREST_PAGE = 'ports(first: 100) { nodes { nearestUnassigned { number } } }';
const ALIASED = `{ ${Array.from({ length: 15 }, (_, n) => `a${n}: ${NEAREST_PAGE}`).join(' ')} }`;
const words = (count: number) => Array.from({ length: count }, (_, n) => `word${n}`).join(' ');

/** The reproductions: each once held the server for seconds, or for good. */
const REPRODUCTIONS: { name: string; body: unknown; code: string }[] = [
  {
    name: 'an 8,000-word (39 KB) `text` filter',
    body: {
      query: 'query($t: String) { ports(first: 5, filter: { text: $t }) { nodes { number } } }',
      variables: { t: words(8000).slice(0, 39_000) },
    },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a 30 KB `person` filter',
    body: {
      query: 'query($p: String) { ports(first: 5, filter: { person: $p }) { nodes { number } } }',
      variables: { p: 'x'.repeat(30_000) },
    },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a 30 KB `reference` on services',
    body: {
      query: 'query($r: String) { services(filter: { reference: $r }) { nodes { name } } }',
      variables: { r: 'r'.repeat(30_000) },
    },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a 30 KB service name and change-feed name',
    body: {
      query:
        'query($n: String!) { service(name: $n) { name } changes(serviceName: $n) { totalCount } }',
      variables: { n: 'n'.repeat(30_000) },
    },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a 30 KB node id',
    body: {
      query: 'query($id: ID!) { node(id: $id) { id } }',
      variables: { id: 'i'.repeat(30_000) },
    },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a 30 KB string literal in the query',
    body: { query: `{ service(name: "${'s'.repeat(30_000)}") { name } }` },
    code: 'BAD_USER_INPUT',
  },
  {
    name: '15 aliases of a page of 100 `nearestUnassigned`',
    body: { query: ALIASED },
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a batch of two such operations',
    body: [{ query: ALIASED }, { query: ALIASED }],
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
];

/** Asks /healthz back to back until stopped; returns each answer's latency in ms. */
function probeHealth(url: string) {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) })).arrayBuffer();
      latencies.push(performance.now() - started);
      await sleep(5);
    }
  })();
  return async () => {
    running = false;
    await loop;
    return latencies;
  };
}

/** POSTs a body; the answer's error codes and messages, and how long it took. */
async function postTo(url: string, body: unknown) {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const parsed = await response.json();
  const errors = (Array.isArray(parsed) ? parsed : [parsed]).flatMap((one) => one.errors ?? []);
  return {
    ms: performance.now() - started,
    codes: new Set(errors.map((e: { extensions?: { code?: string } }) => e.extensions?.code)),
    messages: errors.map((e: { message: string }) => e.message),
  };
}

describe.each(TEST_DATABASE_KINDS)('request limits on %s', (kind) => {
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

  const post = (body: unknown) => postTo(server.url, body);

  it.each(REPRODUCTIONS)('refuses $name quickly with $code', async ({ body, code }) => {
    const answer = await post(body);
    expect(answer.codes).toEqual(new Set([code]));
    expect(answer.messages.join(' ')).toMatch(/at most \d+|costs \d+, above the limit/);
    expect(answer.ms).toBeLessThan(STALL_MS);
  });

  it('answers one page of 100 `nearestUnassigned`: under the cost limit, it is cheap', async () => {
    const answer = await post({ query: `{ ${NEAREST_PAGE} }` });
    expect(answer.codes).toEqual(new Set());
  });

  it('stops resolving a request past its time budget', async () => {
    const api = createApi({
      database: test.database,
      logger: pino({ level: 'silent' }),
      responseCache: false,
      requestBudgetMs: -1,
    });
    try {
      // Twice: the second time the operation runs compiled.
      for (const _ of [1, 2]) {
        const response = await api.fetch('http://portbook.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ port(number: 22) { status } }' }),
        });
        const { errors } = (await response.json()) as {
          errors?: { message: string; extensions?: { code?: string } }[];
        };
        expect(errors?.[0]?.message).toMatch(/time budget/);
        expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    } finally {
      await api.dispose();
    }
  });
});

/** The API in a process of its own, so the probe measures the server, not the test's own work. */
describe.each(TEST_DATABASE_KINDS)(
  '/healthz of an API process under the reproductions, on %s',
  (kind) => {
    let test: TestDatabase | undefined;
    let dataDir: string | undefined;
    let api: ApiProcess;

    beforeAll(async () => {
      let env: Record<string, string>;
      if (kind === 'postgres') {
        test = await createTestDatabase('postgres');
        await seedFixtures(test.database);
        env = { DATABASE_URL: test.url as string };
      } else {
        dataDir = mkdtempSync(join(tmpdir(), 'portbook-limits-'));
        const database = createDatabase({ url: undefined, dataDir });
        await migrate(database);
        await seedFixtures(database);
        await database.close();
        env = { DATABASE_URL: '', PORTBOOK_DATA_DIR: dataDir };
      }
      api = await startApiProcess(env);
      // The first snapshot is built before the measurement starts.
      await postTo(api.url, { query: '{ registry { recordCount } }' });
    }, 120_000);
    afterAll(async () => {
      await api?.stop();
      await test?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    /**
     * A stall detector, not a speed goal (those are benchmarks): before the limits, one of these
     * requests held /healthz for 9.7-21.5 s or for good. The 100 ms p99 aim is measured with
     * `pnpm bench sync-health`-style probes outside the test run's shared cores.
     */
    it('keeps answering /healthz while the reproductions run (no request holds the server)', async () => {
      // Warm (JIT, first parses) as a server that has run a while is.
      await Promise.all(REPRODUCTIONS.map(({ body }) => postTo(api.url, body)));
      const stop = probeHealth(api.url);
      await sleep(50);
      for (let round = 0; round < 5; round++) {
        await Promise.all(REPRODUCTIONS.map(({ body }) => postTo(api.url, body)));
      }
      await Promise.all(
        Array.from({ length: 5 }, (_, n) =>
          fetch(`${api.url}/services?protocol=${n % 2 ? 'tcp' : 'udp'}&ranges=expand`).then((r) =>
            r.text(),
          ),
        ),
      );
      const latencies = (await stop()).sort((a, b) => a - b);
      expect(latencies.length).toBeGreaterThan(5);
      const longest = latencies.at(-1) as number;
      expect(longest, `healthz latencies ${latencies.map(Math.round).join(' ')}`).toBeLessThan(
        STALL_MS,
      );
    }, 60_000);
  },
);
