import { PORT_MAX } from '../model.ts';

interface PortSpan {
  portLow: number | null;
  portHigh: number | null;
}

/** Inclusive port ranges; a row is indexed once under each port any of them contains. */
export type Spans = readonly (readonly [low: number, high: number])[];

/** `spans` as ports: sorted, merged where they overlap or touch, so no port is counted twice. */
function merged(spans: Spans): Spans {
  if (spans.length < 2) return spans;
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [low, high] of sorted) {
    const last = out.at(-1);
    if (last && low <= last[1] + 1) last[1] = Math.max(last[1], high);
    else out.push([low, high]);
  }
  return out;
}

/**
 * Rows by each port their range contains, in a compressed sparse layout (one offset per port,
 * one index per covered port): a port's rows in O(1), in the order the rows were given.
 */
export class PortBuckets<Row> {
  readonly #rows: readonly Row[];
  readonly #offsets = new Uint32Array(PORT_MAX + 2);
  readonly #members: Uint32Array;

  /** `spansOf` says which ports a row belongs to (default: its own `portLow`–`portHigh`). */
  constructor(rows: readonly Row[], spansOf?: (row: Row) => Spans) {
    this.#rows = rows;
    // Every row's spans (merged) in one flat list of (row, low, high): no arrays per row.
    const flat: number[] = [];
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] as Row;
      if (spansOf === undefined) {
        const { portLow, portHigh } = row as PortSpan;
        if (portLow !== null && portHigh !== null) flat.push(index, portLow, portHigh);
      } else {
        for (const [low, high] of merged(spansOf(row))) flat.push(index, low, high);
      }
    }
    const counts = new Int32Array(PORT_MAX + 2);
    for (let at = 0; at < flat.length; at += 3) {
      const low = flat[at + 1] as number;
      const end = (flat[at + 2] as number) + 1;
      counts[low] = (counts[low] as number) + 1;
      counts[end] = (counts[end] as number) - 1;
    }
    const offsets = this.#offsets;
    let open = 0;
    for (let port = 0; port <= PORT_MAX; port++) {
      open += counts[port] as number;
      offsets[port + 1] = (offsets[port] as number) + open;
    }
    const members = new Uint32Array(offsets[PORT_MAX + 1] as number);
    const cursor = offsets.slice(0, PORT_MAX + 1);
    for (let at = 0; at < flat.length; at += 3) {
      const index = flat[at] as number;
      const high = flat[at + 2] as number;
      for (let port = flat[at + 1] as number; port <= high; port++) {
        const slot = cursor[port] as number;
        members[slot] = index;
        cursor[port] = slot + 1;
      }
    }
    this.#members = members;
  }

  /** The rows whose range contains `port`, in the order given at construction. */
  at(port: number): Row[] {
    const start = this.#offsets[port] ?? 0;
    const end = this.#offsets[port + 1] ?? 0;
    const found: Row[] = [];
    for (let slot = start; slot < end; slot++) {
      found.push(this.#rows[this.#members[slot] ?? 0] as Row);
    }
    return found;
  }

  /** How many (port, row) pairs are indexed: the memory the index takes, in 4-byte slots. */
  get size(): number {
    return this.#members.length;
  }
}
