import type { CopyValue } from './copy-text.ts';
import type { ImportSession } from './import-session.ts';

export interface TableRows {
  table: string;
  columns: readonly string[];
  /** The columns that identify a row across rebuilds (the primary key). */
  key: readonly string[];
  rows: readonly (readonly CopyValue[])[];
}

/** The table's indexes that back no constraint, with the SQL that recreates each. */
async function secondaryIndexes(session: ImportSession, table: string) {
  return session.query<{ name: string; definition: string }>(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = $1::regclass
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
    [table],
  );
}

/** Filling an empty table: indexes built once afterwards cost a third of maintaining them row by row. */
async function bulkLoad(session: ImportSession, { table, columns, rows }: TableRows) {
  const indexes = await secondaryIndexes(session, table);
  for (const index of indexes) await session.query(`drop index "${index.name}"`);
  await session.insertRows(table, columns, rows);
  for (const index of indexes) await session.query(index.definition);
}

/** Rows whose `column` is one of `values`: the part of a table being replaced. */
export interface RowScope {
  column: string;
  values: readonly string[];
}

/**
 * Only what differs is written, so indexes stay in place and readers of a live Postgres keep
 * their rows: most of a rebuild after one new edition is unchanged. With a scope, rows outside it stay.
 */
async function applyDifference(
  session: ImportSession,
  { table, columns, key, rows }: TableRows,
  scope?: RowScope,
) {
  const incoming = `incoming_${table}`;
  const same = key.map((column) => `n."${column}" = t."${column}"`).join(' and ');
  await session.query(`create temp table ${incoming} (like ${table}) on commit drop`);
  await session.insertRows(incoming, columns, rows);
  await session.query(
    `delete from ${table} t where ${scope ? `t."${scope.column}" = any($1::text[]) and` : ''}
       not exists (select 1 from ${incoming} n where ${same})`,
    scope ? [scope.values] : [],
  );
  await session.query(
    `delete from ${table} t using ${incoming} n where ${same} and row(t.*) is distinct from row(n.*)`,
  );
  await session.query(
    `insert into ${table} select n.* from ${incoming} n
      where not exists (select 1 from ${table} t where ${same})`,
  );
  // Dropped now, not at commit: the same transaction may replace this table's rows again.
  await session.query(`drop table ${incoming}`);
}

/** Makes the table hold exactly `rows`, the cheapest way for its current contents. */
export async function replaceRows(session: ImportSession, rows: TableRows): Promise<void> {
  const [existing] = await session.query<{ any: boolean }>(
    `select exists (select 1 from ${rows.table}) as any`,
  );
  if (existing?.any) await applyDifference(session, rows);
  else if (rows.rows.length > 0) await bulkLoad(session, rows);
}

/** Makes the rows in `scope` exactly `rows` (each of which is in it), leaving the others. */
export async function replaceRowsWithin(
  session: ImportSession,
  rows: TableRows,
  scope: RowScope,
): Promise<void> {
  if (scope.values.length > 0) await applyDifference(session, rows, scope);
}
