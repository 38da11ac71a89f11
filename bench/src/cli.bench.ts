import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseEnv } from './api-process.ts';
import type { BenchSuite } from './harness.ts';
import { loadAverage, loadedDatabase, registryHistory } from './registry-history.ts';

const CLI = fileURLToPath(new URL('../../packages/cli/bin/portbook.js', import.meta.url));
const GNU_TIME = '/usr/bin/time';
/** Timed runs of each query, alternating with the baseline; the median counts (2 shared cores). */
const RUNS = Number(process.env.BENCH_CLI_RUNS) || 7;
/** The aim: an answer from a warm start in under 300 ms. */
const AIM_MS = 300;

/**
 * What people ask `portbook` (the README's commands among them): ports, a range, a name, words,
 * software, free blocks, history, a past day, what changed between two dates.
 */
const QUERIES: string[][] = [
  ['22'],
  ['443', '--json'],
  ['6000-6010'],
  ['kerberos'],
  ['kerberos', 'admin'],
  ['ollama'],
  ['free', '8000-9000', '--min', '4'],
  ['free', '8080', '--web'],
  ['history', '15'],
  ['23', '--at', '1985-01-01'],
  ['diff', '2025-01-01', '2026-01-01'],
];

interface Run {
  wallMs: number;
  /** User + system CPU of the process, from GNU time; undefined without it. */
  cpuMs: number | undefined;
  peakMb: number | undefined;
}

/** Runs `node ...args` to completion (exit 0 or 1: "nothing matched" is an answer too). */
async function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const usageFile = join(tmpdir(), `portbook-cli-bench-${process.pid}.time`);
  const withTime = existsSync(GNU_TIME);
  const [command, commandArgs] = withTime
    ? [GNU_TIME, ['-f', '%U %S %M', '-o', usageFile, process.execPath, ...args]]
    : [process.execPath, args];
  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(command, commandArgs, { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (chunk) => {
        err += chunk;
      });
      child.once('error', reject);
      child.once('close', (exit) => resolve({ code: exit, stderr: err }));
    },
  );
  const wallMs = performance.now() - started;
  if (code !== 0 && code !== 1) throw new Error(`node ${args.join(' ')} exited ${code}: ${stderr}`);
  if (!withTime) return { wallMs, cpuMs: undefined, peakMb: undefined };
  const [user, system, peakKb] =
    readFileSync(usageFile, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
  rmSync(usageFile, { force: true });
  return { wallMs, cpuMs: ((user ?? 0) + (system ?? 0)) * 1000, peakMb: (peakKb ?? 0) / 1024 };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * `portbook <query>` as a user runs it, warm (its caches written by a first run), on the full
 * history in PGlite: wall and CPU time per kind of query, each run right after a run of
 * `node -e 0` (the same Node starting and doing nothing), the same-run baseline.
 * `BENCH_CLI_PGLITE_DIR` names a loaded data directory to use as it is (the snapshot cache is
 * written beside it); without it the shared data's releases are imported first.
 */
const suite: BenchSuite = {
  title: 'cli',
  async run(report) {
    const given = process.env.BENCH_CLI_PGLITE_DIR;
    const database = given
      ? { env: { DATABASE_URL: '', PORTBOOK_DATA_DIR: given } as DatabaseEnv, drop: async () => {} }
      : await loadedDatabase('pglite', registryHistory);
    const env = { ...process.env, ...database.env, NO_COLOR: '1', FORCE_COLOR: '' };
    try {
      for (const query of QUERIES) {
        const args = [CLI, ...query];
        await runNode(args, env);
        const runs: Run[] = [];
        const baselines: Run[] = [];
        for (let run = 0; run < RUNS; run++) {
          baselines.push(await runNode(['-e', '0'], env));
          runs.push(await runNode(args, env));
        }
        const wall = median(runs.map((r) => r.wallMs));
        const baseline = median(baselines.map((r) => r.wallMs));
        const label = `portbook ${query.join(' ')}`;
        report({
          name: `${label}: wall, median of ${RUNS} (load ${loadAverage()})`,
          value: wall,
          unit: 'ms',
          baseline: { name: '`node -e 0`', value: baseline },
          aim: { text: `under ${AIM_MS} ms from a warm start`, met: wall < AIM_MS },
        });
        const cpu = runs.map((r) => r.cpuMs);
        const baselineCpu = baselines.map((r) => r.cpuMs);
        if (cpu.every((ms) => ms !== undefined) && baselineCpu.every((ms) => ms !== undefined)) {
          report({
            name: `${label}: CPU (user + system), median`,
            value: median(cpu as number[]),
            unit: 'ms',
            baseline: { name: '`node -e 0`', value: median(baselineCpu as number[]) },
          });
          report({
            name: `${label}: peak resident memory, median`,
            value: median(runs.map((r) => r.peakMb ?? 0)),
            unit: 'MiB',
            baseline: { name: '`node -e 0`', value: median(baselines.map((r) => r.peakMb ?? 0)) },
          });
        }
      }
    } finally {
      await database.drop();
    }
  },
};
export default suite;
