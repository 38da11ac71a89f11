import { and, asc, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { type Change, changes } from '../schema.ts';

/**
 * The dated events of every record whose port or range contains one of `ports`, oldest first:
 * additions, removals, modifications and renames, with the document each was read from.
 */
export async function changesContaining(db: Db, ports: readonly number[]): Promise<Change[]> {
  if (ports.length === 0) return [];
  const low = Math.min(...ports);
  const high = Math.max(...ports);
  const conditions: SQL[] = [lte(changes.portLow, high), gte(changes.portHigh, low)];
  if (high - low + 1 > ports.length) {
    conditions.push(
      sql`exists (select 1 from unnest(${`{${ports.join(',')}}`}::int[]) as p(n) where p.n between ${changes.portLow} and ${changes.portHigh})`,
    );
  }
  return db
    .select()
    .from(changes)
    .where(and(...conditions))
    .orderBy(asc(changes.occurred), asc(changes.portLow), asc(changes.protocol), asc(changes.id));
}

/** Groups change rows by each asked-for port they touch, keeping order. */
export function groupChangesByPort(
  ports: readonly number[],
  rows: readonly Change[],
): Map<number, Change[]> {
  const byPort = new Map<number, Change[]>(ports.map((port) => [port, []]));
  for (const row of rows) {
    if (row.portLow === null || row.portHigh === null) continue;
    for (const port of ports) {
      if (port >= row.portLow && port <= row.portHigh) byPort.get(port)?.push(row);
    }
  }
  return byPort;
}
