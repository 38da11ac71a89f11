import { PORT_MAX } from '../model.ts';

interface PortSpan {
  portLow: number | null;
  portHigh: number | null;
}

/**
 * Rows by each port their range contains, in a compressed sparse layout (one offset per port,
 * one index per covered port): a port's rows in O(1), in the order the rows were given.
 */
export class PortBuckets<Row extends PortSpan> {
  readonly #rows: readonly Row[];
  readonly #offsets = new Uint32Array(PORT_MAX + 2);
  readonly #members: Uint32Array;

  constructor(rows: readonly Row[]) {
    this.#rows = rows;
    const offsets = this.#offsets;
    const spans = new Int32Array(PORT_MAX + 2);
    for (const row of rows) {
      if (row.portLow === null || row.portHigh === null) continue;
      spans[row.portLow] = (spans[row.portLow] ?? 0) + 1;
      spans[row.portHigh + 1] = (spans[row.portHigh + 1] ?? 0) - 1;
    }
    let open = 0;
    for (let port = 0; port <= PORT_MAX; port++) {
      open += spans[port] ?? 0;
      offsets[port + 1] = (offsets[port] ?? 0) + open;
    }
    this.#members = new Uint32Array(offsets[PORT_MAX + 1] ?? 0);
    const cursor = offsets.slice(0, PORT_MAX + 1);
    rows.forEach((row, index) => {
      if (row.portLow === null || row.portHigh === null) return;
      for (let port = row.portLow; port <= row.portHigh; port++) {
        const slot = cursor[port] ?? 0;
        this.#members[slot] = index;
        cursor[port] = slot + 1;
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
