import {
  type BuildOptions,
  buildRegistrySnapshot,
  type RegistrySnapshot,
  type SnapshotRows,
  yieldToEventLoop,
} from '@portbook/core';
import { asc, desc, getTableColumns, gt, sql } from 'drizzle-orm';
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
import { isPgliteHere, parseCopyText, readCopyText } from './copy-text.ts';

export interface LoadOptions extends BuildOptions {
  /** Rows per statement for the large tables on Postgres: each batch is parsed between two pauses. */
  batchSize?: number;
}

/** Rows per JSON batch: the driver parses one (~5 ms for 1,000 rows) between two pauses. */
const BATCH_SIZE = 1000;

type LargeTable = typeof assignments | typeof changes | typeof people;

/**
 * Every row of `table` as JSON, in primary-key batches: one value per statement, built by the
 * database with the fields named as drizzle names them, so the driver parses one JSON text per
 * batch rather than thousands of rows.
 */
async function readBatches(
  db: Db,
  table: LargeTable,
  batchSize: number,
  pause: () => Promise<void>,
): Promise<unknown[]> {
  const fields = sql.join(
    Object.entries(getTableColumns(table)).map(
      ([name, column]) => sql`${column} as ${sql.identifier(name)}`,
    ),
    sql`, `,
  );
  const rows: unknown[] = [];
  let last = '';
  for (;;) {
    const [batch] = await rawRows<{ rows: unknown[] | null; last: string | null; count: unknown }>(
      db,
      sql`select json_agg(batch) as rows, max(batch.id) as last, count(*) as count from (
        select ${fields} from ${table} where ${gt(table.id, last)} order by ${table.id} limit ${batchSize}
      ) as batch`,
    );
    for (const row of batch?.rows ?? []) rows.push(row);
    await pause();
    if (Number(batch?.count ?? 0) < batchSize || !batch?.last) return rows;
    last = batch.last;
  }
}

/** A snapshot's rows, the three large tables as one COPY text each (`copy-text.ts`). */
export type SnapshotRowsText = RowsIn<Uint8Array>;

/** Parses what `readSnapshotRowsText` read, pausing every few thousand rows. */
export async function parseSnapshotRows(
  text: SnapshotRowsText,
  pause: () => Promise<void> = yieldToEventLoop,
): Promise<SnapshotRows> {
  return {
    ...text,
    assignments: await parseCopyText<Assignment>(assignments, text.assignments, pause),
    changes: await parseCopyText<Change>(changes, text.changes, pause),
    people: await parseCopyText<PersonRow>(people, text.people, pause),
  };
}

/** A snapshot's rows, the three large tables as `Large`. */
type RowsIn<Large> = Omit<SnapshotRows, 'assignments' | 'changes' | 'people'> & {
  assignments: Large;
  changes: Large;
  people: Large;
};

/**
 * Every row a snapshot needs, read in one repeatable-read transaction (an import landing
 * meanwhile is either wholly in or wholly out) in a handful of statements: on PGlite in this
 * thread the large tables as COPY text, on Postgres as batches of JSON.
 */
export async function loadSnapshotRows(db: Db, options: LoadOptions = {}): Promise<SnapshotRows> {
  const pause = options.pause ?? yieldToEventLoop;
  if (isPgliteHere(db)) return parseSnapshotRows(await readSnapshotRowsText(db), pause);
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const read = await readRows(db, pause, (tx, table) => readBatches(tx, table, batchSize, pause));
  return {
    ...read,
    assignments: read.assignments as Assignment[],
    changes: read.changes as Change[],
    people: read.people as PersonRow[],
  };
}

/**
 * The rows of PGlite in this thread, the large tables left as COPY text: what a worker thread
 * sends back (text crosses threads at the cost of a copy, where objects would be serialized and
 * rebuilt). Nothing else runs on PGlite meanwhile, so no pauses.
 */
export function readSnapshotRowsText(db: Db): Promise<SnapshotRowsText> {
  if (!isPgliteHere(db)) throw new Error('COPY text is read from PGlite in this thread only');
  return readRows(db, async () => {}, readCopyText);
}

function readRows<Large>(
  db: Db,
  pause: () => Promise<void>,
  readLarge: (tx: Db, table: LargeTable) => Promise<Large>,
): Promise<RowsIn<Large>> {
  return db.transaction(
    async (tx) => {
      const read = tx as unknown as Db;
      const version = await registryVersion(read);
      const sourceRows = await read
        .select()
        .from(sources)
        .orderBy(asc(sources.published), asc(sources.id));
      await pause();
      const assignmentRows = await readLarge(read, assignments);
      const changeRows = await readLarge(read, changes);
      const linkRows = await read
        .select()
        .from(nameLinks)
        .orderBy(asc(nameLinks.formerName), asc(nameLinks.laterName));
      await pause();
      const peopleRows = await readLarge(read, people);
      const classRows = await read
        .select()
        .from(rangeClasses)
        .orderBy(asc(rangeClasses.low), asc(rangeClasses.id));
      const [lastSync] = await read
        .select()
        .from(syncRuns)
        .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
        .limit(1);
      return {
        version,
        sources: sourceRows,
        assignments: assignmentRows,
        changes: changeRows,
        nameLinks: linkRows,
        people: peopleRows,
        rangeClasses: classRows,
        lastSync,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * Every row a snapshot needs (`loadSnapshotRows`). Given a `Database` whose PGlite runs in a
 * worker thread, they are read in that thread (its proxy has no transactions here) and only
 * parsed in this one.
 */
export function readSnapshotRows(
  from: Database | Db,
  options: LoadOptions = {},
): Promise<SnapshotRows> {
  return 'kind' in from && from.kind === 'pglite-worker'
    ? readRowsInWorker(from, options.pause)
    : loadSnapshotRows('kind' in from ? from.db : from, options);
}

/** Reads the registry and builds its snapshot, pausing between batches and phases. */
export async function loadSnapshot(
  from: Database | Db,
  options: LoadOptions = {},
): Promise<RegistrySnapshot> {
  return buildRegistrySnapshot(await readSnapshotRows(from, options), options);
}

async function readRowsInWorker(
  database: Database,
  pause: (() => Promise<void>) | undefined,
): Promise<SnapshotRows> {
  // Imported here: the job module imports this one.
  const [{ runDatabaseJob }, { SNAPSHOT_ROWS_JOB }] = await Promise.all([
    import('../worker/worker-database.ts'),
    import('../worker/snapshot-job.ts'),
  ]);
  return parseSnapshotRows(await runDatabaseJob(database, SNAPSHOT_ROWS_JOB, null), pause);
}
