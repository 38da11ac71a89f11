import {
  type BuildOptions,
  buildRegistrySnapshot,
  type RegistrySnapshot,
  type SnapshotRows,
  yieldToEventLoop,
} from '@portbook/core';
import { asc, desc, getTableColumns, gt, sql } from 'drizzle-orm';
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
 * Every row of `table` as JSON text, in primary-key batches: one value per statement, built by
 * the database with the fields named as drizzle names them, so no driver parses thousands of
 * rows, and text crosses from a worker thread at the cost of a copy.
 */
async function readBatches<Batch extends string | unknown[]>(
  db: Db,
  table: PgTable & { id: typeof assignments.id | typeof changes.id | typeof people.id },
  batchSize: number,
  pause: () => Promise<void>,
  asText: boolean,
): Promise<Batch[]> {
  const fields = sql.join(
    Object.entries(getTableColumns(table)).map(
      ([name, column]) => sql`${column} as ${sql.identifier(name)}`,
    ),
    sql`, `,
  );
  const batches: Batch[] = [];
  const json = asText ? sql`json_agg(batch)::text` : sql`json_agg(batch)`;
  let last = '';
  for (;;) {
    const [batch] = await rawRows<{ rows: Batch | null; last: string | null; count: unknown }>(
      db,
      sql`select ${json} as rows, max(batch.id) as last, count(*) as count from (
        select ${fields} from ${table} where ${gt(table.id, last)} order by ${table.id} limit ${batchSize}
      ) as batch`,
    );
    if (batch?.rows) batches.push(batch.rows);
    await pause();
    if (Number(batch?.count ?? 0) < batchSize || !batch?.last) return batches;
    last = batch.last;
  }
}

/** The rows of batches of JSON text, with a pause after each batch. */
async function parseBatches<Row>(batches: readonly string[], pause: () => Promise<void>) {
  const rows: Row[] = [];
  for (const text of batches) {
    for (const row of JSON.parse(text) as Row[]) rows.push(row);
    await pause();
  }
  return rows;
}

/** A snapshot's rows with the three large tables still JSON text (`readBatches`). */
export type SnapshotRowsText = RowsIn<string>;

/** Parses what `readSnapshotRowsText` read, pausing between batches. */
export async function parseSnapshotRows(
  text: SnapshotRowsText,
  pause: () => Promise<void> = yieldToEventLoop,
): Promise<SnapshotRows> {
  return {
    ...text,
    assignments: await parseBatches<Assignment>(text.assignments, pause),
    changes: await parseBatches<Change>(text.changes, pause),
    people: await parseBatches<PersonRow>(text.people, pause),
  };
}

/** A snapshot's rows, the three large tables as batches of rows or of JSON text. */
type RowsIn<Batch> = Omit<SnapshotRows, 'assignments' | 'changes' | 'people'> & {
  assignments: Batch[];
  changes: Batch[];
  people: Batch[];
};

/**
 * Every row a snapshot needs, read in one repeatable-read transaction (an import landing
 * meanwhile is either wholly in or wholly out) in a handful of statements.
 */
export async function loadSnapshotRows(db: Db, options: LoadOptions = {}): Promise<SnapshotRows> {
  // Parsed by the driver, batch by batch between pauses. (Parsed from the text here, the strings
  // of a row would hold on to their batch's whole text: 44 MiB more heap for the full history.)
  const read = await readRows<unknown[]>(db, options, false);
  return {
    ...read,
    assignments: read.assignments.flat() as Assignment[],
    changes: read.changes.flat() as Change[],
    people: read.people.flat() as PersonRow[],
  };
}

/** `loadSnapshotRows`, the large tables left as JSON text: what a worker thread sends back. */
export function readSnapshotRowsText(db: Db, options: LoadOptions = {}): Promise<SnapshotRowsText> {
  return readRows<string>(db, options, true);
}

function readRows<Batch extends string | unknown[]>(
  db: Db,
  options: LoadOptions,
  asText: boolean,
): Promise<RowsIn<Batch>> {
  const pause = options.pause ?? yieldToEventLoop;
  const batchSize = options.batchSize ?? BATCH_SIZE;
  return db.transaction(
    async (tx) => {
      const read = tx as unknown as Db;
      const batches = (table: Parameters<typeof readBatches>[1]) =>
        readBatches<Batch>(read, table, batchSize, pause, asText);
      const version = await registryVersion(read);
      const sourceRows = await read
        .select()
        .from(sources)
        .orderBy(asc(sources.published), asc(sources.id));
      await pause();
      const assignmentRows = await batches(assignments);
      const changeRows = await batches(changes);
      const linkRows = await read
        .select()
        .from(nameLinks)
        .orderBy(asc(nameLinks.formerName), asc(nameLinks.laterName));
      await pause();
      const peopleRows = await batches(people);
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
  return parseSnapshotRows(await runDatabaseJob(database, SNAPSHOT_ROWS_JOB, null));
}
