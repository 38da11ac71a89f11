import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One figure of a benchmark run, with the same-run baseline it is judged against. */
export interface Measurement {
  /** What was measured, e.g. `XML 2026-08-17 -> PGlite`. */
  name: string;
  value: number;
  /** `ms` values print as ms or s; anything else (`req/s`) prints as is. */
  unit: string;
  /** The same work done the simplest way, measured in the same run: the ratio is value / baseline. */
  baseline?: { name: string; value: number };
  /** The target as words, and whether this run met it. */
  aim?: { text: string; met: boolean };
}

/** What a `*.bench.ts` module exports as default; `pnpm bench` runs every one of them. */
export interface BenchSuite {
  title: string;
  /** Reports each figure as soon as it is measured, so a later failure keeps the earlier ones. */
  run(report: (measurement: Measurement) => void): Promise<void>;
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

/** The real source files the benchmarks read (`PORTBOOK_SHARED_DATA`, else `../shared/data`). */
export function sharedDataDir(): string {
  const dir =
    process.env.PORTBOOK_SHARED_DATA ||
    fileURLToPath(new URL('../../../shared/data', import.meta.url));
  if (!existsSync(dir)) throw new Error(`benchmarks need the shared data at ${dir}`);
  return dir;
}
