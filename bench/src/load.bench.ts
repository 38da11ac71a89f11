import type { BenchSuite } from './harness.ts';
import { type LoadOptions, runLoad } from './load-run.ts';

/** The full run: a minute at 100 connections; `LOAD_SECONDS` shortens it (CI uses the test). */
export const FULL_LOAD: LoadOptions = {
  seconds: Number(process.env.LOAD_SECONDS ?? 60),
  connections: 100,
  maxRequests: 2_000_000,
};

const suite: BenchSuite = {
  title: 'load',
  async run(report) {
    const load = await runLoad(FULL_LOAD);
    const label = `mix at ${FULL_LOAD.connections} connections, ${FULL_LOAD.seconds} s${load.realData ? '' : ' (synthetic data)'}`;
    const errors = load.transportErrors + load.graphqlErrors;
    report({
      name: `${label}: requests`,
      value: load.requests,
      unit: 'requests',
      aim: { text: 'no errors', met: errors === 0 },
    });
    report({ name: `${label}: throughput`, value: load.requestsPerSecond, unit: 'req/s' });
    report({
      name: `${label}: warm-up until the response cache was full`,
      value: load.warmupRequests,
      unit: 'requests',
    });
    report({ name: `${label}: p50 latency`, value: load.p50, unit: 'ms' });
    report({ name: `${label}: p99 latency`, value: load.p99, unit: 'ms' });
    report({ name: `${label}: max latency`, value: load.maxLatency, unit: 'ms' });
    report({ name: `${label}: errors`, value: errors, unit: 'requests' });
    const mib = (bytes: number) => bytes / 2 ** 20;
    report({
      name: `${label}: API heap after the run (full GC)`,
      value: mib(load.heapAfterRun),
      unit: 'MiB',
      baseline: { name: 'after warm-up', value: mib(load.heapAfterWarmup) },
      aim: { text: 'within 10% of warm-up', met: load.heapAfterRun <= load.heapAfterWarmup * 1.1 },
    });
    report({
      name: `${label}: API resident memory after the run`,
      value: mib(load.rssAfterRun),
      unit: 'MiB',
      baseline: { name: 'after warm-up', value: mib(load.rssAfterWarmup) },
    });
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
