import { isPortbookError } from '@portbook/core';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../src/database.ts';
import { importDocuments } from '../src/import/index.ts';
import { migrate } from '../src/migrate.ts';
import { assignments, changes, sources } from '../src/schema.ts';
import { loadSnapshot } from '../src/snapshot/load-snapshot.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';
import { IMPORT_JOB } from '../src/worker/import-job.ts';
import { runDatabaseJob } from '../src/worker/worker-database.ts';
import { editions } from './fixtures/documents.ts';
import { WHERE_JOB } from './fixtures/thread-job.ts';

const documents = () => [editions['2024'], editions['2025'], editions['2026']];

/** What the API reads, through drizzle: the same rows whichever thread the database is in. */
async function readBack(database: Database) {
  const { db } = database;
  const sourceRows = await db.select().from(sources).orderBy(asc(sources.id));
  return {
    // When each was imported differs between the two databases; that it is a Date must not.
    sources: sourceRows.map(({ importedAt, ...row }) => ({
      ...row,
      importedAt: importedAt instanceof Date,
    })),
    assignments: await db.select().from(assignments).orderBy(asc(assignments.id)),
    changes: await db.select().from(changes).orderBy(asc(changes.id)),
    relational: await db.query.sources.findMany({
      orderBy: { id: 'asc' },
      columns: { edition: true, published: true },
      with: { records: { columns: { position: true }, orderBy: { position: 'asc' }, limit: 2 } },
    }),
  };
}

/** The longest gap between 10 ms ticks of this thread's event loop while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, performance.now() - last);
}

const SLOW_STATEMENT =
  'select count(*)::int as n from generate_series(1, 3000) a cross join generate_series(1, 2000) b';

describe('embedded database in a worker thread', () => {
  let inThread: TestDatabase;
  let inWorker: Database;

  beforeAll(async () => {
    inThread = await createTestDatabase('pglite');
    inWorker = createDatabase({ url: undefined, dataDir: 'memory://', worker: true });
    await migrate(inWorker);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([inThread?.drop(), inWorker?.close()]);
  });

  it('runs a job in the worker, on the PGlite it owns; on an in-thread PGlite, here', async () => {
    expect(await runDatabaseJob(inWorker, WHERE_JOB, 'worker')).toEqual({
      label: 'worker',
      mainThread: false,
      kind: 'pglite',
    });
    expect(await runDatabaseJob(inThread.database, WHERE_JOB, 'here')).toEqual({
      label: 'here',
      mainThread: true,
      kind: 'pglite',
    });
  });

  it('imports as a job inside the worker and reads back what an in-thread database reads', async () => {
    await importDocuments(inThread.database, documents());
    const result = await runDatabaseJob(inWorker, IMPORT_JOB, { documents: documents() });
    expect(result.imported.map((source) => source.records)).toEqual([4, 5, 4]);
    const expected = await readBack(inThread.database);
    expect(expected.assignments.length).toBeGreaterThan(0);
    expect(await readBack(inWorker)).toEqual(expected);
  });

  it('builds the same snapshot from the worker as from an in-thread database (rows read there)', async () => {
    const [here, there] = await Promise.all([
      loadSnapshot(inThread.database),
      loadSnapshot(inWorker),
    ]);
    // The versions differ only in when each database imported: same counts of each kind.
    expect(there.version.split('|').slice(0, 2)).toEqual(here.version.split('|').slice(0, 2));
    expect(there.port(22).assignments.length).toBeGreaterThan(0);
    // The same rows either way, but for when each database imported its documents.
    const view = (port: number, snapshot: typeof here) =>
      JSON.parse(
        JSON.stringify(snapshot.port(port), (key, value) =>
          key === 'importedAt' ? undefined : value,
        ),
      );
    for (const port of [0, 7, 22, 80, 6010, 65535]) {
      expect(view(port, there)).toEqual(view(port, here));
    }
  });

  it('keeps the error codes: a statement error and a job PortbookError', async () => {
    const statement = await inWorker.db
      .select()
      .from(sources)
      .where(sql`no_such_column = 1`)
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(statement).toMatchObject({ cause: { code: '42703' } });
    const job = await runDatabaseJob(inWorker, IMPORT_JOB, {
      // New bytes (a stored document is skipped by its sha256 before it is read).
      documents: [{ ...editions['2024'], sha256: 'f'.repeat(64), kind: 'nonsense' as never }],
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isPortbookError(job) && job.code).toBe('UNSUPPORTED_FORMAT');
  });

  it('leaves this thread free while a slow statement runs', async () => {
    const slow = sql.raw(SLOW_STATEMENT);
    // The same statement on a database in this thread stalls it for as long as it runs.
    const inThreadStall = await longestStall(() => inThread.database.db.execute(slow, 'objects'));
    expect(inThreadStall).toBeGreaterThan(200);
    // In the worker it stalls this thread far less: under 100 ms on a quiet machine; on shared
    // cores under load the event loop also waits for the CPU, so the bound scales with the stall.
    const workerStall = await longestStall(() => inWorker.db.execute(slow, 'objects'));
    expect(workerStall).toBeLessThan(Math.max(100, inThreadStall / 4));
  });
});

describe('a job on Postgres', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
  }, 120_000);
  afterAll(async () => {
    await test?.drop();
  });

  it('runs in a worker thread on its own connections, and this pool sees its commit', async () => {
    expect(await runDatabaseJob(test.database, WHERE_JOB, 'job')).toMatchObject({
      mainThread: false,
      kind: 'postgres',
    });
    const result = await runDatabaseJob(test.database, IMPORT_JOB, { documents: documents() });
    expect(result.timeline?.sources).toBe(3);
    const stored = await test.database.db.select().from(sources);
    expect(stored.map((source) => source.edition).sort()).toEqual(
      documents()
        .map((document) => document.edition)
        .sort(),
    );
  });
});
