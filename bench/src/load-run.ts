import { setTimeout as sleep } from 'node:timers/promises';
import type { SourceDocument } from '@portbook/core';
import type { TestDatabaseKind } from '@portbook/db/testing';
import autocannon from 'autocannon';
import { type ApiProcess, startApiProcess } from './api-process.ts';
import { bodiesOf, mixedBodies, type Traffic, trafficOf } from './api-traffic.ts';
import { loadDocuments } from './load-data.ts';
import { loadedDatabase, trafficInputs } from './registry-history.ts';

/** Enough of the mix to warm the JIT, the pools and every index built on first use. */
const WARMUP_REQUESTS = 8_000;

export interface LoadOptions {
  seconds: number;
  connections: number;
  /** A hard cap: the run stops after this many requests even before `seconds` are up. */
  maxRequests: number;
  /** Default Postgres. */
  kind?: TestDatabaseKind;
  /** What the database holds; default the 2025 and 2026 registries (`load-data.ts`). */
  documents?: () => SourceDocument[];
  /**
   * Also read memory this long after the warm-up and after the run, once the API has given
   * freed memory back (it does after 5 to 10 s without traffic); default 0: not read.
   */
  quietMs?: number;
}

export interface LoadResult {
  realData: boolean;
  /** From listening until the first snapshot was built. */
  snapshotMs: number;
  /** From the server process's start until its first snapshot was built. */
  readyMs: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  maxLatency: number;
  /**
   * Connection errors, timeouts and non-2xx answers seen by the load generator; of the warm-up,
   * all but timeouts (a cold server on a busy shared machine can leave a request queued 10 s).
   */
  transportErrors: number;
  /** The same by kind and phase, e.g. `warm-up: 3 timeouts; run: 2 non-2xx`, for the message of a failure. */
  transportErrorKinds: string;
  /** GraphQL errors the API sent during the run, by its own metrics. */
  graphqlErrors: number;
  warmupRequests: number;
  /** V8 heap in use after a full collection: what the process holds on to. */
  heapAfterWarmup: number;
  heapAfterRun: number;
  /** Resident memory after a full collection: what the machine gives the process. */
  rssAfterWarmup: number;
  rssAfterRun: number;
  /** Resident memory `quietMs` after the warm-up and after the run, when asked for. */
  rssQuietAfterWarmup?: number;
  rssQuietAfterRun?: number;
}

/** Every kind of the mix answers with data before any load is sent: errors must not flatter the figures. */
async function checkOperations(url: string, traffic: readonly Traffic[]) {
  for (const kind of traffic) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bodiesOf(kind)(),
    });
    const answer = (await response.json()) as { data?: unknown; errors?: unknown };
    if (!answer.data || answer.errors) {
      throw new Error(`${kind.name} does not answer: ${JSON.stringify(answer).slice(0, 400)}`);
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
  next: () => string,
): Promise<Fired> {
  return autocannon({
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
}

/** Sends `WARMUP_REQUESTS` of the mix. */
async function warmUp(api: ApiProcess, connections: number, next: () => string) {
  const fired = await fire(api.url, 600, connections, WARMUP_REQUESTS, next);
  return {
    requests: fired.requests.total,
    failures: { errors: fired.errors, timeouts: fired.timeouts, non2xx: fired.non2xx },
  };
}

/** Memory after `quietMs` without traffic, when asked for. */
async function quietMemory(api: ApiProcess, quietMs: number | undefined) {
  if (!quietMs) return undefined;
  await sleep(quietMs);
  return (await api.memory()).rss;
}

/**
 * Loads a database, starts the API on it as deployed (no response cache, PGlite in a worker
 * thread), warms it up with the mix, then runs the mix for `seconds` at `connections`; memory is
 * read after each phase, once the API is idle.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let realData = true;
  const documents =
    options.documents ??
    (() => {
      const loaded = loadDocuments();
      realData = loaded.real;
      return loaded.documents;
    });
  const database = await loadedDatabase(options.kind ?? 'postgres', documents);
  let api: ApiProcess | undefined;
  try {
    api = await startApiProcess('api', database.env);
    const traffic = trafficOf(await trafficInputs(api.url));
    await checkOperations(api.url, traffic);
    // One sequence for warm-up and run: the run goes on where the warm-up stopped.
    const next = mixedBodies(traffic, 1_000);
    const warmup = await warmUp(api, options.connections, next);
    const warm = await api.memory();
    const warmQuiet = await quietMemory(api, options.quietMs);
    const errorsBefore = await api.graphqlErrors();
    const result = await fire(
      api.url,
      options.seconds,
      options.connections,
      options.maxRequests,
      next,
    );
    const after = await api.memory();
    const afterQuiet = await quietMemory(api, options.quietMs);
    const kinds = (phase: string, f: { errors: number; timeouts: number; non2xx: number }) =>
      `${phase}: ${f.errors} errors (timeouts among them: ${f.timeouts}), ${f.non2xx} non-2xx`;
    return {
      realData,
      snapshotMs: api.snapshotMs,
      readyMs: api.readyMs,
      warmupRequests: warmup.requests,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      maxLatency: result.latency.max,
      transportErrors:
        warmup.failures.errors -
        warmup.failures.timeouts +
        warmup.failures.non2xx +
        result.errors +
        result.non2xx,
      transportErrorKinds: `${kinds('warm-up', warmup.failures)}; ${kinds('run', result)}`,
      graphqlErrors: (await api.graphqlErrors()) - errorsBefore,
      heapAfterWarmup: warm.heapUsed,
      heapAfterRun: after.heapUsed,
      rssAfterWarmup: warm.rss,
      rssAfterRun: after.rss,
      ...(warmQuiet === undefined ? {} : { rssQuietAfterWarmup: warmQuiet }),
      ...(afterQuiet === undefined ? {} : { rssQuietAfterRun: afterQuiet }),
    };
  } finally {
    await api?.stop();
    await database.drop();
  }
}
