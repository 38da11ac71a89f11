import type { SourceDocument } from '@portbook/core';
import type { BenchSuite } from './harness.ts';
import { type LoadOptions, runLoad } from './load-run.ts';
import { loadAverage, registryHistory } from './registry-history.ts';

/** The full run: a minute at 50 connections; `LOAD_SECONDS` shortens it (CI uses the test). */
export const FULL_LOAD: LoadOptions = {
  seconds: Number(process.env.LOAD_SECONDS ?? 60),
  connections: 50,
  maxRequests: 2_000_000,
  // The API gives freed memory back after 5-10 s without traffic.
  quietMs: 12_000,
};
const RSS_AIM_MIB = { postgres: 400, pglite: 700 };
const P99_AIM_MS = 50;
const mib = (bytes: number) => bytes / 2 ** 20;

const suite: BenchSuite = {
  title: 'load',
  async run(report) {
    let documents: SourceDocument[] | undefined;
    const history = () => {
      documents ??= registryHistory();
      return documents;
    };
    for (const kind of ['postgres', 'pglite'] as const) {
      const load = await runLoad({ ...FULL_LOAD, kind, documents: history });
      const label = `varied mix on ${kind}, ${FULL_LOAD.connections} connections, ${FULL_LOAD.seconds} s (load average ${loadAverage()})`;
      const errors = load.transportErrors + load.graphqlErrors;
      report({
        name: `${label}: requests (after ${load.warmupRequests} warm-up requests)`,
        value: load.requests,
        unit: 'requests',
        aim: { text: 'no errors', met: errors === 0 },
      });
      report({ name: `${label}: throughput`, value: load.requestsPerSecond, unit: 'req/s' });
      report({
        name: `${label}: p99 latency (p50 ${load.p50} ms, max ${load.maxLatency} ms)`,
        value: load.p99,
        unit: 'ms',
        aim: { text: `under ${P99_AIM_MS} ms`, met: load.p99 < P99_AIM_MS },
      });
      report({ name: `${label}: errors`, value: errors, unit: 'requests' });
      report({
        name: `${label}: first snapshot built at start-up (${(load.readyMs / 1000).toFixed(2)} s from the process's start)`,
        value: load.snapshotMs,
        unit: 'ms',
        aim: { text: 'at most 3 s', met: load.snapshotMs <= 3_000 },
      });
      report({
        name: `${label}: API resident memory after warm-up (full GC)`,
        value: mib(load.rssAfterWarmup),
        unit: 'MiB',
        aim: {
          text: `at most ${RSS_AIM_MIB[kind]} MiB`,
          met: mib(load.rssAfterWarmup) <= RSS_AIM_MIB[kind],
        },
      });
      report({
        name: `${label}: API resident memory after the run (full GC)`,
        value: mib(load.rssAfterRun),
        unit: 'MiB',
        baseline: { name: 'after warm-up', value: mib(load.rssAfterWarmup) },
        aim: {
          text: 'within 10% of warm-up',
          met: load.rssAfterRun <= load.rssAfterWarmup * 1.1,
        },
      });
      const quietWarm = load.rssQuietAfterWarmup ?? 0;
      const quietRun = load.rssQuietAfterRun ?? 0;
      const quiet = `${(FULL_LOAD.quietMs ?? 0) / 1000} s without traffic`;
      report({
        name: `${label}: API resident memory ${quiet} after warm-up`,
        value: mib(quietWarm),
        unit: 'MiB',
        baseline: { name: 'right after warm-up', value: mib(load.rssAfterWarmup) },
        aim: { text: `at most ${RSS_AIM_MIB[kind]} MiB`, met: mib(quietWarm) <= RSS_AIM_MIB[kind] },
      });
      report({
        name: `${label}: API resident memory ${quiet} after the run`,
        value: mib(quietRun),
        unit: 'MiB',
        baseline: { name: `${quiet} after warm-up`, value: mib(quietWarm) },
        aim: { text: 'within 10% of that after warm-up', met: quietRun <= quietWarm * 1.1 },
      });
      report({
        name: `${label}: API heap after the run (full GC)`,
        value: mib(load.heapAfterRun),
        unit: 'MiB',
        baseline: { name: 'after warm-up', value: mib(load.heapAfterWarmup) },
      });
    }
  },
};

export default suite;

/** `node bench/src/load.bench.ts` runs the load test alone. */
if (import.meta.url === `file://${process.argv[1]}`) {
  await suite.run((m) => {
    const baseline = m.baseline ? ` (${m.baseline.name}: ${m.baseline.value.toFixed(1)})` : '';
    const aim = m.aim ? ` [${m.aim.met ? 'met' : 'MISSED'}: ${m.aim.text}]` : '';
    process.stdout.write(`${m.name}: ${m.value.toFixed(1)} ${m.unit}${baseline}${aim}\n`);
  });
}
