import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServer } from '@portbook/api';
import { parseSource } from '@portbook/core';
import { importDocuments } from '@portbook/db';
import { createTestDatabase, type TestDatabaseKind } from '@portbook/db/testing';
import SchemaBuilder from '@pothos/core';
import autocannon from 'autocannon';
import { createYoga } from 'graphql-yoga';
import { type BenchSuite, type Measurement, sharedDataDir } from './harness.ts';

/** The full lookup a port page makes: assignments (a range among them), class, history. */
const PORT_QUERY = `query Port($number: Int!) {
  port(number: $number) {
    number status
    rangeClass { name low high }
    assignments { nodes { serviceName protocol portRange { low high } description assignee { name } references { url } validFrom source { title } } }
    history { nodes { kind occurred serviceName protocol source { title published } } }
  }
}`;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 6);

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, body: string): Promise<Load> {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
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
 * Baseline and API measured back to back `ROUNDS` times and summarised by medians: the machine
 * is shared, and a burst of other work during one run must not decide the ratio.
 */
async function alternate(baselineRun: () => Promise<Load>, apiRun: () => Promise<Load>) {
  const runs: { baseline: Load; api: Load }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    runs.push({ baseline: await baselineRun(), api: await apiRun() });
  }
  const summary = (side: 'baseline' | 'api'): Load => ({
    requestsPerSecond: median(runs.map((run) => run[side].requestsPerSecond)),
    p50: median(runs.map((run) => run[side].p50)),
    p99: median(runs.map((run) => run[side].p99)),
    errors: runs.reduce((sum, run) => sum + run[side].errors, 0),
  });
  const ratios = runs.map((run) => run.api.requestsPerSecond / run.baseline.requestsPerSecond);
  return { baseline: summary('baseline'), api: summary('api'), ratio: median(ratios), ratios };
}

/** Fails the suite unless the query really answers: a fast error would flatter the figures. */
async function checkAnswer(url: string, body: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  const answer = JSON.parse(text) as {
    data?: { port?: { assignments?: { nodes?: unknown[] } } };
    errors?: unknown;
  };
  if (answer.errors || !answer.data?.port?.assignments?.nodes?.length) {
    throw new Error(`the port query did not answer: ${text.slice(0, 500)}`);
  }
}

/** The floor: yoga + Pothos answering `{ __typename }`, the same stack with no work to do. */
async function startBaseline() {
  const builder = new SchemaBuilder({});
  builder.queryType({ fields: (t) => ({ hello: t.string({ resolve: () => 'world' }) }) });
  const yoga = createYoga({ schema: builder.toSchema(), logging: false });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/** The current registry and one a year older, so ports have history to show. */
function documents() {
  const dir = sharedDataDir();
  return [
    `${dir}/iana-snapshots/2025-01-13.xml.gz`,
    `${dir}/iana/service-names-port-numbers.xml`,
  ].map((file) => parseSource(readFileSync(file), file));
}

const suite: BenchSuite = {
  title: 'api',
  async run(report) {
    process.env.LOG_LEVEL ??= 'warn';
    const docs = documents();
    const baselineServer = await startBaseline();
    const baselineBody = JSON.stringify({ query: '{ __typename }' });
    await load(baselineServer.url, baselineBody); // warm-up, as the API gets below
    try {
      for (const kind of ['postgres', 'pglite'] as TestDatabaseKind[]) {
        const test = await createTestDatabase(kind);
        try {
          await importDocuments(test.database, docs);
          for (const cached of [false, true]) {
            const server = await startServer({
              database: test.database,
              port: 0,
              siteDir: '/nonexistent',
              responseCache: cached,
            });
            try {
              const body = JSON.stringify({ query: PORT_QUERY, variables: { number: 6010 } });
              await checkAnswer(server.url, body);
              await load(server.url, body); // warm-up: JIT, pools, per-version reference data
              const { baseline, api, ratio, ratios } = await alternate(
                () => load(baselineServer.url, baselineBody),
                () => load(server.url, body),
              );
              const label = `port(number:) on ${kind}, ${cached ? 'response cache' : 'uncached'}`;
              const aim = cached ? 0.9 : 0.6;
              const measurement: Measurement = {
                name: `${label}, ${CONNECTIONS} connections (median of ${ROUNDS} rounds)`,
                value: api.requestsPerSecond,
                unit: 'req/s',
                baseline: {
                  name: 'yoga + Pothos { __typename }',
                  value: baseline.requestsPerSecond,
                },
              };
              report(measurement);
              report({
                name: `${label}: median per-round ratio to the baseline (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
                value: ratio,
                unit: 'x',
                aim:
                  kind === 'postgres'
                    ? { text: `>= ${aim}`, met: ratio >= aim && api.errors === 0 }
                    : undefined,
              });
              report({ name: `${label}: p50 latency`, value: api.p50, unit: 'ms' });
              report({ name: `${label}: p99 latency`, value: api.p99, unit: 'ms' });
              if (api.errors > 0)
                report({ name: `${label}: failed requests`, value: api.errors, unit: 'requests' });
            } finally {
              await server.close();
            }
          }
        } finally {
          await test.drop();
        }
      }
    } finally {
      await baselineServer.close();
    }
  },
};

export default suite;

/** `node bench/src/api.bench.ts` runs this suite alone and prints its figures. */
if (import.meta.url === `file://${process.argv[1]}`) {
  await suite.run((m) =>
    process.stdout.write(
      `${m.name}: ${m.value.toFixed(1)} ${m.unit}${m.baseline ? ` (baseline ${m.baseline.value.toFixed(1)}, ratio ${(m.value / m.baseline.value).toFixed(2)})` : ''}\n`,
    ),
  );
}
