import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { type ApiProcess, startApiProcess } from './api-process.ts';
import { bodiesOf, type Traffic, trafficOf } from './api-traffic.ts';
import type { BenchSuite, Measurement } from './harness.ts';
import { loadAverage, loadedDatabase, registryHistory, trafficInputs } from './registry-history.ts';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 3);
const WARMUP_SECONDS = 2;
const SETTLE_SECONDS = 1;
/** `BENCH_API_DATABASES=pglite` measures one kind alone. */
const DATABASES = (process.env.BENCH_API_DATABASES ?? 'postgres,pglite')
  .split(',')
  .filter((kind): kind is 'postgres' | 'pglite' => kind === 'postgres' || kind === 'pglite');
const TYPENAME = JSON.stringify({ query: '{ __typename }' });
/** The issue's aims, response cache off: throughput as a share of `{ __typename }` on the same server. */
const RATIO_AIMS: Record<string, number> = {
  'port lookups (every port in turn)': 0.8,
  searches: 0.5,
};
const P99_AIM_MS = 50;
const SNAPSHOT_AIM_MS = 3_000;
const RSS_AIM_MIB = { postgres: 400, pglite: 700 };
/** Two of the server's 5 s activity checks and the release itself. */
const QUIET_WAIT_MS = 12_000;

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers. */
  failures: number;
  /** Server CPU per answered request: steady however busy the rest of the machine is. */
  cpuMsPerRequest: number;
}

/**
 * Waits until the server is idle (under 10% of a core for 250 ms, at most 10 s): requests of
 * the last run still in its queue must not be counted against the next run.
 */
async function settle(server: ApiProcess) {
  for (let waited = 0; waited < 10_000; waited += 250) {
    const before = server.cpuMs();
    await sleep(250);
    if (server.cpuMs() - before < 25) return;
  }
}

/** `connections` clients for `seconds`, each request's body the next of `next`. */
async function load(server: ApiProcess, next: () => string, seconds = SECONDS): Promise<Load> {
  await settle(server);
  const cpuBefore = server.cpuMs();
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
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
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
    cpuMsPerRequest: (server.cpuMs() - cpuBefore) / Math.max(1, result.requests.total),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * `{ __typename }` and the traffic back to back `ROUNDS` times on the same server, summarised by
 * medians: the machine is shared, and a burst of other work during one run must not decide.
 */
async function alternate(server: ApiProcess, next: () => string) {
  const runs: { baseline: Load; traffic: Load }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    runs.push({ baseline: await load(server, () => TYPENAME), traffic: await load(server, next) });
  }
  const summary = (side: 'baseline' | 'traffic'): Load => ({
    requestsPerSecond: median(runs.map((run) => run[side].requestsPerSecond)),
    p50: median(runs.map((run) => run[side].p50)),
    p99: median(runs.map((run) => run[side].p99)),
    failures: runs.reduce((sum, run) => sum + run[side].failures, 0),
    cpuMsPerRequest: median(runs.map((run) => run[side].cpuMsPerRequest)),
  });
  const ratios = runs.map((run) => run.traffic.requestsPerSecond / run.baseline.requestsPerSecond);
  return {
    baseline: summary('baseline'),
    traffic: summary('traffic'),
    ratio: median(ratios),
    ratios,
  };
}

/** Fails the suite unless the first requests of each kind answer with data and no error. */
async function checkAnswers(url: string, traffic: readonly Traffic[]) {
  for (const kind of traffic) {
    const next = bodiesOf(kind);
    for (let i = 0; i < 20; i++) {
      const body = next();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const text = await response.text();
      const answer = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown };
      const value = answer.data && Object.values(answer.data)[0];
      // A service or port that is not there would answer null fast and flatter the figures.
      if (answer.errors || !value) {
        throw new Error(`${kind.name} did not answer ${body}: ${text.slice(0, 400)}`);
      }
    }
  }
}

const mib = (bytes: number) => bytes / 2 ** 20;

async function measureServer(
  kind: 'postgres' | 'pglite',
  cached: boolean,
  server: ApiProcess,
  report: (measurement: Measurement) => void,
) {
  const setup = `${kind}, response cache ${cached ? 'on' : 'off'}`;
  report({
    name: `first snapshot built at start-up, ${setup}${kind === 'pglite' ? ` (snapshot cache made current first: ${server.cacheMs.toFixed(0)} ms of it)` : ''}; ${(server.readyMs / 1000).toFixed(2)} s from the process's start (load average ${loadAverage()})`,
    value: server.snapshotMs,
    unit: 'ms',
    aim: { text: 'at most 3 s', met: server.snapshotMs <= SNAPSHOT_AIM_MS },
  });
  const traffic = trafficOf(await trafficInputs(server.url));
  await checkAnswers(server.url, traffic);
  // Each kind steps on from where it stopped: no round repeats another's requests.
  const next = traffic.map((kind) => bodiesOf(kind, 1_000));
  await load(server, () => TYPENAME, WARMUP_SECONDS);
  for (const body of next) await load(server, body, WARMUP_SECONDS);
  const warm = await server.memory();
  report({
    name: `resident memory after warm-up, ${setup} (heap ${mib(warm.heapUsed).toFixed(0)} MiB)`,
    value: mib(warm.rss),
    unit: 'MiB',
    aim: { text: `at most ${RSS_AIM_MIB[kind]} MiB`, met: mib(warm.rss) <= RSS_AIM_MIB[kind] },
  });
  // The memory reading collects all garbage at once; the mix runs again so that the first kind
  // measured is not measured in that collection's wake (the old generation regrowing).
  for (const body of next) await load(server, body, SETTLE_SECONDS);
  const errorsBefore = await server.graphqlErrors();
  for (const [k, kindOfTraffic] of traffic.entries()) {
    const {
      baseline,
      traffic: measured,
      ratio,
      ratios,
    } = await alternate(server, next[k] as () => string);
    const label = `${kindOfTraffic.name}, ${setup}, ${CONNECTIONS} connections`;
    const when = `load average ${loadAverage()}`;
    const aim = cached ? undefined : RATIO_AIMS[kindOfTraffic.name];
    report({
      name: `${label}: throughput (median of ${ROUNDS} rounds of ${SECONDS} s)`,
      value: measured.requestsPerSecond,
      unit: 'req/s',
      baseline: { name: '{ __typename }, same server', value: baseline.requestsPerSecond },
    });
    report({
      name: `${label}: median per-round ratio to { __typename } (rounds ${ratios.map((r) => r.toFixed(2)).join(', ')}; ${when})`,
      value: ratio,
      unit: 'x',
      aim:
        aim === undefined
          ? undefined
          : { text: `>= ${aim}`, met: ratio >= aim && measured.failures === 0 },
    });
    report({
      name: `${label}: server CPU per request${kind === 'postgres' ? ' (Postgres not counted)' : ''}`,
      value: measured.cpuMsPerRequest * 1000,
      unit: 'µs',
      baseline: { name: '{ __typename }', value: baseline.cpuMsPerRequest * 1000 },
    });
    report({
      name: `${label}: p99 latency (p50 ${measured.p50} ms; { __typename } p99 ${baseline.p99} ms; ${when})`,
      value: measured.p99,
      unit: 'ms',
      aim: { text: `under ${P99_AIM_MS} ms`, met: measured.p99 < P99_AIM_MS },
    });
    if (measured.failures > 0) {
      report({ name: `${label}: failed requests`, value: measured.failures, unit: 'requests' });
    }
  }
  const errors = (await server.graphqlErrors()) - errorsBefore;
  report({
    name: `GraphQL errors during the runs, ${setup}`,
    value: errors,
    unit: 'errors',
    aim: { text: 'none', met: errors === 0 },
  });
  // The server gives freed memory back after a quiet interval (`IdleMemoryRelease`, 5 s).
  await sleep(QUIET_WAIT_MS);
  const quiet = await server.memory();
  report({
    name: `resident memory ${QUIET_WAIT_MS / 1000} s after the last request, ${setup} (heap ${mib(quiet.heapUsed).toFixed(0)} MiB)`,
    value: mib(quiet.rss),
    unit: 'MiB',
    baseline: { name: 'right after the warm-up', value: mib(warm.rss) },
    aim: { text: `at most ${RSS_AIM_MIB[kind]} MiB`, met: mib(quiet.rss) <= RSS_AIM_MIB[kind] },
  });
}

const suite: BenchSuite = {
  title: 'api',
  async run(report) {
    let documents: ReturnType<typeof registryHistory> | undefined;
    const history = () => {
      documents ??= registryHistory();
      return documents;
    };
    for (const kind of DATABASES) {
      const database = await loadedDatabase(kind, history);
      try {
        for (const cached of [false, true]) {
          const server = await startApiProcess(cached ? 'api-cached' : 'api', database.env);
          try {
            await measureServer(kind, cached, server, report);
          } finally {
            await server.stop();
          }
        }
      } finally {
        await database.drop();
      }
    }
  },
};

export default suite;

/** `node bench/src/api.bench.ts` runs this suite alone and prints its figures. */
if (import.meta.url === `file://${process.argv[1]}`) {
  await suite.run((m) =>
    process.stdout.write(
      `${m.name}: ${m.value.toFixed(1)} ${m.unit}${m.baseline ? ` (baseline ${m.baseline.value.toFixed(1)}, ratio ${(m.value / m.baseline.value).toFixed(2)})` : ''}${m.aim ? ` [aim ${m.aim.text}: ${m.aim.met ? 'met' : 'MISSED'}]` : ''}\n`,
    ),
  );
}
