import type { PortRange, Protocol } from '@portbook/core';
import { and, asc, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { assignments } from '../schema.ts';
import { validAt } from './assignments-containing.ts';

export interface OccupiedFilter {
  at?: string | undefined;
  /** A port is free for these protocols only when no record claims it on any of them. */
  protocols?: readonly Protocol[] | undefined;
  within: PortRange;
}

/**
 * The port ranges records claim (assigned or reserved) within `within`, sorted by low port.
 * Unassigned, deassigned and removed records claim nothing.
 */
export async function occupiedRanges(db: Db, filter: OccupiedFilter): Promise<PortRange[]> {
  const conditions: SQL[] = [
    validAt(filter.at),
    inArray(assignments.status, ['assigned', 'reserved']),
    lte(assignments.portLow, filter.within.high),
    gte(assignments.portHigh, filter.within.low),
  ];
  if (filter.protocols?.length) {
    conditions.push(inArray(assignments.protocol, [...filter.protocols]));
  }
  const rows = await db
    .selectDistinct({ low: assignments.portLow, high: assignments.portHigh })
    .from(assignments)
    .where(and(...conditions))
    .orderBy(asc(assignments.portLow), asc(assignments.portHigh));
  return rows.map((row) => ({ low: row.low as number, high: row.high as number }));
}
