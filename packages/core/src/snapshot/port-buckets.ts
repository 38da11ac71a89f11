import { PORT_MAX } from '../model.ts';

interface PortSpan {
  portLow: number | null;
  portHigh: number | null;
}

/** Inclusive port ranges; a row is indexed once under each port any of them contains. */
export type Spans = readonly (readonly [low: number, high: number])[];

const ownSpan = (row: PortSpan): Spans =>
  row.portLow === null || row.portHigh === null ? [] : [[row.portLow, row.portHigh]];

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
  constructor(rows: readonly Row[], spansOf: (row: Row) => Spans = ownSpan as (row: Row) => Spans) {
    this.#rows = rows;
    const offsets = this.#offsets;
    const spans = new Int32Array(PORT_MAX + 2);
    const rowSpans = rows.map((row) => merged(spansOf(row)));
    for (const [low, high] of rowSpans.flat()) {
      spans[low] = (spans[low] ?? 0) + 1;
      spans[high + 1] = (spans[high + 1] ?? 0) - 1;
    }
    let open = 0;
    for (let port = 0; port <= PORT_MAX; port++) {
      open += spans[port] ?? 0;
      offsets[port + 1] = (offsets[port] ?? 0) + open;
    }
    this.#members = new Uint32Array(offsets[PORT_MAX + 1] ?? 0);
    const cursor = offsets.slice(0, PORT_MAX + 1);
    rowSpans.forEach((spansOfRow, index) => {
      for (const [low, high] of spansOfRow) {
        for (let port = low; port <= high; port++) {
          const slot = cursor[port] ?? 0;
          this.#members[slot] = index;
          cursor[port] = slot + 1;
        }
      }
    });
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
