/**
 * V8 flags of a serving process (`portbook start`), which V8 reads only at start-up: a young
 * generation of 2 × 16 MiB instead of V8's 2 × 64. A request's garbage dies young either way.
 * Measured with the API on every release, varied traffic at 50 connections, resident memory right
 * after the warm-up: Postgres 444 → 335 MiB, PGlite 617 → 528 MiB, throughput within the run's
 * noise; a full offline sync as fast (45.5 s against 43.6–44.5 s).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];

/**
 * The environment a serving process re-executes with: glibc's malloc held to two arenas unless
 * MALLOC_ARENA_MAX is set (it makes up to eight per core, and the threads of PGlite's worker, of
 * libuv and of V8 each leave their own partly used). One load run each (`pnpm bench load`, 60 s
 * of the varied mix): resident memory after warm-up, Postgres 290 → 283 MiB and PGlite 553 → 475
 * MiB; 12 s quiet, 233 → 223 and 497 → 420 MiB; throughput no lower (3,228 → 3,397 and 3,174 →
 * 3,386 req/s).
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/** `env` with `SERVER_ENV` beneath it: what is set already wins. */
export function serverEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...SERVER_ENV, ...env };
}

/**
 * The arguments to re-execute this process with `SERVER_NODE_FLAGS` (same pid, so
 * signals and supervisors see one process), or undefined when it already runs with them, when
 * any of those flags was chosen by hand (`--max-semi-space-size=64`), or when Node cannot
 * (`process.execve` arrived in 22.15).
 */
export function serverRelaunchArgs(
  execPath: string,
  execArgv: readonly string[],
  argv: readonly string[],
): string[] | undefined {
  if (typeof process.execve !== 'function') return undefined;
  const chosen = new Set(execArgv.map(flagName));
  if (SERVER_NODE_FLAGS.some((flag) => chosen.has(flagName(flag)))) return undefined;
  return [execPath, ...SERVER_NODE_FLAGS, ...execArgv, ...argv.slice(1)];
}

/** `--max-semi-space-size` of `--max-semi-space-size=16`. */
const flagName = (flag: string) => flag.split('=')[0] as string;
