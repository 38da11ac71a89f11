import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { PortbookError } from '@portbook/core';
import { drizzle as drizzleProxy } from 'drizzle-orm/pg-proxy';
import { pgliteCodecs } from 'drizzle-orm/pglite';
import type { Database, DatabaseOptions } from '../database.ts';
import { relations } from '../relations.ts';
import { type DatabaseJobRef, runJobHere } from './database-job.ts';
import {
  fromWorkerError,
  type WorkerReply,
  type WorkerRequest,
  type WorkerSetup,
} from './worker-protocol.ts';

/** A request before it is numbered. */
type Unsent<R> = R extends unknown ? Omit<R, 'id'> : never;
type Request = Unsent<WorkerRequest>;

/** A worker thread that owns a database, and the requests in flight to it. */
class DatabaseWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void }
  >();
  #nextId = 1;
  #gone: Error | undefined;

  constructor(setup: WorkerSetup) {
    // Resolved when used and kept apart from `new Worker(...)`: the site's bundler (which imports
    // this package but never starts a worker) would otherwise try to bundle a web worker here.
    const entry = new URL('./database-worker.ts', import.meta.url);
    // A young generation of 32 MiB, not V8's default of up to 3 × 64 MiB: the pages it grows to stay
    // resident, and statements and imports run as fast with it.
    this.#worker = new Worker(entry, {
      workerData: setup,
      resourceLimits: { maxYoungGenerationSizeMb: 32 },
    });
    this.#worker.on('message', (reply: WorkerReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.ok) pending?.resolve(reply.value);
      else pending?.reject(fromWorkerError(reply.error));
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) =>
      this.#fail(new Error(`the database worker exited (${code})`)),
    );
  }

  #fail(cause: Error) {
    this.#gone ??= new PortbookError(
      'DATABASE_UNAVAILABLE',
      `the embedded database stopped: ${cause.message}`,
      { cause },
    );
    for (const pending of this.#pending.values()) pending.reject(this.#gone);
    this.#pending.clear();
  }

  request(request: Request): Promise<unknown> {
    if (this.#gone) return Promise.reject(this.#gone);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id });
    });
  }

  async close(): Promise<void> {
    if (this.#gone) return;
    const exited = once(this.#worker, 'exit');
    await this.request({ type: 'close' });
    await exited;
  }
}

/**
 * Embedded PGlite in a worker thread: statements run there and rows come back as messages, so
 * a slow statement never blocks this thread. Reads go through drizzle's `pg-proxy` driver with
 * PGlite's codecs (the same values as in-thread); writes that need a transaction run as jobs.
 */
export function openWorkerDatabase(dataDir: string, options: DatabaseOptions) {
  const worker = new DatabaseWorker({ url: undefined, dataDir, maxConnections: 1 });
  const db = drizzleProxy(
    async (sql, params, method) => ({
      rows: (await worker.request({ type: 'query', sql, params, method })) as unknown[],
    }),
    {
      relations,
      codecs: pgliteCodecs,
      logger: options.onQuery ? { logQuery: options.onQuery } : undefined,
    },
  );
  return { kind: 'pglite-worker' as const, db, worker, close: () => worker.close() };
}

/** Connections a job's worker opens to a Postgres server (an import holds one or two). */
const JOB_CONNECTIONS = 4;

/**
 * Runs a job where it does not hold up this thread: in the worker that owns an embedded
 * database, in a new worker with its own connections to a Postgres server, or here for a
 * PGlite opened in this thread (nothing else could reach it).
 */
export async function runDatabaseJob<Input, Output>(
  database: Database,
  ref: DatabaseJobRef<Input, Output>,
  input: Input,
): Promise<Output> {
  const job = { type: 'job' as const, module: ref.module, name: ref.name, input };
  if (database.kind === 'pglite-worker') return (await database.worker.request(job)) as Output;
  if (database.kind === 'pglite') return runJobHere(database, ref, input);
  const worker = new DatabaseWorker({
    url: database.url,
    dataDir: '',
    maxConnections: JOB_CONNECTIONS,
  });
  try {
    return (await worker.request(job)) as Output;
  } finally {
    await worker.close();
  }
}
