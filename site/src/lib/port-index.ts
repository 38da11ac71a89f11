/** Ranges are filed under every block of 256 ports they touch, so a lookup scans one block. */
const BLOCK_BITS = 8;

/** Anything stated for a port or an inclusive port range (records, changes). */
export interface PortBound {
  portLow: number | null;
  portHigh: number | null;
}

export interface PortIndex<T extends PortBound> {
  /** The rows whose port or range contains `port`: single ports first, then ranges, in load order. */
  rowsAt(port: number): T[];
}

/** An in-memory index over rows loaded once, for lookups from 65,536 port pages. */
export function createPortIndex<T extends PortBound>(rows: readonly T[]): PortIndex<T> {
  const singles = new Map<number, T[]>();
  const ranges = new Map<number, T[]>();
  for (const row of rows) {
    if (row.portLow === null || row.portHigh === null) continue;
    if (row.portLow === row.portHigh) {
      push(singles, row.portLow, row);
      continue;
    }
    for (let block = row.portLow >> BLOCK_BITS; block <= row.portHigh >> BLOCK_BITS; block++) {
      push(ranges, block, row);
    }
  }
  return {
    rowsAt(port) {
      const inRanges = (ranges.get(port >> BLOCK_BITS) ?? []).filter(
        (row) => (row.portLow ?? 0) <= port && port <= (row.portHigh ?? -1),
      );
      return [...(singles.get(port) ?? []), ...inRanges];
    },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
