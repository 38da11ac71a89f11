import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

/**
 * Runs `main` in a child that stops itself (SIGTERM, a graceful shutdown) when its stdin closes,
 * i.e. when the test process is gone, even if it was killed: no server outlives its test.
 */
export function diesWithParent(main: string): string[] {
  const watch = `process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM')).resume();`;
  return ['--input-type=module', '-e', `${watch} await import(${JSON.stringify(main)});`];
}

/** The API as operators run it: `node api/src/main.ts` in a process of its own, on loopback. */
export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Every line the process wrote (pino JSON on stdout, anything else on stderr). */
  output: string[];
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  /** SIGTERM, then waits for the graceful shutdown to finish. */
  stop(): Promise<number | string>;
}

export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const child = spawn(process.execPath, diesWithParent(MAIN), {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      PORTBOOK_SITE_DIR: join(tmpdir(), 'portbook-no-site'),
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`API did not start:\n${output.join('\n')}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        output.push(line);
        const match = /"url":"(http:\/\/[^"]+)"/.exec(line);
        if (match?.[1] && line.includes('listening')) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`API exited (${code}) before listening:\n${output.join('\n')}`));
    });
  });
  return {
    url,
    child,
    output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export interface GraphQLResponse {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

/** POSTs one operation; the response must come within `timeoutMs` (a hang is a failure). */
export async function graphql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs = 10_000,
): Promise<GraphQLResponse> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, body: await response.json() };
}
