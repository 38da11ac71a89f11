import { PGlite } from '@electric-sql/pglite';
import { yieldToEventLoop } from '@portbook/core';
import { type Column, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../database.ts';

/**
 * Whole tables out of PGlite as `COPY … TO '/dev/blob'` text, and back into rows as drizzle
 * selects them. As JSON (`json_agg`), PGlite builds each row's object in WebAssembly and decodes
 * its protocol messages in JavaScript; COPY writes each value with its output function into one
 * blob. Full history, a fresh process: the 39,555 assignments out in 0.1–0.55 s as COPY against
 * 0.57–0.99 s as JSON text (still to be parsed), the changes 0.08–0.45 s against 0.31–0.45 s.
 * (csv-parse read the same rows as CSV in 2.5 s; the text format splits on tabs and newlines.)
 */

/** True when `db` talks to PGlite in this thread (not Postgres, not a worker's proxy). */
export function isPgliteHere(db: Db): boolean {
  return (db as { $client?: unknown }).$client instanceof PGlite;
}

/** Column types whose COPY text this reader turns into the value drizzle selects. */
const READERS: Record<string, (text: string) => unknown> = {
  PgText: (text) => text,
  PgEnumColumn: (text) => text,
  PgDateString: (text) => text,
  PgInteger: Number,
  PgSerial: Number,
  PgJsonb: (text) => JSON.parse(text),
};

/** Every row of `table` in primary-key order, as COPY text (a transaction keeps it consistent with other reads). */
export async function readCopyText(db: Db, table: PgTable & { id: Column }): Promise<Uint8Array> {
  const columns = sql.join(
    Object.values(getTableColumns(table)).map((column) => sql`${column}`),
    sql`, `,
  );
  const execute = db.execute as (query: SQL) => Promise<{ blob?: Blob }>;
  const result = await execute.call(
    db,
    sql`copy (select ${columns} from ${table} order by ${table.id}) to '/dev/blob'`,
  );
  // PGlite hands back no blob when nothing was written: an empty table.
  return result.blob ? new Uint8Array(await result.blob.arrayBuffer()) : new Uint8Array();
}

/**
 * COPY text format, as Postgres writes it (`CopyAttributeOutText`): rows end in a newline,
 * fields are tab-separated, NULL is `\N`, and a backslash escapes itself and six control
 * characters by C notation (`\b \f \n \r \t \v`); nothing else is escaped on output.
 * https://www.postgresql.org/docs/current/sql-copy.html (File Formats, Text Format)
 */
const ESCAPED: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

function unescapeField(field: string): string {
  return field.includes('\\') ? field.replace(/\\(.)/gs, (_, c: string) => ESCAPED[c] ?? c) : field;
}

/**
 * A function from a row's fields to the row object. Written out per table, so every row is
 * one object literal of one shape: assigning 22 keys in a loop went through V8's megamorphic
 * stores and took ~3× as long.
 */
function rowBuilder(table: PgTable): (fields: (string | null)[]) => Record<string, unknown> {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]: [string, Column]) => {
    const read = READERS[column.columnType];
    if (!read) throw new Error(`COPY text of ${column.name} (${column.columnType}) has no reader`);
    return { key, read };
  });
  const entries = columns.map(
    ({ key }, i) =>
      `${JSON.stringify(key)}: fields[${i}] === null ? null : read[${i}](fields[${i}])`,
  );
  const build = new Function('read', 'fields', `return { ${entries.join(', ')} };`);
  const readers = columns.map((column) => column.read);
  const width = columns.length;
  return (fields) => {
    if (fields.length !== width) {
      throw new Error(`COPY text row with ${fields.length} fields, expected ${width}`);
    }
    return build(readers, fields) as Record<string, unknown>;
  };
}

/** Rows between pauses while parsing (a few ms of work). */
const ROWS_PER_PAUSE = 5_000;

const TAB = 0x09;
const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
const CAPITAL_N = 0x4e;

/**
 * The rows of a COPY text of `table` (all its columns, in their declared order). Each field is
 * decoded on its own: a string cut out of a longer one keeps the longer one alive in V8, and
 * the snapshot keeps a few fields of each row (keeping only the assignments' descriptions:
 * 1.6 MiB, against 13 MiB when each row was decoded as one string).
 */
export async function parseCopyText<Row>(
  table: PgTable,
  bytes: Uint8Array,
  pause: () => Promise<void> = yieldToEventLoop,
): Promise<Row[]> {
  const build = rowBuilder(table);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows: Row[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf(NEWLINE, start);
    if (end === -1) end = text.length;
    const fields: (string | null)[] = [];
    for (let from = start; ; ) {
      let to = text.indexOf(TAB, from);
      if (to === -1 || to > end) to = end;
      const isNull = to - from === 2 && text[from] === BACKSLASH && text[from + 1] === CAPITAL_N;
      fields.push(isNull ? null : unescapeField(text.toString('utf8', from, to)));
      if (to === end) break;
      from = to + 1;
    }
    rows.push(build(fields) as Row);
    start = end + 1;
    if (rows.length % ROWS_PER_PAUSE === 0) await pause();
  }
  return rows;
}
