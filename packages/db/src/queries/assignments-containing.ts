import type { Protocol } from '@portbook/core';
import { and, asc, eq, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { type Assignment, assignments } from '../schema.ts';

/** When to read the registry: a date (`YYYY-MM-DD`), or undefined for its current state. */
export interface AtOptions {
  at?: string | undefined;
}

export interface PortAssignmentOptions extends AtOptions {
  protocol?: Protocol | undefined;
}

/** Assignment rows valid on `at` (or current ones): valid from on or before it, not yet ended. */
export function validAt(at: string | undefined): SQL {
  if (at === undefined) return isNull(assignments.validTo);
  return and(
    lte(assignments.validFrom, at),
    or(isNull(assignments.validTo), sql`${assignments.validTo} > ${at}`),
  ) as SQL;
}

/**
 * The registry records whose port or port range contains any of `ports` (so 6010 finds the
 * x11 range 6000-6063), in IANA's order. One statement however many ports are asked for.
 */
export async function assignmentsContaining(
  db: Db,
  ports: readonly number[],
  options: PortAssignmentOptions = {},
): Promise<Assignment[]> {
  if (ports.length === 0) return [];
  const low = Math.min(...ports);
  const high = Math.max(...ports);
  const conditions = [
    lte(assignments.portLow, high),
    gte(assignments.portHigh, low),
    validAt(options.at),
  ];
  if (ports.length === 1) {
    conditions.push(
      sql`int4range(${assignments.portLow}, ${assignments.portHigh}, '[]') @> ${low}::int`,
    );
  } else if (high - low + 1 > ports.length) {
    conditions.push(
      sql`exists (select 1 from unnest(${`{${ports.join(',')}}`}::int[]) as p(n) where p.n between ${assignments.portLow} and ${assignments.portHigh})`,
    );
  }
  if (options.protocol) conditions.push(eq(assignments.protocol, options.protocol));
  return db
    .select()
    .from(assignments)
    .where(and(...conditions))
    .orderBy(asc(assignments.portLow), asc(assignments.position), asc(assignments.id));
}

/** Groups rows by each asked-for port they contain, keeping order; ports with none get `[]`. */
export function groupByPort(
  ports: readonly number[],
  rows: readonly Assignment[],
): Map<number, Assignment[]> {
  const byPort = new Map<number, Assignment[]>(ports.map((port) => [port, []]));
  for (const row of rows) {
    if (row.portLow === null || row.portHigh === null) continue;
    for (const port of ports) {
      if (port >= row.portLow && port <= row.portHigh) byPort.get(port)?.push(row);
    }
  }
  return byPort;
}
