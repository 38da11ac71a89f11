import type { RegistryRecord } from '../model.ts';
import type { Matching } from './matching-state.ts';
import { isNamed, overlap, protocolsCompatible } from './record-identity.ts';

/** Unnamed Unassigned or Reserved entries: IANA narrows, widens and splits them as ports are assigned. */
function isResizable(record: RegistryRecord): boolean {
  return record.status !== 'assigned' && record.portRange !== null && !isNamed(record);
}

/**
 * Rule 6: each unmatched resizable newer entry continues the open older entry of the same
 * status it overlaps most; the largest overlaps are linked first.
 */
export function matchResizedRanges(matching: Matching): void {
  const { older, newer } = matching;
  const waiting = matching.waiting().filter((b) => isResizable(newer[b] as RegistryRecord));
  if (waiting.length === 0) return;
  const olderRanges: { record: RegistryRecord; a: number; low: number; high: number }[] = [];
  for (const a of matching.openOlder()) {
    const record = older[a] as RegistryRecord;
    if (!isResizable(record)) continue;
    const { low, high } = record.portRange as NonNullable<RegistryRecord['portRange']>;
    olderRanges.push({ record, a, low, high });
  }
  olderRanges.sort((x, y) => x.low - y.low);
  const lows = olderRanges.map(({ low }) => low);
  // reach[k]: the highest port any of the first k+1 older ranges covers, to stop scanning early.
  const reach: number[] = [];
  olderRanges.forEach(({ high }, k) => {
    reach.push(Math.max(reach[k - 1] ?? -1, high));
  });

  const pairs: { a: number; b: number; size: number }[] = [];
  for (const b of waiting) {
    const record = newer[b] as RegistryRecord;
    const range = record.portRange as NonNullable<RegistryRecord['portRange']>;
    for (let k = upperBound(lows, range.high) - 1; k >= 0 && (reach[k] ?? -1) >= range.low; k--) {
      const candidate = olderRanges[k] as (typeof olderRanges)[number];
      const size = overlap(candidate, range);
      if (
        size > 0 &&
        candidate.record.status === record.status &&
        protocolsCompatible(candidate.record, record)
      ) {
        pairs.push({ a: candidate.a, b, size });
      }
    }
  }
  pairs.sort((x, y) => y.size - x.size || x.a - y.a || x.b - y.b);
  for (const { a, b } of pairs) {
    if (matching.predecessor[b] === -1 && matching.available(a, newer[b] as RegistryRecord)) {
      matching.link(a, b, 'range-resized');
    }
  }
}

/** First index whose value is greater than `value` in an ascending list. */
function upperBound(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((values[mid] as number) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
