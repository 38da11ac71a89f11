import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '@portbook/db';
import postgres from 'postgres';
import { timed } from './harness.ts';

/** The tables an import writes, in an order their foreign keys accept. */
export const IMPORTED_TABLES = [
  'sources',
  'record_versions',
  'source_records',
  'people',
  'assignments',
  'changes',
  'name_links',
] as const;

async function* chunks(stream: AsyncIterable<Buffer | string>) {
  for await (const chunk of stream) yield chunk;
}

/** Every row of the imported tables in COPY's text format, read from a loaded database. */
export async function dumpTables(database: Database, url?: string): Promise<Map<string, string>> {
  const dump = new Map<string, string>();
  if (database.kind === 'pglite') {
    for (const table of IMPORTED_TABLES) {
      const result = await database.client.query(`copy ${table} to '/dev/blob'`);
      dump.set(table, await (result.blob as Blob).text());
    }
    return dump;
  }
  const sql = postgres(url as string, { max: 1, onnotice: () => {} });
  try {
    for (const table of IMPORTED_TABLES) {
      const parts: string[] = [];
      for await (const chunk of chunks(await sql.unsafe(`copy ${table} to stdout`).readable())) {
        parts.push(chunk.toString());
      }
      dump.set(table, parts.join(''));
    }
    return dump;
  } finally {
    await sql.end();
  }
}

/**
 * The floor for storing those rows: each table COPYed into a fresh database in one
 * transaction, foreign-key triggers off as in the importer. Returns the milliseconds it took.
 */
export async function copyTables(
  database: Database,
  dump: Map<string, string>,
  url?: string,
): Promise<number> {
  if (database.kind === 'pglite') {
    const { ms } = await timed(() =>
      database.client.transaction(async (tx) => {
        await tx.query('set local session_replication_role = replica');
        for (const [table, text] of dump) {
          await tx.query(`copy ${table} from '/dev/blob'`, [], { blob: new Blob([text]) });
        }
      }),
    );
    return ms;
  }
  const sql = postgres(url as string, { max: 1, onnotice: () => {} });
  try {
    await sql`select 1`;
    const { ms } = await timed(() =>
      sql.begin(async (tx) => {
        await tx.unsafe('set local session_replication_role = replica');
        for (const [table, text] of dump) {
          const stream = await tx.unsafe(`copy ${table} from stdin`).writable();
          await pipeline(Readable.from([text]), stream);
        }
      }),
    );
    return ms;
  } finally {
    await sql.end();
  }
}
