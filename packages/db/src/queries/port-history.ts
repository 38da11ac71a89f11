import { and, asc, gte, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { type Change, changes } from '../schema.ts';

/** The port or range a change moved a record away from (Telnet 1 -> 23 in RFC 739), if it did. */
export function movedFrom(change: Pick<Change, 'fields'>): { low: number; high: number } | null {
  const before = change.fields?.portRange?.before as { low?: unknown; high?: unknown } | null;
  return typeof before?.low === 'number' && typeof before.high === 'number'
    ? { low: before.low, high: before.high }
    : null;
}

/**
 * The dated events of every record whose port or range contains one of `ports`, oldest first:
 * additions, removals, modifications and renames, with the document each was read from. A record
 * that moved to another port shows the move on the port it left too.
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
  const moved = sql`(${changes.fields}->'portRange'->'before'->>'low')::int <= ${high}
    and (${changes.fields}->'portRange'->'before'->>'high')::int >= ${low}`;
  return db
    .select()
    .from(changes)
    .where(or(and(...conditions), moved))
    .orderBy(asc(changes.occurred), asc(changes.portLow), asc(changes.protocol), asc(changes.id));
}

/** Groups change rows by each asked-for port they touch, keeping order. */
export function groupChangesByPort(
  ports: readonly number[],
  rows: readonly Change[],
): Map<number, Change[]> {
  const byPort = new Map<number, Change[]>(ports.map((port) => [port, []]));
  for (const row of rows) {
    const ranges = [movedFrom(row)];
    if (row.portLow !== null && row.portHigh !== null) {
      ranges.push({ low: row.portLow, high: row.portHigh });
    }
    for (const port of ports) {
      if (ranges.some((range) => range && port >= range.low && port <= range.high)) {
        byPort.get(port)?.push(row);
      }
    }
  }
  return byPort;
}
