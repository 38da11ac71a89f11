import { sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { assignments } from '../schema.ts';
import { validAt } from './assignments-containing.ts';
import { rawRows } from './raw-rows.ts';

export interface NeighbouringPorts {
  port: number;
  /** The closest lower port an assigned record covers; null when there is none. */
  previousAssigned: number | null;
  nextAssigned: number | null;
}

/** For each port, the nearest assigned ports below and above it, in one statement. */
export async function neighbouringAssigned(
  db: Db,
  ports: readonly number[],
  at?: string,
): Promise<NeighbouringPorts[]> {
  if (ports.length === 0) return [];
  const assigned = sql`${assignments.status} = 'assigned' and ${validAt(at)}`;
  const rows = await rawRows<{ n: number; previous: number | null; next: number | null }>(
    db,
    sql`
    select p.n,
      (select max(least(${assignments.portHigh}, p.n - 1)) from ${assignments}
        where ${assignments.portLow} < p.n and ${assigned}) as previous,
      (select min(greatest(${assignments.portLow}, p.n + 1)) from ${assignments}
        where ${assignments.portHigh} > p.n and ${assigned}) as next
    from unnest(${`{${ports.join(',')}}`}::int[]) as p(n)`,
  );
  return rows.map((row) => ({
    port: Number(row.n),
    previousAssigned: row.previous === null ? null : Number(row.previous),
    nextAssigned: row.next === null ? null : Number(row.next),
  }));
}
