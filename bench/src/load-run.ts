import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { importDocuments } from '@portbook/db';
import { createTestDatabase } from '@portbook/db/testing';
import autocannon from 'autocannon';
import { loadDocuments } from './load-data.ts';
import { mixedBodies, OPERATIONS, seededRandom } from './load-mix.ts';

const API_MAIN = fileURLToPath(new URL('../../api/src/main.ts', import.meta.url));
/** The response cache holds 5,000 responses; past this many misses it is full and evicting. */
const CACHE_FULL_MISSES = 6_000;
/** Warm-up rounds stop once the cache is full, or after this long on a machine too slow for it. */
const WARMUP_LIMIT_MS = 240_000;
const WARMUP_ROUND_REQUESTS = 4_000;

export interface LoadOptions {
  seconds: number;
  connections: number;
  /** A hard cap: the run stops after this many requests even before `seconds` are up. */
  maxRequests: number;
}

export interface LoadResult {
  realData: boolean;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  maxLatency: number;
  /** Connection errors, timeouts and non-2xx answers seen by the load generator, warm-up included. */
  transportErrors: number;
  /** GraphQL errors the API sent during the run, by its own metrics. */
  graphqlErrors: number;
  /** Requests of the warm-up: until the response cache was full, so later growth is not the cache filling. */
  warmupRequests: number;
  /** V8 heap in use after a full collection: what the process holds on to. */
  heapAfterWarmup: number;
  heapAfterRun: number;
  /** Resident memory, for the record: V8 keeps grown heap space, so it rises without a leak. */
  rssAfterWarmup: number;
  rssAfterRun: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** The child's inspector, to force a full garbage collection before memory is read. */
  inspector: string;
}

/** The API as deployed: its own process on loopback, on a Postgres database. */
async function startApi(databaseUrl: string): Promise<ApiProcess> {
  const port = await freePort();
  // The child stops itself when its stdin closes: the API never outlives a killed load test.
  const watch = `process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM')).resume();`;
  const main = `${watch} await import(${JSON.stringify(API_MAIN)});`;
  const child = spawn(
    process.execPath,
    ['--inspect=127.0.0.1:0', '--input-type=module', '-e', main],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        PORTBOOK_SITE_DIR: '/nonexistent',
      },
      stdio: ['pipe', 'ignore', 'pipe'],
    },
  );
  const inspector = new Promise<string>((resolve) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      const match = /Debugger listening on (ws:\/\/\S+)/.exec(text);
      if (match?.[1]) resolve(match[1]);
      else if (!/For help, see|Debugger attached|Waiting for the debugger/.test(text))
        process.stderr.write(text);
    });
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, child, inspector: await inspector };
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('the API did not become ready');
}

/** A full garbage collection in the API process, through its inspector (Chrome DevTools protocol). */
async function collectGarbage(inspector: string): Promise<void> {
  const socket = new WebSocket(inspector);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  await new Promise<void>((resolve) => {
    socket.addEventListener('message', (event) => {
      if (JSON.parse(String(event.data)).id === 1) resolve();
    });
    socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }));
  });
  socket.close();
}

/** Memory the API holds once idle and collected, and its GraphQL error count, from `/metrics`. */
async function apiFigures(api: ApiProcess) {
  await sleep(1_000);
  await collectGarbage(api.inspector);
  const text = await (await fetch(`${api.url}/metrics`)).text();
  const value = (pattern: RegExp) =>
    [...text.matchAll(pattern)].reduce((sum, match) => sum + Number(match[1]), 0);
  return {
    heap: value(/^portbook_nodejs_heap_size_used_bytes (\S+)$/gm),
    rss: value(/^portbook_process_resident_memory_bytes (\S+)$/gm),
    graphqlErrors: value(/^portbook_graphql_errors_total\{[^}]*\} (\S+)$/gm),
  };
}

/** Every operation of the mix answers with data before any load is sent: errors must not flatter the figures. */
async function checkOperations(url: string) {
  const random = seededRandom(1);
  for (const operation of OPERATIONS) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: operation.query, variables: operation.variables(random) }),
    });
    const answer = (await response.json()) as { data?: unknown; errors?: unknown };
    if (!answer.data || answer.errors) {
      throw new Error(`${operation.name} does not answer: ${JSON.stringify(answer).slice(0, 400)}`);
    }
  }
}

/** The figures of autocannon's result the load test reads. */
interface Fired {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function fire(
  url: string,
  seconds: number,
  connections: number,
  maxRequests: number,
  seed: number,
): Promise<Fired> {
  const next = mixedBodies(seed);
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    maxOverallRequests: maxRequests,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: next() }),
      },
    ],
  });
  return result as unknown as Fired;
}

/** Sends the mix in rounds until the response cache is full (and the pools and JIT are warm). */
async function warmUp(api: ApiProcess, connections: number) {
  const started = Date.now();
  let requests = 0;
  let errors = 0;
  for (let round = 0; Date.now() - started < WARMUP_LIMIT_MS; round++) {
    const fired = await fire(api.url, 60, connections, WARMUP_ROUND_REQUESTS, 100 + round);
    requests += fired.requests.total;
    errors += fired.errors + fired.timeouts + fired.non2xx;
    const text = await (await fetch(`${api.url}/metrics`)).text();
    const misses = Number(
      /^portbook_response_cache_total\{result="miss"\} (\S+)$/m.exec(text)?.[1] ?? 0,
    );
    if (misses >= CACHE_FULL_MISSES) return { requests, errors };
  }
  throw new Error(`the response cache did not fill within ${WARMUP_LIMIT_MS / 1000} s of warm-up`);
}

/**
 * Loads a Postgres database, starts the API on it, warms it up with the mix, then runs the mix
 * for `seconds` at `connections`; memory is read after each phase, once the API is idle.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { documents, real } = loadDocuments();
  const test = await createTestDatabase('postgres');
  let api: ApiProcess | undefined;
  try {
    await importDocuments(test.database, documents);
    api = await startApi(test.url as string);
    await checkOperations(api.url);
    const warmup = await warmUp(api, options.connections);
    const warm = await apiFigures(api);
    const result = await fire(
      api.url,
      options.seconds,
      options.connections,
      options.maxRequests,
      11,
    );
    const after = await apiFigures(api);
    return {
      realData: real,
      warmupRequests: warmup.requests,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      maxLatency: result.latency.max,
      transportErrors: warmup.errors + result.errors + result.timeouts + result.non2xx,
      graphqlErrors: after.graphqlErrors - warm.graphqlErrors,
      heapAfterWarmup: warm.heap,
      heapAfterRun: after.heap,
      rssAfterWarmup: warm.rss,
      rssAfterRun: after.rss,
    };
  } finally {
    if (api && api.child.exitCode === null) {
      const exited = new Promise((resolve) => api?.child.once('exit', resolve));
      api.child.kill('SIGTERM');
      await exited;
    }
    await test.drop();
  }
}
