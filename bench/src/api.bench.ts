import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSource } from '@portbook/core';
import { createDatabase, importDocuments, migrate } from '@portbook/db';
import { createTestDatabase } from '@portbook/db/testing';
import autocannon from 'autocannon';
import { type BenchSuite, sharedDataDir } from './harness.ts';

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
const SERVER_SCRIPT = fileURLToPath(new URL('./api-server.ts', import.meta.url));
/** Linux reports process CPU time in clock ticks of 1/100 s. */
const MS_PER_TICK = 10;

interface ServerProcess {
  url: string;
  /** CPU time the server process has used so far (user + system). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Starts `api-server.ts` in its own process, so its CPU time is its own. */
async function spawnServer(mode: string, env: Record<string, string>): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [SERVER_SCRIPT, mode], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
  return {
    url,
    cpuMs: () => {
      const fields =
        readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Server CPU per answered request: steady however busy the rest of the machine is. */
  cpuMsPerRequest: number;
}

async function load(server: ServerProcess, body: string): Promise<Load> {
  const cpuBefore = server.cpuMs();
  const result = await autocannon({
    url: `${server.url}/graphql`,
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
    cpuMsPerRequest: median(runs.map((run) => run[side].cpuMsPerRequest)),
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

/** The current registry and one a year older, so ports have history to show. */
function documents() {
  const dir = sharedDataDir();
  return [
    `${dir}/iana-snapshots/2025-01-13.xml.gz`,
    `${dir}/iana/service-names-port-numbers.xml`,
  ].map((file) => parseSource(readFileSync(file), file));
}

/** A loaded database for a server process: a Postgres URL, or a PGlite directory on disk. */
async function loadedDatabase(
  kind: 'postgres' | 'pglite',
  docs: ReturnType<typeof documents>,
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (kind === 'postgres') {
    const test = await createTestDatabase('postgres');
    await importDocuments(test.database, docs);
    await test.database.close();
    return { env: { DATABASE_URL: test.url as string }, drop: () => test.drop() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'portbook-bench-'));
  const database = createDatabase({ url: undefined, dataDir: dir });
  await migrate(database);
  await importDocuments(database, docs);
  await database.close();
  return {
    env: { DATABASE_URL: '', PORTBOOK_DATA_DIR: dir },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const suite: BenchSuite = {
  title: 'api',
  async run(report) {
    const docs = documents();
    const baselineServer = await spawnServer('baseline', {});
    const baselineBody = JSON.stringify({ query: '{ __typename }' });
    await load(baselineServer, baselineBody); // warm-up, as the API gets below
    try {
      for (const kind of ['postgres', 'pglite'] as const) {
        const database = await loadedDatabase(kind, docs);
        try {
          for (const cached of [false, true]) {
            const server = await spawnServer(cached ? 'api-cached' : 'api', database.env);
            try {
              const body = JSON.stringify({ query: PORT_QUERY, variables: { number: 6010 } });
              await checkAnswer(server.url, body);
              await load(server, body); // warm-up: JIT, pools, per-version reference data
              const { baseline, api, ratio, ratios } = await alternate(
                () => load(baselineServer, baselineBody),
                () => load(server, body),
              );
              const label = `port(number:) on ${kind}, ${cached ? 'response cache' : 'uncached'}`;
              const aim = cached ? 0.9 : 0.6;
              report({
                name: `${label}, ${CONNECTIONS} connections (median of ${ROUNDS} rounds)`,
                value: api.requestsPerSecond,
                unit: 'req/s',
                baseline: {
                  name: 'yoga + Pothos { __typename }',
                  value: baseline.requestsPerSecond,
                },
              });
              report({
                name: `${label}: median per-round throughput ratio (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
                value: ratio,
                unit: 'x',
                aim:
                  kind === 'postgres'
                    ? { text: `>= ${aim}`, met: ratio >= aim && api.errors === 0 }
                    : undefined,
              });
              report({
                name: `${label}: server CPU per request${kind === 'postgres' ? ' (API process; Postgres not counted)' : ''}`,
                value: api.cpuMsPerRequest * 1000,
                unit: 'µs',
                baseline: {
                  name: 'yoga + Pothos { __typename }',
                  value: baseline.cpuMsPerRequest * 1000,
                },
              });
              report({ name: `${label}: p50 latency`, value: api.p50, unit: 'ms' });
              report({ name: `${label}: p99 latency`, value: api.p99, unit: 'ms' });
              if (api.errors > 0) {
                report({ name: `${label}: failed requests`, value: api.errors, unit: 'requests' });
              }
            } finally {
              await server.stop();
            }
          }
        } finally {
          await database.drop();
        }
      }
    } finally {
      await baselineServer.stop();
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
