import { createInterface } from 'node:readline';
import { startServer } from '@portbook/api';
import { prepareSnapshotCache } from '@portbook/cli';
import { yieldToEventLoop } from '@portbook/core';
import { createDatabase, migrate } from '@portbook/db';

/**
 * The API as `portbook start` runs it, in its own process so its CPU time and memory are its
 * own: on the database named by DATABASE_URL or PORTBOOK_DATA_DIR (PGlite in a worker thread),
 * the response cache on (`api-cached`) or off (`api`). Prints one JSON line once the first
 * snapshot is built: `{ url, snapshotMs, cacheMs, readyMs }`. On PGlite it starts as
 * `portbook start` does: once the database is open, the snapshot cache made current (`cacheMs`:
 * the rows read through the database's worker thread only when the cache is stale), its rows
 * handed to the server for the first snapshot; `snapshotMs` counts both. `readyMs`: from the
 * process's start to the first snapshot, opening the database and loading the code included.
 * Each `memory` line on stdin collects garbage and prints `{ rss, heapUsed }`; it stops when
 * stdin closes or on SIGTERM.
 */
const mode = process.argv[2] ?? 'api';
const database = createDatabase({ worker: true });
await migrate(database);
const preparing = performance.now();
const cached = await prepareSnapshotCache(database);
const cacheMs = performance.now() - preparing;
const server = await startServer({
  database,
  // `PORT` when the machine's ports are shared out; otherwise any free one.
  port: Number(process.env.PORT ?? 0),
  siteDir: '/nonexistent',
  responseCache: mode === 'api-cached',
  firstRows: cached?.rows,
});
// startServer has just begun building the first snapshot: this waits for that build.
const started = performance.now();
await server.yoga.registry.snapshot();
const snapshotMs = cacheMs + performance.now() - started;
// `performance.now()` counts from the process's start.
const readyMs = performance.now();
// As `portbook start`: a cache read from the database is written once the server has its snapshot.
await cached?.write?.(yieldToEventLoop);
process.stdout.write(`${JSON.stringify({ url: server.url, snapshotMs, cacheMs, readyMs })}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server
    .close()
    .then(() => database.close())
    .then(() => process.exit(0));
};
process.once('SIGTERM', stop);
const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  if (line.trim() !== 'memory') return;
  globalThis.gc?.();
  const { rss, heapUsed, heapTotal } = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ rss, heapUsed, heapTotal })}\n`);
});
commands.on('close', stop);
