import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessRun {
  ms: number;
  /** Peak resident memory of the process and its children, from GNU time; undefined without it. */
  peakMb: number | undefined;
  stderr: string;
  stdout: string;
}

const GNU_TIME = '/usr/bin/time';

/** Runs a Node script to completion, timing it and (with GNU time) recording its peak memory. */
export async function runNode(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<ProcessRun> {
  const memoryFile = join(tmpdir(), `portbook-bench-${process.pid}-${Date.now()}.rss`);
  const withTime = existsSync(GNU_TIME);
  const [command, commandArgs] = withTime
    ? [GNU_TIME, ['-f', '%M', '-o', memoryFile, process.execPath, ...args]]
    : [process.execPath, args];
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: options.cwd, env: options.env });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.once('error', reject);
    child.once('close', (exit) => resolve({ code: exit, stdout: out, stderr: err }));
  });
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}`);
  let peakMb: number | undefined;
  if (withTime && existsSync(memoryFile)) {
    peakMb = Number(readFileSync(memoryFile, 'utf8').trim().split('\n').at(-1)) / 1024;
    rmSync(memoryFile, { force: true });
  }
  return { ms, peakMb, stdout, stderr };
}
