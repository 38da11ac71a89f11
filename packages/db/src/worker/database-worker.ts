import { parentPort, workerData } from 'node:worker_threads';
import { types } from '@electric-sql/pglite';
import { createDatabase } from '../database.ts';
import { IdleMemoryRelease } from '../memory/release-memory.ts';
import { runJobHere } from './database-job.ts';
import {
  toWorkerError,
  type WorkerReply,
  type WorkerRequest,
  type WorkerSetup,
} from './worker-protocol.ts';

// The worker thread that owns a database: PGlite's statements and an import's parsing and
// matching run here, so the thread that serves requests never waits on them.

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('database-worker.ts runs as a worker thread');

const database = createDatabase({
  url: setup.url,
  dataDir: setup.dataDir,
  maxConnections: setup.maxConnections,
});

/** Dates, timestamps and intervals stay text, as drizzle's PGlite driver asks (its codecs parse them). */
const keepText = (value: string) => value;
const PARSERS = Object.fromEntries(
  [
    types.TIMESTAMP,
    types.TIMESTAMPTZ,
    types.INTERVAL,
    types.DATE,
    1231, // numeric[]
    1115, // timestamp[]
    1185, // timestamptz[]
    1187, // interval[]
    1182, // date[]
  ].map((oid) => [oid, keepText]),
);

async function query(request: Extract<WorkerRequest, { type: 'query' }>): Promise<unknown[]> {
  // A Postgres server is read from the owning thread's own pool; this worker only runs its jobs.
  if (database.kind !== 'pglite') throw new Error('queries go to a worker only for PGlite');
  const result = await database.client.query(request.sql, request.params, {
    rowMode: request.method === 'all' ? 'array' : 'object',
    parsers: PARSERS,
  });
  return result.rows;
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'query':
      return query(request);
    case 'job':
      return runJobHere(database, { module: request.module, name: request.name }, request.input);
    case 'close':
      return database.close();
  }
}

// Reading a snapshot's rows or importing leaves this thread's heap at its peak: given back when
// the statements stop (polling the registry version, once a second, is quiet).
const memory = new IdleMemoryRelease({ intervalMs: 3000, quietBelow: 6 });

port.on('message', (request: WorkerRequest) => {
  memory.touch();
  if (request.type === 'close') memory.stop();
  handle(request)
    .then(
      (value) => port.postMessage({ id: request.id, ok: true, value } satisfies WorkerReply),
      (error: unknown) =>
        port.postMessage({
          id: request.id,
          ok: false,
          error: toWorkerError(error),
        } satisfies WorkerReply),
    )
    // Closed: nothing is left to answer, and the thread may end.
    .finally(() => request.type === 'close' && port.close());
});
