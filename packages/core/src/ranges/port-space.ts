import { PortbookError } from '../errors.ts';
import { PORT_MAX, PORT_MIN, type PortRange, type RangeClassDefinition } from '../model.ts';
import { validOn } from '../snapshot/validity.ts';
import { EPHEMERAL_RANGES } from './ephemeral.ts';
import { IANA_RANGE_CLASSES } from './range-classes.ts';

/** Throws PORT_OUT_OF_RANGE unless `port` is an integer from 0 to 65535. */
export function assertPort(port: number): void {
  if (!Number.isInteger(port) || port < PORT_MIN || port > PORT_MAX) {
    throw new PortbookError(
      'PORT_OUT_OF_RANGE',
      `${port} is not a port number: ports are whole numbers from ${PORT_MIN} to ${PORT_MAX}`,
    );
  }
}

function assertRange(range: PortRange): void {
  assertPort(range.low);
  assertPort(range.high);
  if (range.low > range.high) {
    throw new PortbookError('PORT_OUT_OF_RANGE', `${range.low}-${range.high} is an empty range`);
  }
}

/** Today as YYYY-MM-DD, the date classes default to. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function assertDate(date: string): void {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== date
  ) {
    throw new PortbookError('INVALID_DATE', `${date} is not a date in the form YYYY-MM-DD`);
  }
}

/** IANA's classes in force on `date` (default today), by port. */
export function classesAt(date: string = today()): RangeClassDefinition[] {
  assertDate(date);
  return IANA_RANGE_CLASSES.filter((c) => validOn(c, date)).sort(
    (a, b) => a.low - b.low || a.high - b.high,
  );
}

/** The IANA class `port` belonged to on `date` (default today); the narrowest if documents defined several. */
export function classOf(port: number, date: string = today()): RangeClassDefinition | undefined {
  assertPort(port);
  return classesAt(date)
    .filter((c) => c.low <= port && port <= c.high)
    .sort((a, b) => a.high - a.low - (b.high - b.low))[0];
}

/** Operating systems' default ephemeral ranges holding `port`, on `date` when given, else at any time. */
export function ephemeralRangesContaining(port: number, date?: string): RangeClassDefinition[] {
  assertPort(port);
  if (date !== undefined) assertDate(date);
  return EPHEMERAL_RANGES.filter(
    (r) => r.low <= port && port <= r.high && (date === undefined || validOn(r, date)),
  );
}

/** Occupied ranges sorted and merged, touching ranges joined (6000-6063 and 6064 make 6000-6064). */
export function mergeRanges(ranges: readonly PortRange[]): PortRange[] {
  for (const range of ranges) assertRange(range);
  const sorted = [...ranges].sort((a, b) => a.low - b.low || a.high - b.high);
  const merged: PortRange[] = [];
  for (const { low, high } of sorted) {
    const last = merged.at(-1);
    if (last && low <= last.high + 1) last.high = Math.max(last.high, high);
    else merged.push({ low, high });
  }
  return merged;
}

/** The maximal runs of ports in `within` that no occupied range covers, at least `minLength` long. */
export function freeBlocks(
  occupied: readonly PortRange[],
  within: PortRange = { low: PORT_MIN, high: PORT_MAX },
  minLength = 1,
): PortRange[] {
  assertRange(within);
  if (!Number.isInteger(minLength) || minLength < 1) {
    throw new PortbookError(
      'PORT_OUT_OF_RANGE',
      `a block needs a whole length of at least 1, not ${minLength}`,
    );
  }
  const blocks: PortRange[] = [];
  let next = within.low;
  const keep = (low: number, high: number) => {
    if (high - low + 1 >= minLength) blocks.push({ low, high });
  };
  for (const range of mergeRanges(occupied)) {
    if (range.high < within.low) continue;
    if (range.low > within.high) break;
    if (range.low > next) keep(next, range.low - 1);
    next = Math.max(next, range.high + 1);
  }
  if (next <= within.high) keep(next, within.high);
  return blocks;
}

/** The free port closest to `port` (the lower on a tie), `port` itself when free, null when none is. */
export function nearestFree(port: number, occupied: readonly PortRange[]): number | null {
  assertPort(port);
  const merged = mergeRanges(occupied);
  const holder = merged.find((range) => range.low <= port && port <= range.high);
  if (!holder) return port;
  const below = holder.low - 1 >= PORT_MIN ? holder.low - 1 : null;
  const above = holder.high + 1 <= PORT_MAX ? holder.high + 1 : null;
  if (below === null) return above;
  if (above === null) return below;
  return port - below <= above - port ? below : above;
}
