import { PORT_MAX } from '../model.ts';
import type { AssignmentRow } from './rows.ts';

const WORDS = (PORT_MAX + 1) / 32;

type AssignedRow = AssignmentRow & { portLow: number; portHigh: number };

/** An assigned record with ports: what makes a port assigned. */
const coversAssigned = (row: AssignmentRow): row is AssignedRow =>
  row.status === 'assigned' && row.portLow !== null && row.portHigh !== null;

/**
 * The ports an assigned record covers on one date, one bit each: 8 KiB, so one per stretch of
 * the registry's history can be kept, where the whole port space of a date takes 640 KiB.
 * Answers a port's assigned neighbours a word (32 ports) at a time.
 */
export class AssignedPorts {
  readonly #bits: Uint32Array;

  /** `rows`: the records valid on the date (or, from `through`, the bits already worked out). */
  constructor(rows: Iterable<AssignmentRow>, bits?: Uint32Array) {
    this.#bits = bits ?? new Uint32Array(WORDS);
    if (bits) return;
    for (const row of rows) {
      if (!coversAssigned(row)) continue;
      for (let port = row.portLow; port <= row.portHigh; port++) {
        this.#bits[port >>> 5] = (this.#bits[port >>> 5] ?? 0) | (1 << (port & 31));
      }
    }
  }

  /**
   * The assigned ports on each of `dates` (ascending; every date a record starts or stops being
   * valid on, so each stands for the stretch of days up to the next), in one sweep through
   * history: each record's ports are counted in on its first day and out on its last, where
   * filtering every record for each date took about 25 ms a date over the full history.
   */
  static through(
    rows: readonly AssignmentRow[],
    dates: readonly string[],
  ): Map<string, AssignedPorts> {
    const starting = new Map<string, AssignedRow[]>();
    const ending = new Map<string, AssignedRow[]>();
    const add = (map: Map<string, AssignedRow[]>, date: string, row: AssignedRow) => {
      const list = map.get(date);
      if (list) list.push(row);
      else map.set(date, [row]);
    };
    for (const row of rows) {
      // A record valid on no day at all (it ends where it starts) is never counted.
      if (!coversAssigned(row) || (row.validTo !== null && row.validTo <= row.validFrom)) continue;
      add(starting, row.validFrom, row);
      if (row.validTo !== null) add(ending, row.validTo, row);
    }
    const counts = new Int32Array(PORT_MAX + 1);
    const bits = new Uint32Array(WORDS);
    const count = (row: AssignedRow, by: 1 | -1) => {
      for (let port = row.portLow; port <= row.portHigh; port++) {
        const was = counts[port] ?? 0;
        counts[port] = was + by;
        const word = port >>> 5;
        const bit = 1 << (port & 31);
        if (was === 0) bits[word] = (bits[word] ?? 0) | bit;
        else if (was + by === 0) bits[word] = (bits[word] ?? 0) & ~bit;
      }
    };
    const byDate = new Map<string, AssignedPorts>();
    for (const date of dates) {
      for (const row of ending.get(date) ?? []) count(row, -1);
      for (const row of starting.get(date) ?? []) count(row, 1);
      byDate.set(date, new AssignedPorts([], bits.slice()));
    }
    return byDate;
  }

  /** The nearest lower assigned port; null when there is none. */
  previous(port: number): number | null {
    if (port <= 0) return null;
    const below = port - 1;
    // Bits up to and including `below` in its word (2 << 31 is 0: every bit).
    let word = below >>> 5;
    let bits = (this.#bits[word] ?? 0) & ((2 << (below & 31)) - 1);
    while (bits === 0) {
      if (--word < 0) return null;
      bits = this.#bits[word] ?? 0;
    }
    return word * 32 + 31 - Math.clz32(bits);
  }

  /** The nearest higher assigned port; null when there is none. */
  next(port: number): number | null {
    if (port >= PORT_MAX) return null;
    const above = port + 1;
    let word = above >>> 5;
    let bits = (this.#bits[word] ?? 0) & ~((1 << (above & 31)) - 1);
    while (bits === 0) {
      if (++word >= WORDS) return null;
      bits = this.#bits[word] ?? 0;
    }
    return word * 32 + 31 - Math.clz32(bits & -bits);
  }
}
