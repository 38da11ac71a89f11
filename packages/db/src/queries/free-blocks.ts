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

/** The gaps between sorted (possibly overlapping) occupied ranges inside `within`. */
export function gapsBetween(
  occupied: readonly PortRange[],
  within: PortRange,
  minLength = 1,
): PortRange[] {
  const gaps: PortRange[] = [];
  let next = within.low;
  for (const range of occupied) {
    if (range.low > next) gaps.push({ low: next, high: Math.min(range.low - 1, within.high) });
    next = Math.max(next, range.high + 1);
    if (next > within.high) break;
  }
  if (next <= within.high) gaps.push({ low: next, high: within.high });
  return gaps.filter((gap) => gap.high - gap.low + 1 >= minLength);
}

/** The free port closest to `port` (the lower one on a tie); null when everything is taken. */
export function nearestGapPort(occupied: readonly PortRange[], port: number, within: PortRange) {
  let best: number | null = null;
  for (const gap of gapsBetween(occupied, within)) {
    const candidate = Math.min(Math.max(port, gap.low), gap.high);
    if (best === null || Math.abs(candidate - port) < Math.abs(best - port)) best = candidate;
  }
  return best;
}
