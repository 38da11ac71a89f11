import { PORT_MAX } from '../model.ts';
import type { AssignmentRow } from './rows.ts';

const WORDS = (PORT_MAX + 1) / 32;

/**
 * The ports an assigned record covers on one date, one bit each: 8 KiB, so one per stretch of
 * the registry's history can be kept, where the whole port space of a date takes 640 KiB.
 * Answers a port's assigned neighbours a word (32 ports) at a time.
 */
export class AssignedPorts {
  readonly #bits = new Uint32Array(WORDS);

  /** `rows`: the records valid on the date. */
  constructor(rows: Iterable<AssignmentRow>) {
    for (const row of rows) {
      if (row.status !== 'assigned' || row.portLow === null || row.portHigh === null) continue;
      for (let port = row.portLow; port <= row.portHigh; port++) {
        this.#bits[port >>> 5] = (this.#bits[port >>> 5] ?? 0) | (1 << (port & 31));
      }
    }
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
