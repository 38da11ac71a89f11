import {
  freeBlocks,
  mergeRanges,
  PORT_MAX,
  type PortRange,
  type RangeClassDefinition,
  STATUSES,
  type Status,
} from '@portbook/core';
import { type Assignment, portStatus } from '@portbook/db';

/** Today's occupancy of the whole port space, computed once for every page. */
export interface PortSpace {
  /** Nearest port below that a record assigns today (the API's `neighbouringAssigned` rule). */
  previousAssigned(port: number): number | undefined;
  nextAssigned(port: number): number | undefined;
  /** The maximal run of free ports around `port` within its class, if it is free. */
  freeBlockOf(port: number): PortRange | undefined;
  /** The closest port of a free block (lower on a tie); the port itself when free. */
  nearestFreeTo(port: number): number | null;
  /** Every free block, class by class, lowest first. */
  freeBlocks: readonly PortRange[];
  isAssigned(port: number): boolean;
  /** The port's status today, as the API's `portStatus` decides it. */
  statusOf(port: number): Status;
}

/**
 * A port is taken when a record today assigns, reserves or de-assigns it (IANA lists a de-assigned
 * port as Reserved, not Unassigned); free blocks are cut at today's IANA class boundaries so none
 * straddles User and Dynamic Ports, and the nearest free port is the closest port of a free block.
 */
export function createPortSpace(
  currentRecordsAt: (port: number) => readonly Assignment[],
  classes: readonly Pick<RangeClassDefinition, 'low' | 'high'>[],
): PortSpace {
  const assigned = new Uint8Array(PORT_MAX + 1);
  const statuses = new Uint8Array(PORT_MAX + 1).fill(STATUSES.indexOf('unassigned'));
  const taken: PortRange[] = [];
  for (let port = 0; port <= PORT_MAX; port++) {
    const records = currentRecordsAt(port);
    if (records.length === 0) continue;
    if (records.some((record) => record.status === 'assigned')) assigned[port] = 1;
    statuses[port] = STATUSES.indexOf(portStatus(records));
    if (records.some(claimsPort)) taken.push({ low: port, high: port });
  }
  const occupied = mergeRanges(taken);
  const blocks = classes.flatMap((rangeClass) => freeBlocks(occupied, rangeClass));
  blocks.sort((a, b) => a.low - b.low);
  const previous = new Int32Array(PORT_MAX + 1);
  const next = new Int32Array(PORT_MAX + 1);
  for (let port = 0, last = -1; port <= PORT_MAX; port++) {
    previous[port] = last;
    if (assigned[port]) last = port;
  }
  for (let port = PORT_MAX, last = -1; port >= 0; port--) {
    next[port] = last;
    if (assigned[port]) last = port;
  }
  return {
    previousAssigned: (port) => orUndefined(previous[port]),
    nextAssigned: (port) => orUndefined(next[port]),
    freeBlockOf: (port) => rangeAt(blocks, port),
    nearestFreeTo: (port) => nearestInBlocks(blocks, port),
    freeBlocks: blocks,
    isAssigned: (port) => assigned[port] === 1,
    statusOf: (port) => STATUSES[statuses[port] ?? 0] ?? 'unassigned',
  };
}

function claimsPort(record: Assignment): boolean {
  return record.status !== 'unassigned';
}

/** The port of a block (sorted, disjoint) closest to `port`, lower on a tie; null without blocks. */
function nearestInBlocks(blocks: readonly PortRange[], port: number): number | null {
  let low = 0;
  let high = blocks.length;
  // The first block that starts above the port; the one before it may hold or precede the port.
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((blocks[middle]?.low ?? 0) > port) high = middle;
    else low = middle + 1;
  }
  const below = blocks[low - 1];
  const above = blocks[low];
  const fromBelow = below && Math.min(port, below.high);
  if (fromBelow === port) return port;
  if (fromBelow === undefined) return above?.low ?? null;
  if (!above) return fromBelow;
  return port - fromBelow <= above.low - port ? fromBelow : above.low;
}

function orUndefined(value: number | undefined): number | undefined {
  return value === undefined || value < 0 ? undefined : value;
}

/** Binary search in sorted, disjoint ranges. */
function rangeAt(ranges: readonly PortRange[], port: number): PortRange | undefined {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle];
    if (!range) break;
    if (port < range.low) high = middle - 1;
    else if (port > range.high) low = middle + 1;
    else return range;
  }
  return undefined;
}
