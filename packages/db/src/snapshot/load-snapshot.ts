import {
  type BuildOptions,
  buildRegistrySnapshot,
  type RegistrySnapshot,
  type SnapshotRows,
  yieldToEventLoop,
} from '@portbook/core';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Db } from '../database.ts';
import { rawRows } from '../queries/raw-rows.ts';
import { registryVersion } from '../queries/registry.ts';
import {
  type Assignment,
  assignments,
  type Change,
  changes,
  nameLinks,
  type PersonRow,
  people,
  rangeClasses,
  sources,
  syncRuns,
} from '../schema.ts';

export interface LoadOptions extends BuildOptions {
  /** Rows per statement for the large tables: each batch is parsed between two pauses. */
  batchSize?: number;
}

/** On PGlite (on this thread) 1,000 rows take 15-90 ms, 5,000 rows 150-300 ms: keep batches small. */
const BATCH_SIZE = 1000;

/**
 * Every row of `table` in primary-key batches, each one JSON value the database builds (the
 * driver parses one value instead of thousands of rows), with a pause between batches.
 */
async function readInBatches<Row extends { id: string }>(
  db: Db,
  table: PgTable & { id: typeof assignments.id | typeof changes.id | typeof people.id },
  batchSize: number,
  pause: () => Promise<void>,
): Promise<Row[]> {
  const all: Row[] = [];
  let last = '';
  for (;;) {
    const [result] = await rawRows<{ rows: unknown }>(
      db,
      sql`select coalesce(json_agg(batch), '[]'::json) as rows from (
        select * from ${table} where ${gt(table.id, last)} order by ${table.id} limit ${batchSize}
      ) as batch`,
    );
    const parsed = typeof result?.rows === 'string' ? JSON.parse(result.rows) : result?.rows;
    const rows = (parsed as Record<string, unknown>[]).map(camelKeys) as Row[];
    for (const row of rows) all.push(row);
    await pause();
    if (rows.length < batchSize) return all;
    last = (rows.at(-1) as Row).id;
  }
}

function camelKeys(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in row)
    out[key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())] = row[key];
  return out;
}

/**
 * Every row a snapshot needs, read in one repeatable-read transaction (an import landing
 * meanwhile is either wholly in or wholly out) in a handful of statements.
 */
export async function loadSnapshotRows(db: Db, options: LoadOptions = {}): Promise<SnapshotRows> {
  const pause = options.pause ?? yieldToEventLoop;
  const batchSize = options.batchSize ?? BATCH_SIZE;
  return db.transaction(
    async (tx) => {
      const read = tx as unknown as Db;
      const version = await registryVersion(read);
      const sourceRows = await read
        .select()
        .from(sources)
        .orderBy(asc(sources.published), asc(sources.id));
      await pause();
      const assignmentRows = await readInBatches<Assignment>(read, assignments, batchSize, pause);
      const changeRows = await readInBatches<Change>(read, changes, batchSize, pause);
      const linkRows = await read
        .select()
        .from(nameLinks)
        .orderBy(asc(nameLinks.formerName), asc(nameLinks.laterName));
      await pause();
      const peopleRows = await readInBatches<PersonRow>(read, people, batchSize, pause);
      const classRows = await read
        .select()
        .from(rangeClasses)
        .orderBy(asc(rangeClasses.low), asc(rangeClasses.id));
      const [lastSync] = await read
        .select()
        .from(syncRuns)
        .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
        .limit(1);
      const rows: SnapshotRows = {
        version,
        sources: sourceRows,
        assignments: assignmentRows,
        changes: changeRows,
        nameLinks: linkRows,
        people: peopleRows,
        rangeClasses: classRows,
        lastSync,
      };
      return rows;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * Reads the registry and builds its snapshot, pausing between batches and phases. Given a
 * `Database` whose PGlite runs in a worker thread, the rows are read in that thread (its proxy
 * has no transactions here) and only the build runs in this one.
 */
export async function loadSnapshot(
  from: Database | Db,
  options: LoadOptions = {},
): Promise<RegistrySnapshot> {
  const rows =
    'kind' in from && from.kind === 'pglite-worker'
      ? await readRowsInWorker(from)
      : await loadSnapshotRows('kind' in from ? from.db : from, options);
  return buildRegistrySnapshot(rows, options);
}

async function readRowsInWorker(database: Database): Promise<SnapshotRows> {
  // Imported here: the job module imports this one.
  const [{ runDatabaseJob }, { SNAPSHOT_ROWS_JOB }] = await Promise.all([
    import('../worker/worker-database.ts'),
    import('../worker/snapshot-job.ts'),
  ]);
  return runDatabaseJob(database, SNAPSHOT_ROWS_JOB, null);
}
